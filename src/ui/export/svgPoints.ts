import { wallAt } from '../timeline/localClockMarks.ts';
import { visibleRange } from '../timeline/timeIndex.ts';
import type { PointGlyph } from '../timeline/timelineModel.ts';
import { centreOf, type SvgFrame } from './svgGeometry.ts';
import { escapeXml, px, textWidthPx } from './svgText.ts';

/** Labels beside the glyphs only while there are few of them (else they overlap), as on the page. */
const LABELS_MAX = 24;

/** Moments on a lane: a crash ×, a restart ▲, a clock jump or rate change (a clock face), a role change ◆. */
export function svgPoints(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.points, f.fromMs, f.toMs);
  const inRange: PointGlyph[] = [];
  for (let i = lo; i < hi; i++) {
    const pt = model.points.items[i] as PointGlyph;
    if (pt.t >= f.fromMs && pt.t <= f.toMs && g.boxes[pt.row] !== undefined) inRange.push(pt);
  }
  let crashes = '';
  let restarts = '';
  let clocks = '';
  let roles = '';
  const labels: string[] = [];
  const labelRight = new Map<number, number>();
  for (const pt of inRange) {
    const box = g.boxes[pt.row];
    if (box === undefined) continue;
    const x = f.x(pt.t);
    const y = centreOf(box);
    if (pt.kind === 'crash') crashes += `M${px(x - 6)} ${px(y - 6)}l12 12M${px(x - 6)} ${px(y + 6)}l12 -12`;
    else if (pt.kind === 'restart') restarts += `M${px(x)} ${px(y - 6)}l6 11h-12z`;
    else if (pt.kind === 'role') roles += `M${px(x)} ${px(y - 5)}l5 5l-5 5l-5 -5z`;
    else clocks += `M${px(x - 5)} ${px(y)}a5 5 0 1 0 10 0a5 5 0 1 0 -10 0M${px(x)} ${px(y)}v-3.5M${px(x)} ${px(y)}h2.5`;
    if (inRange.length <= LABELS_MAX && x + 8 > (labelRight.get(pt.row) ?? Number.NEGATIVE_INFINITY)) {
      labels.push(`<text x="${px(x + 8)}" y="${px(box.y + box.height - 3)}">${escapeXml(pt.text)}</text>`);
      labelRight.set(pt.row, x + 8 + textWidthPx(pt.text, 10) + 6);
    }
  }
  const out: string[] = ['<g class="points">'];
  if (crashes !== '') out.push(`<path class="crash" d="${crashes}" stroke="${p.fault}" stroke-width="2" fill="none"/>`);
  if (restarts !== '') out.push(`<path class="restart" d="${restarts}" fill="${p.belief}"/>`);
  if (clocks !== '') out.push(`<path class="clock-jump" d="${clocks}" stroke="${p.fault}" stroke-width="2" fill="none"/>`);
  if (roles !== '') out.push(`<path class="role" d="${roles}" fill="${p.focus}"/>`);
  if (labels.length > 0) out.push(`<g font-size="10" fill="${p.fg}">${labels.join('')}</g>`);
  out.push('</g>');
  return out.join('');
}

/**
 * Each clock that differs from true time as a line in its lane: local minus true time, scaled
 * so the largest deviation fills ±38% of a lane, over a dotted line for true time; its value
 * at the right edge labelled.
 */
export function svgClocks(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  if (model.clocks.length === 0 || model.clockRangeMs <= 0) return '';
  const out: string[] = ['<g class="clocks">'];
  for (const clock of model.clocks) {
    const box = g.boxes[clock.row];
    if (box === undefined) continue;
    const centre = centreOf(box);
    const scale = (box.height * 0.38) / model.clockRangeMs;
    out.push(`<path d="M${px(g.plotLeft)} ${px(centre)}H${px(g.plotRight)}" stroke="${p.muted}" stroke-width="1" stroke-dasharray="1 3"/>`);
    const d = clock.points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${px(f.x(pt.t))} ${px(centre - pt.offsetMs * scale)}`).join('');
    out.push(`<path class="clock-offset" d="${d}" stroke="${p.fault}" stroke-width="1.5" fill="none"/>`);
    const rightMs = Math.min(f.toMs, model.endMs);
    const atRight = wallAt(clock, rightMs) - rightMs;
    const text = `clock ${atRight >= 0 ? '+' : ''}${Math.round(atRight)} ms`;
    const x = Math.max(g.plotLeft + 4, Math.min(f.x(rightMs), g.plotRight) - textWidthPx(text, 10) - 4);
    const y = centre - atRight * scale + (atRight >= 0 ? -4 : 10);
    out.push(`<text x="${px(x)}" y="${px(y)}" font-size="10" fill="${p.fault}">${escapeXml(text)}</text>`);
  }
  out.push('</g>');
  return out.join('');
}
