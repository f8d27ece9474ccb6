import { formatTickMs } from '../timeline/timeAxis.ts';
import type { SvgFrame } from './svgGeometry.ts';
import { escapeXml, px } from './svgText.ts';

/**
 * Every exclusion violation in the range as a band across all lanes, the two clients' lanes
 * outlined, with the checker's explanation as its tooltip. (The page draws a band once the
 * cursor reaches it; a picture of the run shows them all.)
 */
export function svgViolations(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const out: string[] = ['<g class="violations">'];
  for (const v of model.violations) {
    if (v.toMs < f.fromMs || v.fromMs > f.toMs) continue;
    const x0 = f.x(v.fromMs);
    const width = Math.max(2, f.x(v.toMs) - x0);
    out.push(
      `<rect class="violation-band" data-from-ms="${v.fromMs}" data-to-ms="${v.toMs}" x="${px(x0)}" y="${px(g.lanesTop)}" width="${px(width)}" height="${px(g.lanesBottom - g.lanesTop)}" fill="${p.violation}" fill-opacity="${p.opacity.violation}" stroke="${p.writeStale}" stroke-width="1" stroke-dasharray="4 3"><title>${escapeXml(`${v.label}. ${v.explanation}`)}</title></rect>`,
    );
    for (const row of v.rows) {
      const box = g.boxes[row];
      if (box === undefined) continue;
      out.push(
        `<rect x="${px(x0)}" y="${px(box.y + 1)}" width="${px(width)}" height="${px(box.height - 2)}" fill="none" stroke="${p.writeStale}" stroke-width="1.5"/>`,
      );
    }
  }
  out.push('</g>');
  return out.join('');
}

/** The scenario's faults: a line through the lane they hit (the top row for partitions and heals) under a ◆ handle. */
export function svgFaults(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const rowOf = new Map(model.lanes.map((l) => [l.id, l.row]));
  const out: string[] = ['<g class="faults">'];
  for (const m of model.faults) {
    if (m.atMs < f.fromMs || m.atMs > f.toMs) continue;
    const row = m.lane === null ? undefined : rowOf.get(m.lane);
    const box = row === undefined ? undefined : g.boxes[row];
    const top = box === undefined ? g.topRow.y : box.y;
    const height = box === undefined ? g.topRow.height : box.height;
    const x = f.x(m.atMs);
    out.push(
      `<g class="fault-marker"><title>${escapeXml(`${m.label}: ${m.detail}`)}</title><path d="M${px(x)} ${px(top)}V${px(top + height)}" stroke="${p.fault}" stroke-width="2"/><path d="M${px(x)} ${px(top)}l6 6l-6 6l-6 -6z" fill="${p.fault}" stroke="${p.bg}" stroke-width="1"/></g>`,
    );
  }
  out.push('</g>');
  return out.join('');
}

/** The cursor, when the picture is of a moment: a line from the top row to the axis, with its time. */
export function svgCursor(f: SvgFrame, cursorMs: number | undefined): string {
  if (cursorMs === undefined || !Number.isFinite(cursorMs) || cursorMs < f.fromMs || cursorMs > f.toMs) return '';
  const { geometry: g, palette: p } = f;
  const x = f.x(cursorMs);
  const label = formatTickMs(cursorMs, 1);
  return `<g class="cursor" data-ms="${cursorMs}"><path d="M${px(x)} ${px(g.topRow.y)}V${px(g.lanesBottom)}" stroke="${p.cursor}" stroke-width="1.5"/><path d="M${px(x - 5)} ${px(g.topRow.y)}h10l-5 6z" fill="${p.cursor}"/><text x="${px(x + 7)}" y="${px(g.topRow.y + 10)}" font-size="10" fill="${p.cursor}">${escapeXml(label)}</text></g>`;
}
