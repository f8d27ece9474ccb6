import { messageDensity } from './messageDensity.ts';
import { ownerColor, type Palette } from './palette.ts';
import type { TimelineModel } from './timelineModel.ts';

/**
 * The overview strip under the plot: the whole run compressed into a few pixels per lane —
 * message traffic, key lives, beliefs — with violations as full-height bands. Drawn once per
 * run, size and theme (never on zoom); the brush and the cursor sit on top in SVG.
 */
export function drawOverview(ctx: CanvasRenderingContext2D, model: TimelineModel, widthPx: number, heightPx: number, p: Palette): void {
  ctx.save();
  ctx.fillStyle = p.lane;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const endMs = Math.max(1, model.endMs);
  const x = (t: number) => (Math.min(t, endMs) / endMs) * widthPx;
  ctx.fillStyle = p.violation;
  for (const v of model.violations) ctx.fillRect(x(v.fromMs), 0, Math.max(2, x(v.toMs) - x(v.fromMs)), heightPx);
  const rows = model.lanes.length;
  const rowH = heightPx / Math.max(1, rows);
  const bins = Math.max(1, Math.floor(widthPx));
  const counts = messageDensity(model.messages, rows, 0, endMs, bins);
  let max = 1;
  for (const c of counts) if (c > max) max = c;
  ctx.fillStyle = p.message;
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < bins; b++) {
      const c = counts[r * bins + b] as number;
      if (c === 0) continue;
      const h = Math.max(0.5, Math.sqrt(c / max) * rowH * 0.8);
      ctx.fillRect((b / bins) * widthPx, (r + 1) * rowH - h, widthPx / bins, h);
    }
  }
  for (const k of model.keys.items) {
    ctx.fillStyle = ownerColor(p, k.ownerSlot);
    ctx.fillRect(x(k.fromMs), k.row * rowH + rowH * 0.25, Math.max(1, x(k.toMs) - x(k.fromMs)), Math.max(1, rowH * 0.5));
  }
  ctx.fillStyle = p.belief;
  for (const b of model.beliefs.items)
    ctx.fillRect(x(b.startMs), b.row * rowH + rowH * 0.25, Math.max(1, x(b.endMs) - x(b.startMs)), Math.max(1, rowH * 0.5));
  ctx.restore();
}
