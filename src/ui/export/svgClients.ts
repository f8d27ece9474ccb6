import { visibleRange } from '../timeline/timeIndex.ts';
import type { AttemptBar, BeliefBar, WriteDot } from '../timeline/timelineModel.ts';
import type { SvgFrame } from './svgGeometry.ts';
import { escapeXml, fitText, px } from './svgText.ts';

/** Acquisition attempts: a thin bar at the top of the client's lane, faint when the attempt failed. */
export function svgAttempts(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.attempts, f.fromMs, f.toMs);
  let ok = '';
  let failed = '';
  for (let i = lo; i < hi; i++) {
    const a = model.attempts.items[i] as AttemptBar;
    const box = g.boxes[a.row];
    if (box === undefined || a.toMs < f.fromMs) continue;
    const x0 = f.x(a.fromMs);
    const w = Math.max(1.5, f.x(a.toMs) - x0);
    const rect = `M${px(x0)} ${px(box.y + box.height * 0.14)}h${px(w)}v${px(Math.max(2, box.height * 0.14))}h${px(-w)}z`;
    if (a.outcome === 'failed') failed += rect;
    else ok += rect;
  }
  const out: string[] = ['<g class="attempts">'];
  if (ok !== '') out.push(`<path d="${ok}" fill="${p.attempt}"/>`);
  if (failed !== '') out.push(`<path d="${failed}" fill="${p.attempt}" fill-opacity="0.5"/>`);
  out.push('</g>');
  return out.join('');
}

/**
 * Belief bars ("holds, epoch N"). Past the lease's end on the client's own clock a client that
 * still acts as the holder is drawn faint with a dashed red outline; a belief that ended
 * without a release shows a dotted line to where its lease would have run out.
 */
export function svgBeliefs(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.beliefs, f.fromMs, f.toMs);
  const out: string[] = ['<g class="beliefs">'];
  for (let i = lo; i < hi; i++) {
    const b = model.beliefs.items[i] as BeliefBar;
    const box = g.boxes[b.row];
    if (box === undefined) continue;
    const y = box.y + box.height * 0.36;
    const h = Math.max(4, box.height * 0.34);
    const x0 = f.x(b.startMs);
    const x1 = f.x(Math.max(b.endMs, b.actsUntilMs));
    const xl = f.x(b.leaseEndMs);
    out.push(
      `<rect class="belief" data-client="${escapeXml(b.client)}" x="${px(x0)}" y="${px(y)}" width="${px(Math.max(1.5, Math.min(x1, xl) - x0))}" height="${px(h)}" fill="${p.belief}"/>`,
    );
    if (xl < x1) {
      out.push(
        `<rect x="${px(xl)}" y="${px(y + 0.5)}" width="${px(x1 - xl)}" height="${px(h - 1)}" fill="${p.belief}" fill-opacity="0.35" stroke="${p.writeStale}" stroke-width="1" stroke-dasharray="3 2"/>`,
      );
      if (x1 - xl > 150 && h >= 9) {
        out.push(
          `<text x="${px(xl + 3)}" y="${px(y + h / 2 + 3.5)}" font-size="10" fill="${p.writeStale}">lease expired, still acting</text>`,
        );
      }
    } else if (Number.isFinite(b.leaseEndMs) && b.endReason !== 'released') {
      out.push(
        `<path d="M${px(x1)} ${px(y + h / 2)}H${px(xl)}" stroke="${p.belief}" stroke-width="1" stroke-dasharray="2 3" fill="none"/><path d="M${px(xl)} ${px(y)}V${px(y + h)}" stroke="${p.belief}" stroke-width="1"/>`,
      );
    }
    const left = Math.max(x0, g.plotLeft);
    const label = fitText(`holds, epoch ${b.epoch}`, 10, Math.min(x1, xl, g.plotRight) - left - 6);
    if (label !== '' && h >= 9 && x1 - x0 > 40) {
      out.push(`<text x="${px(left + 3)}" y="${px(y + h / 2 + 3.5)}" font-size="10" fill="${p.bg}">${escapeXml(label)}</text>`);
    }
  }
  out.push('</g>');
  return out.join('');
}

/** Writes to the protected resource, on the writer's lane and on the storage lane: accepted ●, stale ▲, fenced off ×. */
export function svgWrites(f: SvgFrame): string {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.writes, f.fromMs, f.toMs);
  let accepted = '';
  let stale = '';
  let rejected = '';
  const glyph = (wr: WriteDot, x: number, y: number) => {
    if (wr.outcome === 'accepted') accepted += `M${px(x - 3)} ${px(y)}a3 3 0 1 0 6 0a3 3 0 1 0 -6 0z`;
    else if (wr.outcome === 'stale') stale += `M${px(x)} ${px(y - 5)}l5 9h-10z`;
    else rejected += `M${px(x - 4)} ${px(y - 4)}l8 8M${px(x - 4)} ${px(y + 4)}l8 -8`;
  };
  for (let i = lo; i < hi; i++) {
    const wr = model.writes.items[i] as WriteDot;
    if (wr.t < f.fromMs || wr.t > f.toMs) continue;
    const x = f.x(wr.t);
    const box = g.boxes[wr.row];
    if (box !== undefined) glyph(wr, x, box.y + box.height * 0.84);
    const storage = g.boxes[wr.storageRow];
    if (storage !== undefined) glyph(wr, x, storage.y + storage.height / 2);
  }
  const out: string[] = ['<g class="writes">'];
  if (accepted !== '') out.push(`<path class="write-accepted" d="${accepted}" fill="${p.writeOk}"/>`);
  if (stale !== '') out.push(`<path class="write-stale" d="${stale}" fill="${p.writeStale}"/>`);
  if (rejected !== '') out.push(`<path class="write-rejected" d="${rejected}" stroke="${p.writeRejected}" stroke-width="2" fill="none"/>`);
  out.push('</g>');
  return out.join('');
}
