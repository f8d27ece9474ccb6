import { visibleRange } from '../timeline/timeIndex.ts';
import type { SpanBar } from '../timeline/timelineModel.ts';
import type { SvgFrame } from './svgGeometry.ts';
import { escapeXml, px, textWidthPx } from './svgText.ts';

/** Down (crashed) and paused stretches as shaded lanes, labelled when there is room. */
export function svgStateSpans(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.spans, f.fromMs, f.toMs);
  const out: string[] = ['<g class="spans">'];
  for (let i = lo; i < hi; i++) {
    const s = model.spans.items[i] as SpanBar;
    const box = g.boxes[s.row];
    if (box === undefined || s.toMs < f.fromMs) continue;
    const x0 = f.x(s.fromMs);
    const x1 = f.x(s.toMs);
    const colour = s.state === 'down' ? p.down : p.paused;
    const opacity = s.state === 'down' ? p.opacity.down : p.opacity.paused;
    out.push(
      `<rect class="span-${s.state}" x="${px(x0)}" y="${px(box.y + 1)}" width="${px(Math.max(1, x1 - x0))}" height="${px(box.height - 1)}" fill="${colour}" fill-opacity="${opacity}"/>`,
    );
    if (x1 - x0 > 60) {
      out.push(
        `<text x="${px(Math.max(x0, g.plotLeft) + 3)}" y="${px(box.y + 11)}" font-size="10" fill="${p.muted}">${s.state === 'down' ? 'down' : 'paused'}</text>`,
      );
    }
  }
  out.push('</g>');
  return out.join('');
}

/** Partitions in the top row (overlapping ones in stripes), and degraded links as a dashed line on the sender's lane. */
export function svgNetwork(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const out: string[] = ['<g class="network">'];
  const slots = Math.max(1, Math.min(4, ...model.partitions.map((_, i) => overlapping(model.partitions, i) + 1)));
  const stripe = (g.topRow.height - 4) / slots;
  let textRight = Number.NEGATIVE_INFINITY;
  model.partitions.forEach((part, i) => {
    if (part.toMs < f.fromMs || part.fromMs > f.toMs) return;
    const x0 = f.x(part.fromMs);
    const x1 = f.x(part.toMs);
    const slot = overlapping(model.partitions, i) % slots;
    out.push(
      `<rect class="partition" x="${px(x0)}" y="${px(g.topRow.y + 2 + slot * stripe)}" width="${px(Math.max(1, x1 - x0))}" height="${px(Math.max(1, stripe - 1))}" fill="${p.fault}" fill-opacity="0.35"/>`,
    );
    const text = `partition ${part.id}`;
    const tx = Math.max(x0 + 10, g.plotLeft + 4, textRight + 10);
    const tw = textWidthPx(text, 10);
    if (tx + tw > Math.min(x1, g.plotRight)) return;
    out.push(
      `<text x="${px(tx)}" y="${px(g.topRow.y + g.topRow.height / 2 + 3.5)}" font-size="10" fill="${p.fg}">${escapeXml(text)}</text>`,
    );
    textRight = tx + tw;
  });
  let d = '';
  for (const link of model.links) {
    const box = g.boxes[link.row];
    if (box === undefined || link.toMs < f.fromMs || link.fromMs > f.toMs) continue;
    d += `M${px(f.x(link.fromMs))} ${px(box.y + 3)}H${px(f.x(link.toMs))}`;
  }
  if (d !== '') out.push(`<path class="link-faults" d="${d}" stroke="${p.fault}" stroke-width="2" stroke-dasharray="4 3" fill="none"/>`);
  out.push('</g>');
  return out.join('');
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
