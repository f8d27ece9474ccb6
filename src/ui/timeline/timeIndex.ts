/**
 * Marks sorted by start time with a running maximum of their end times, so the renderer can
 * find the marks that touch the visible time range with two binary searches instead of a scan
 * of all of them (busy runs have ~10k messages; panning redraws every frame).
 */
export interface TimeIndex<T> {
  /** The marks, sorted by start time (stable). */
  items: T[];
  starts: Float64Array;
  /** maxEnds[i] = the latest end among items[0..i]: non-decreasing, so it can be searched. */
  maxEnds: Float64Array;
}

export function indexByTime<T>(marks: readonly T[], startOf: (m: T) => number, endOf: (m: T) => number): TimeIndex<T> {
  const items = marks
    .map((m, i) => ({ m, i, s: startOf(m) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.m);
  const starts = new Float64Array(items.length);
  const maxEnds = new Float64Array(items.length);
  let maxEnd = Number.NEGATIVE_INFINITY;
  items.forEach((m, i) => {
    starts[i] = startOf(m);
    maxEnd = Math.max(maxEnd, endOf(m), startOf(m));
    maxEnds[i] = maxEnd;
  });
  return { items, starts, maxEnds };
}

/** First i with values[i] > bound (values non-decreasing); values.length if none. */
function firstAbove(values: Float64Array, bound: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number;
    if (strict ? v > bound : v >= bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The slice [lo, hi) of `index.items` that can touch [fromMs, toMs]: every mark that overlaps
 * the range is inside it. A mark inside it may still end before fromMs (a short mark after a
 * long one); the caller skips those, which is cheap.
 */
export function visibleRange<T>(index: TimeIndex<T>, fromMs: number, toMs: number): [number, number] {
  const lo = firstAbove(index.maxEnds, fromMs, false);
  const hi = firstAbove(index.starts, toMs, true);
  return [lo, Math.max(lo, hi)];
}
