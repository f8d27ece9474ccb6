import { clampX, type Frame } from './frame.ts';
import { laneY } from './laneLayout.ts';
import { decimateArrows, messageDensity, tooDenseForArrows } from './messageDensity.ts';
import type { Palette } from './palette.ts';
import { visibleRange } from './timeIndex.ts';
import type { MessageArrow, MessageFamily } from './timelineModel.ts';

/** Arrowheads only while there are few enough arrows to see them (they cost a path each). */
const HEADS_MAX = 700;

const FAMILIES: MessageFamily[] = ['lock', 'replication', 'sentinel', 'storage'];

function familyColour(p: Palette, family: MessageFamily): string {
  switch (family) {
    case 'lock':
      return p.message;
    case 'replication':
      return p.keyReplicated;
    case 'sentinel':
      return p.muted;
    case 'storage':
      return p.writeOk;
  }
}

/** Messages as arrows from the sender's lane at the send to the receiver's lane at the arrival; a dropped one ends in an x. */
export function drawMessages(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, model } = f;
  const [lo, hi] = visibleRange(model.messages, f.fromMs, f.toMs);
  ctx.save();
  if (tooDenseForArrows(hi - lo, g.widthPx)) drawDensity(ctx, f);
  else drawArrows(ctx, f, decimateArrows(model.messages, lo, hi, f.fromMs, f.x, 1));
  ctx.restore();
}

function drawArrows(ctx: CanvasRenderingContext2D, f: Frame, drawn: number[]): void {
  const { geometry: g, palette: p, model } = f;
  const w = g.widthPx;
  const heads = drawn.length <= HEADS_MAX;
  ctx.lineWidth = 1;
  for (const family of FAMILIES) {
    const colour = familyColour(p, family);
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    const lines = new Path2D();
    const crosses = new Path2D();
    const tips = new Path2D();
    for (const i of drawn) {
      const m = model.messages.items[i] as MessageArrow;
      if (m.family !== family) continue;
      const from = g.boxes[m.fromRow];
      const to = g.boxes[m.toRow];
      if (from === undefined || to === undefined) continue;
      const x0 = clampX(f.x(m.sentMs), w);
      const y0 = laneY(from);
      const y1full = laneY(to);
      if (m.arrivedMs !== null) {
        const x1 = clampX(f.x(m.arrivedMs), w);
        lines.moveTo(x0, y0);
        lines.lineTo(x1, y1full);
        if (heads) arrowHead(tips, x0, y0, x1, y1full);
      } else {
        // Dropped: the arrow stops halfway to the receiver, at the drop time, with an x.
        const x1 = clampX(f.x(m.droppedMs ?? m.sentMs), w);
        const y1 = y0 + (y1full - y0) * 0.5;
        const xEnd = x1 - x0 < 6 ? x0 + 6 : x1;
        lines.moveTo(x0, y0);
        lines.lineTo(xEnd, y1);
        crosses.moveTo(xEnd - 3, y1 - 3);
        crosses.lineTo(xEnd + 3, y1 + 3);
        crosses.moveTo(xEnd - 3, y1 + 3);
        crosses.lineTo(xEnd + 3, y1 - 3);
      }
    }
    ctx.stroke(lines);
    if (heads) ctx.fill(tips);
    ctx.strokeStyle = p.writeStale;
    ctx.lineWidth = 1.5;
    ctx.stroke(crosses);
    ctx.lineWidth = 1;
  }
}

function arrowHead(path: Path2D, x0: number, y0: number, x1: number, y1: number): void {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const size = 5;
  path.moveTo(x1, y1);
  path.lineTo(x1 - size * Math.cos(angle - 0.4), y1 - size * Math.sin(angle - 0.4));
  path.lineTo(x1 - size * Math.cos(angle + 0.4), y1 - size * Math.sin(angle + 0.4));
  path.closePath();
}

/** Zoomed out on a busy run: how much traffic each lane has, as a bar chart along the lane's bottom edge. */
function drawDensity(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const bins = Math.max(1, Math.ceil(g.widthPx / 2));
  const binPx = g.widthPx / bins;
  const counts = messageDensity(model.messages, g.boxes.length, f.fromMs, f.toMs, bins);
  let max = 1;
  for (const c of counts) if (c > max) max = c;
  const bars = new Path2D();
  for (const box of g.boxes) {
    const room = box.height * 0.3;
    const bottom = box.y + box.height - 1;
    for (let b = 0; b < bins; b++) {
      const c = counts[box.row * bins + b] as number;
      if (c === 0) continue;
      const h = Math.max(1, Math.sqrt(c / max) * room);
      bars.rect(b * binPx, bottom - h, binPx, h);
    }
  }
  ctx.fillStyle = p.message;
  ctx.fill(bars);
}
