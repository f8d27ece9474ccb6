import { clampX, type Frame } from './frame.ts';
import { visibleRange } from './timeIndex.ts';

/** Down (crashed) and paused stretches as shaded lanes; partitions in the top row; degraded links on their sender. */
export function drawSpans(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const w = g.widthPx;
  ctx.save();
  const [lo, hi] = visibleRange(model.spans, f.fromMs, f.toMs);
  for (let i = lo; i < hi; i++) {
    const s = model.spans.items[i];
    const box = s === undefined ? undefined : g.boxes[s.row];
    if (s === undefined || box === undefined || s.toMs < f.fromMs) continue;
    const x0 = clampX(f.x(s.fromMs), w);
    const x1 = clampX(f.x(s.toMs), w);
    ctx.fillStyle = s.state === 'down' ? p.down : p.paused;
    ctx.fillRect(x0, box.y + 1, Math.max(1, x1 - x0), box.height - 1);
    if (x1 - x0 > 60) {
      ctx.fillStyle = p.muted;
      ctx.font = '10px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText(s.state === 'down' ? 'down' : 'paused', Math.max(x0, 4) + 2, box.y + 2);
    }
  }
  drawPartitions(ctx, f);
  ctx.strokeStyle = p.fault;
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 2;
  for (const link of model.links) {
    const box = g.boxes[link.row];
    if (box === undefined || link.toMs < f.fromMs || link.fromMs > f.toMs) continue;
    ctx.beginPath();
    ctx.moveTo(clampX(f.x(link.fromMs), w), box.y + 3);
    ctx.lineTo(clampX(f.x(link.toMs), w), box.y + 3);
    ctx.stroke();
  }
  ctx.restore();
}

/** Partitions in the top row: overlapping ones share it in thin stripes; labels run left to right without overlapping. */
function drawPartitions(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const w = g.widthPx;
  const slots = Math.max(1, Math.min(4, ...model.partitions.map((_, i) => overlapping(model.partitions, i) + 1)));
  const stripe = (g.topRow.height - 4) / slots;
  let textRight = Number.NEGATIVE_INFINITY;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  model.partitions.forEach((part, i) => {
    if (part.toMs < f.fromMs || part.fromMs > f.toMs) return;
    const x0 = clampX(f.x(part.fromMs), w);
    const x1 = clampX(f.x(part.toMs), w);
    const slot = overlapping(model.partitions, i) % slots;
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = p.fault;
    ctx.fillRect(x0, g.topRow.y + 2 + slot * stripe, Math.max(1, x1 - x0), Math.max(1, stripe - 1));
    ctx.globalAlpha = 1;
    const text = `partition ${part.id}`;
    const tx = Math.max(x0 + 10, 12, textRight + 10);
    const tw = ctx.measureText(text).width;
    if (tx + tw > Math.min(x1, w)) return;
    ctx.fillStyle = p.fg;
    ctx.fillText(text, tx, g.topRow.y + g.topRow.height / 2);
    textRight = tx + tw;
  });
}

/** How many earlier partitions are still in force when partition i starts (its stripe). */
function overlapping(partitions: readonly { fromMs: number; toMs: number }[], i: number): number {
  const part = partitions[i];
  if (part === undefined) return 0;
  let n = 0;
  for (let j = 0; j < i; j++) {
    const other = partitions[j];
    if (other !== undefined && other.toMs > part.fromMs) n++;
  }
  return n;
}
