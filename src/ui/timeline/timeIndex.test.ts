import { describe, expect, it } from 'vitest';
import { indexByTime, visibleRange } from './timeIndex.ts';

interface Span {
  id: string;
  fromMs: number;
  toMs: number;
}

const spans: Span[] = [
  { id: 'late', fromMs: 500, toMs: 600 },
  { id: 'long', fromMs: 0, toMs: 1000 },
  { id: 'early', fromMs: 10, toMs: 20 },
  { id: 'mid', fromMs: 300, toMs: 310 },
];

function visibleIds(fromMs: number, toMs: number): string[] {
  const index = indexByTime(
    spans,
    (s) => s.fromMs,
    (s) => s.toMs,
  );
  const [lo, hi] = visibleRange(index, fromMs, toMs);
  return index.items
    .slice(lo, hi)
    .filter((s) => s.toMs >= fromMs && s.fromMs <= toMs)
    .map((s) => s.id);
}

describe('visibleRange', () => {
  it('sorts by start and finds every span overlapping the range, including a long one that began before it', () => {
    expect(visibleIds(250, 350)).toEqual(['long', 'mid']);
    expect(visibleIds(550, 700)).toEqual(['long', 'late']);
  });

  it('nothing before the first start or after the last end', () => {
    expect(visibleIds(-100, -1)).toEqual([]);
    expect(visibleIds(1001, 2000)).toEqual([]);
  });

  it('on 10,000 points it returns only the slice in range', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => i * 6);
    const index = indexByTime(
      points,
      (t) => t,
      (t) => t,
    );
    const [lo, hi] = visibleRange(index, 30_000, 30_060);
    expect(index.items.slice(lo, hi)).toEqual([30_000, 30_006, 30_012, 30_018, 30_024, 30_030, 30_036, 30_042, 30_048, 30_054, 30_060]);
  });

  it('an empty index gives an empty range', () => {
    const index = indexByTime<number>(
      [],
      (t) => t,
      (t) => t,
    );
    expect(visibleRange(index, 0, 10)).toEqual([0, 0]);
  });
});
