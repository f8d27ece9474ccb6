import { ownerColor } from '../timeline/palette.ts';
import { visibleRange } from '../timeline/timeIndex.ts';
import type { KeyBar } from '../timeline/timelineModel.ts';
import type { SvgFrame } from './svgGeometry.ts';
import { escapeXml, fitText, px } from './svgText.ts';

/**
 * The lock key's lives on the node lanes, as the page draws them: a bar in the owner's colour
 * (fainter when it arrived by replication or a reload), a dashed tail to when a value that was
 * lost, discarded or overwritten would have expired, an X where it was lost, a tick at an expiry.
 */
export function svgKeys(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.keys, f.fromMs, f.toMs);
  const out: string[] = ['<g class="keys">'];
  let crosses = '';
  for (let i = lo; i < hi; i++) {
    const k = model.keys.items[i] as KeyBar;
    const box = g.boxes[k.row];
    const tailEndMs = Number.isFinite(k.expireTrueMs) ? Math.max(k.toMs, k.expireTrueMs) : k.toMs;
    if (box === undefined || tailEndMs < f.fromMs) continue;
    const h = Math.max(4, Math.round(box.height * 0.36));
    const y = Math.round(box.y + (box.height - h) / 2);
    const cy = y + h / 2;
    const x0 = f.x(k.fromMs);
    const x1 = f.x(k.toMs);
    const colour = ownerColor(p, k.ownerSlot);
    if (k.toMs >= f.fromMs) {
      out.push(
        `<rect x="${px(x0)}" y="${px(y)}" width="${px(Math.max(1.5, x1 - x0))}" height="${px(h)}" fill="${colour}" fill-opacity="${k.via === 'command' ? 0.9 : 0.55}"/>`,
      );
      const left = Math.max(x0, g.plotLeft);
      const label = fitText(k.owner ?? k.value, 10, Math.min(x1, g.plotRight) - left - 6);
      if (x1 - x0 > 28 && h >= 9 && label !== '') {
        out.push(`<text x="${px(left + 3)}" y="${px(cy + 3.5)}" font-size="10" fill="${p.bg}">${escapeXml(label)}</text>`);
      }
    }
    if (Number.isFinite(k.expireTrueMs) && k.expireTrueMs > k.toMs && k.end !== 'expired' && k.end !== 'deleted') {
      const xe = f.x(k.expireTrueMs);
      out.push(
        `<path d="M${px(x1)} ${px(cy)}H${px(xe)}M${px(xe)} ${px(y)}V${px(y + h)}" stroke="${colour}" stroke-width="1" stroke-dasharray="3 3" fill="none"/>`,
      );
    }
    if (k.end === 'lost' || k.end === 'resync') {
      crosses += `M${px(x1 - 4)} ${px(cy - 4)}l8 8M${px(x1 - 4)} ${px(cy + 4)}l8 -8`;
    } else if (k.end === 'expired') {
      out.push(`<rect x="${px(x1 - 1)}" y="${px(y - 3)}" width="2" height="${px(h + 6)}" fill="${colour}"/>`);
    }
  }
  if (crosses !== '') out.push(`<path class="key-lost" d="${crosses}" stroke="${p.fault}" stroke-width="2" fill="none"/>`);
  out.push('</g>');
  return out.join('');
}
