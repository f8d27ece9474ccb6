import { decimateArrows } from '../timeline/messageDensity.ts';
import { visibleRange } from '../timeline/timeIndex.ts';
import type { MessageArrow, MessageFamily } from '../timeline/timelineModel.ts';
import type { ExportPalette } from './exportPalette.ts';
import { centreOf, type SvgFrame } from './svgGeometry.ts';
import { px } from './svgText.ts';

/** Arrowheads only while there are few arrows (as on the page: in a crowd they are noise). */
export const HEADS_MAX = 700;
/** An arrow whose send lands closer than this to the last one drawn between the same two lanes adds nothing visible. */
export const ARROW_GAP_PX = 1;

const FAMILIES: MessageFamily[] = ['lock', 'replication', 'sentinel', 'storage'];

function familyColour(p: ExportPalette, family: MessageFamily): [string, number] {
  switch (family) {
    case 'lock':
      return [p.message, p.opacity.message];
    case 'replication':
      return [p.keyReplicated, 1];
    case 'sentinel':
      return [p.muted, 1];
    case 'storage':
      return [p.writeOk, 1];
  }
}

/**
 * Messages as arrows from the sender's lane at the send to the receiver's lane at the arrival
 * (a dropped one stops halfway, at the drop, with an x), one path per kind of traffic so a
 * busy run stays a small file; arrows that would land within a pixel of the previous one
 * between the same lanes are left out.
 */
export function svgMessages(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.messages, f.fromMs, f.toMs);
  const drawn = decimateArrows(model.messages, lo, hi, f.fromMs, f.xFree, ARROW_GAP_PX);
  const heads = drawn.length <= HEADS_MAX;
  const out: string[] = [`<g class="messages" data-arrows="${drawn.length}">`];
  let crosses = '';
  for (const family of FAMILIES) {
    let lines = '';
    let tips = '';
    for (const i of drawn) {
      const m = model.messages.items[i] as MessageArrow;
      if (m.family !== family) continue;
      const from = g.boxes[m.fromRow];
      const to = g.boxes[m.toRow];
      if (from === undefined || to === undefined) continue;
      const x0 = f.x(m.sentMs);
      const y0 = centreOf(from);
      const y1 = centreOf(to);
      if (m.arrivedMs !== null) {
        const x1 = f.x(m.arrivedMs);
        lines += `M${px(x0)} ${px(y0)}L${px(x1)} ${px(y1)}`;
        if (heads) tips += arrowHead(x0, y0, x1, y1);
      } else {
        const xDrop = f.x(m.droppedMs ?? m.sentMs);
        const xEnd = xDrop - x0 < 6 ? x0 + 6 : xDrop;
        const yEnd = y0 + (y1 - y0) * 0.5;
        lines += `M${px(x0)} ${px(y0)}L${px(xEnd)} ${px(yEnd)}`;
        crosses += `M${px(xEnd - 3)} ${px(yEnd - 3)}l6 6M${px(xEnd - 3)} ${px(yEnd + 3)}l6 -6`;
      }
    }
    if (lines === '') continue;
    const [colour, opacity] = familyColour(p, family);
    const alpha = opacity < 1 ? ` stroke-opacity="${opacity}"` : '';
    out.push(`<path class="messages-${family}" d="${lines}" stroke="${colour}"${alpha} stroke-width="1" fill="none"/>`);
    if (tips !== '') out.push(`<path d="${tips}" fill="${colour}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`);
  }
  if (crosses !== '') out.push(`<path class="messages-dropped" d="${crosses}" stroke="${p.writeStale}" stroke-width="1.5" fill="none"/>`);
  out.push('</g>');
  return out.join('');
}

function arrowHead(x0: number, y0: number, x1: number, y1: number): string {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const size = 5;
  const ax = x1 - size * Math.cos(angle - 0.4);
  const ay = y1 - size * Math.sin(angle - 0.4);
  const bx = x1 - size * Math.cos(angle + 0.4);
  const by = y1 - size * Math.sin(angle + 0.4);
  return `M${px(x1)} ${px(y1)}L${px(ax)} ${px(ay)}L${px(bx)} ${px(by)}z`;
}
