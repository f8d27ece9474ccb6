import type { Frame } from './frame.ts';
import { timeTicks } from './timeAxis.ts';

/** Lane backgrounds (alternate rows tinted), the selected lane emphasised, the top row, vertical grid lines at the ticks. */
export function drawLanes(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p } = f;
  ctx.save();
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, g.widthPx, g.heightPx);
  ctx.fillStyle = p.lane;
  for (const box of g.boxes) if (box.row % 2 === 0) ctx.fillRect(0, box.y, g.widthPx, box.height);
  const selected = g.boxes.find((b) => b.id === f.selected);
  if (selected !== undefined) {
    ctx.globalAlpha = 0.1;
    ctx.fillStyle = p.focus;
    ctx.fillRect(0, selected.y, g.widthPx, selected.height);
    ctx.globalAlpha = 1;
    ctx.fillRect(0, selected.y, 3, selected.height);
  }
  ctx.strokeStyle = p.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const box of g.boxes) {
    ctx.moveTo(0, box.y + 0.5);
    ctx.lineTo(g.widthPx, box.y + 0.5);
  }
  ctx.moveTo(0, g.lanesBottom - 0.5);
  ctx.lineTo(g.widthPx, g.lanesBottom - 0.5);
  ctx.stroke();
  ctx.globalAlpha = 0.5;
  ctx.beginPath();
  for (const tick of timeTicks(f.fromMs, f.toMs, Math.floor(g.widthPx / 90))) {
    const x = Math.round(f.x(tick.t)) + 0.5;
    ctx.moveTo(x, g.lanesTop);
    ctx.lineTo(x, g.lanesBottom);
  }
  ctx.stroke();
  ctx.restore();
}
