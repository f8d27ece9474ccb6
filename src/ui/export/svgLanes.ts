import { ownerColor } from '../timeline/palette.ts';
import { timeTicks } from '../timeline/timeAxis.ts';
import { captionAt } from '../timeline/timelineModel.ts';
import { centreOf, PAD_PX, type SvgFrame } from './svgGeometry.ts';
import { escapeXml, fitText, px } from './svgText.ts';

/** Lane backgrounds (alternate rows tinted), lane separators and the grid at the axis ticks. */
export function svgLaneBackgrounds(f: SvgFrame): string {
  const { geometry: g, palette: p } = f;
  const w = g.plotRight - g.plotLeft;
  const out: string[] = ['<g class="lanes">'];
  for (const box of g.boxes) {
    if (box.row % 2 === 0)
      out.push(`<rect x="${px(g.plotLeft)}" y="${px(box.y)}" width="${px(w)}" height="${px(box.height)}" fill="${p.lane}"/>`);
  }
  let d = '';
  for (const box of g.boxes) d += `M${px(PAD_PX)} ${px(box.y + 0.5)}H${px(g.plotRight)}`;
  d += `M${px(PAD_PX)} ${px(g.lanesBottom - 0.5)}H${px(g.plotRight)}`;
  out.push(`<path d="${d}" stroke="${p.line}" stroke-width="1" fill="none"/>`);
  let grid = '';
  for (const tick of ticks(f)) grid += `M${px(Math.round(f.x(tick.t)) + 0.5)} ${px(g.topRow.y)}V${px(g.lanesBottom)}`;
  if (grid !== '') out.push(`<path d="${grid}" stroke="${p.line}" stroke-width="1" fill="none"/>`);
  out.push('</g>');
  return out.join('');
}

function ticks(f: SvgFrame) {
  return timeTicks(f.fromMs, f.toMs, Math.floor((f.geometry.plotRight - f.geometry.plotLeft) / 90));
}

/**
 * One label per lane in the left column: the process id (a client's in its owner colour
 * swatch, as on the page) and what it is — a node's role at the start of the range.
 */
export function svgLaneLabels(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const out: string[] = ['<g class="lane-labels">'];
  // Owner colours go by the client's position in the scenario, which is the order of the client lanes.
  const clientIds = model.lanes.filter((l) => l.kind === 'client').map((l) => l.id);
  for (const lane of model.lanes) {
    const box = g.boxes[lane.row];
    if (box === undefined) continue;
    const twoLines = box.height >= 26;
    const cy = centreOf(box);
    let x = PAD_PX;
    if (lane.kind === 'client') {
      const colour = ownerColor(p, clientIds.indexOf(lane.id));
      out.push(`<rect x="${px(x)}" y="${px(cy - (twoLines ? 10 : 5))}" width="8" height="8" rx="2" fill="${colour}"/>`);
      x += 12;
    }
    const room = g.plotLeft - x - 8;
    out.push(
      `<text class="lane-label" data-lane="${escapeXml(lane.id)}" x="${px(x)}" y="${px(twoLines ? cy - 2 : cy + 4)}" font-size="12" font-weight="600" fill="${p.fg}">${escapeXml(fitText(lane.id, 12, room))}</text>`,
    );
    if (twoLines) {
      const caption = fitText(captionAt(model, lane, f.fromMs), 10, room);
      out.push(`<text x="${px(x)}" y="${px(cy + 11)}" font-size="10" fill="${p.muted}">${escapeXml(caption)}</text>`);
    }
  }
  out.push('</g>');
  return out.join('');
}

/** The time axis under the lanes: ticks and their labels, in true time. */
export function svgAxis(f: SvgFrame): string {
  const { geometry: g, palette: p } = f;
  const out: string[] = ['<g class="axis">'];
  let d = '';
  const labels: string[] = [];
  for (const tick of ticks(f)) {
    const x = Math.round(f.x(tick.t)) + 0.5;
    d += `M${px(x)} ${px(g.axisY)}v4`;
    labels.push(`<text x="${px(x)}" y="${px(g.axisY + 15)}" text-anchor="middle">${escapeXml(tick.label)}</text>`);
  }
  out.push(`<path d="${d}" stroke="${p.muted}" stroke-width="1" fill="none"/>`);
  out.push(`<g font-size="10" fill="${p.muted}">${labels.join('')}</g>`);
  out.push(`<text x="${px(PAD_PX)}" y="${px(g.axisY + 15)}" font-size="10" fill="${p.muted}">true time</text>`);
  out.push('</g>');
  return out.join('');
}
