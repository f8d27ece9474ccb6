import type { Frame } from './frame.ts';
import { laneY } from './laneLayout.ts';
import { visibleRange } from './timeIndex.ts';
import type { PointGlyph } from './timelineModel.ts';

/** Labels beside the glyphs only while there are few of them in view (else they overlap). */
const LABELS_MAX = 24;

/** Moments on a lane: a crash (x), a restart (triangle), a clock jump or rate change (clock), a role change (diamond). */
export function drawPoints(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.points, f.fromMs, f.toMs);
  const labels = hi - lo <= LABELS_MAX;
  // Per lane, where the last label ended: a label that would overlap it is left out.
  const labelRight = new Map<number, number>();
  ctx.save();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = 2;
  for (let i = lo; i < hi; i++) {
    const pt = model.points.items[i] as PointGlyph;
    const box = g.boxes[pt.row];
    if (box === undefined) continue;
    const x = f.x(pt.t);
    const y = laneY(box);
    switch (pt.kind) {
      case 'crash':
        ctx.strokeStyle = p.fault;
        ctx.beginPath();
        ctx.moveTo(x - 6, y - 6);
        ctx.lineTo(x + 6, y + 6);
        ctx.moveTo(x - 6, y + 6);
        ctx.lineTo(x + 6, y - 6);
        ctx.stroke();
        break;
      case 'restart':
        ctx.fillStyle = p.belief;
        ctx.beginPath();
        ctx.moveTo(x, y - 6);
        ctx.lineTo(x + 6, y + 5);
        ctx.lineTo(x - 6, y + 5);
        ctx.closePath();
        ctx.fill();
        break;
      case 'clock-jump':
      case 'clock-rate':
        ctx.strokeStyle = p.fault;
        ctx.beginPath();
        ctx.arc(x, y, 5, 0, Math.PI * 2);
        ctx.moveTo(x, y);
        ctx.lineTo(x, y - 3.5);
        ctx.moveTo(x, y);
        ctx.lineTo(x + 2.5, y);
        ctx.stroke();
        break;
      case 'role':
        ctx.fillStyle = p.focus;
        ctx.beginPath();
        ctx.moveTo(x, y - 5);
        ctx.lineTo(x + 5, y);
        ctx.lineTo(x, y + 5);
        ctx.lineTo(x - 5, y);
        ctx.closePath();
        ctx.fill();
        break;
    }
    if (labels && x + 8 > (labelRight.get(pt.row) ?? Number.NEGATIVE_INFINITY)) {
      ctx.fillStyle = p.fg;
      ctx.fillText(pt.text, x + 8, box.y + box.height - 2);
      labelRight.set(pt.row, x + 8 + ctx.measureText(pt.text).width + 6);
    }
  }
  ctx.restore();
}
