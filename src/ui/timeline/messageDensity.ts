import type { MessageArrow } from './timelineModel.ts';
import type { TimeIndex } from './timeIndex.ts';

/**
 * Which of the arrows in [lo, hi) to draw when they crowd: for each pair of lanes, an arrow
 * whose send lands less than `minGapPx` from the last one drawn between the same lanes
 * adds nothing visible, so it is skipped. Returns indices into index.items, in time order.
 */
export function decimateArrows(
  index: TimeIndex<MessageArrow>,
  lo: number,
  hi: number,
  fromMs: number,
  xOf: (t: number) => number,
  minGapPx: number,
): number[] {
  const lastX = new Map<number, number>();
  const drawn: number[] = [];
  for (let i = lo; i < hi; i++) {
    const m = index.items[i] as MessageArrow;
    if (m.endMs < fromMs) continue;
    const pair = m.fromRow * 4096 + m.toRow;
    const x = xOf(m.sentMs);
    const previous = lastX.get(pair);
    if (previous !== undefined && x - previous < minGapPx) continue;
    lastX.set(pair, x);
    drawn.push(i);
  }
  return drawn;
}

/**
 * Too many arrows to tell apart (more than `perPx` per pixel column): instead, how many
 * messages each lane sent or received in each of `bins` equal slices of [fromMs, toMs].
 * Row r's counts are at [r × bins, (r + 1) × bins).
 */
export function messageDensity(index: TimeIndex<MessageArrow>, rows: number, fromMs: number, toMs: number, bins: number): Float32Array {
  const counts = new Float32Array(rows * bins);
  const span = Math.max(1e-9, toMs - fromMs);
  const add = (row: number, t: number) => {
    if (row < 0 || row >= rows || t < fromMs || t > toMs) return;
    const bin = Math.min(bins - 1, Math.floor(((t - fromMs) / span) * bins));
    counts[row * bins + bin] = (counts[row * bins + bin] as number) + 1;
  };
  // Sorted by send time: start at the first send in range; arrivals may trail by a latency.
  let lo = 0;
  let hi = index.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.maxEnds[mid] as number) >= fromMs) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < index.items.length; i++) {
    const m = index.items[i] as MessageArrow;
    if (m.sentMs > toMs) break;
    add(m.fromRow, m.sentMs);
    if (m.arrivedMs !== null) add(m.toRow, m.arrivedMs);
  }
  return counts;
}

/** Whether arrows would be too dense to read: more visible messages than `perPx` × the plot's width. */
export function tooDenseForArrows(visible: number, widthPx: number, perPx = 1.5): boolean {
  return visible > widthPx * perPx;
}
