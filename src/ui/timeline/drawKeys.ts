import { clampX, type Frame } from './frame.ts';
import { ownerColor } from './palette.ts';
import { visibleRange } from './timeIndex.ts';
import type { KeyBar } from './timelineModel.ts';

/**
 * The lock key's lives on the node lanes: a bar in the owner's colour while the value is
 * there (fainter when it arrived by replication or a reload), a dashed tail to when it would
 * have expired if it was lost, discarded or overwritten first (or is still there at the end),
 * and how it ended: an X for a value lost in a crash or a resync, a bar at an expiry.
 */
export function drawKeys(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const w = g.widthPx;
  const [lo, hi] = visibleRange(model.keys, f.fromMs, f.toMs);
  ctx.save();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = lo; i < hi; i++) {
    const k = model.keys.items[i] as KeyBar;
    const box = g.boxes[k.row];
    const tailEndMs = Number.isFinite(k.expireTrueMs) ? Math.max(k.toMs, k.expireTrueMs) : k.toMs;
    if (box === undefined || tailEndMs < f.fromMs) continue;
    const h = Math.max(4, Math.round(box.height * 0.36));
    const y = Math.round(box.y + (box.height - h) / 2);
    const x0 = clampX(f.x(k.fromMs), w);
    const x1 = clampX(f.x(k.toMs), w);
    const colour = ownerColor(p, k.ownerSlot);
    const barInView = k.toMs >= f.fromMs; // else only its tail reaches into view
    if (barInView) {
      ctx.fillStyle = colour;
      ctx.globalAlpha = k.via === 'command' ? 0.9 : 0.55;
      ctx.fillRect(x0, y, Math.max(1.5, x1 - x0), h);
      ctx.globalAlpha = 1;
    }
    if (barInView && x1 - x0 > 28 && h >= 9) {
      ctx.fillStyle = p.bg;
      ctx.fillText(k.owner ?? k.value, Math.max(x0, 0) + 3, y + h / 2, Math.max(0, Math.min(x1, w) - Math.max(x0, 0) - 6));
    }
    const cy = y + h / 2;
    // A value deleted by its owner or expired needs no tail; one that was lost, discarded, overwritten or is still there does.
    if (Number.isFinite(k.expireTrueMs) && k.expireTrueMs > k.toMs && k.end !== 'expired' && k.end !== 'deleted') {
      const xe = clampX(f.x(k.expireTrueMs), w);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(x1, cy);
      ctx.lineTo(xe, cy);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(xe, cy - h / 2);
      ctx.lineTo(xe, cy + h / 2);
      ctx.stroke();
    }
    if (k.end === 'lost' || k.end === 'resync') {
      ctx.strokeStyle = p.fault;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x1 - 4, cy - 4);
      ctx.lineTo(x1 + 4, cy + 4);
      ctx.moveTo(x1 - 4, cy + 4);
      ctx.lineTo(x1 + 4, cy - 4);
      ctx.stroke();
    } else if (k.end === 'expired') {
      ctx.fillStyle = colour;
      ctx.fillRect(x1 - 1, y - 3, 2, h + 6);
    }
  }
  ctx.restore();
}
