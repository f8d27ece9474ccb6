import type { Frame } from './frame.ts';
import { timeTicks } from './timeAxis.ts';

/** The time axis under the lanes: tick marks and labels in true time. */
export function drawAxis(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p } = f;
  const { y, height } = g.axis;
  ctx.save();
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, y, g.widthPx, height);
  ctx.strokeStyle = p.muted;
  ctx.fillStyle = p.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const tick of timeTicks(f.fromMs, f.toMs, Math.floor(g.widthPx / 90))) {
    const x = Math.round(f.x(tick.t)) + 0.5;
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + 4);
    const w = ctx.measureText(tick.label).width;
    ctx.fillText(tick.label, Math.min(Math.max(0, x - w / 2), g.widthPx - w), y + 5);
  }
  ctx.stroke();
  ctx.restore();
}
