import { describe, expect, it } from 'vitest';
import { clampDomain, domainOf, fullDomain, transformFor, zoomedDomain } from './viewDomain.ts';

describe('view domain', () => {
  it('the identity transform shows the whole run', () => {
    expect(domainOf({ k: 1, x: 0 }, 45_000, 900)).toEqual(fullDomain(45_000));
  });

  it('transformFor and domainOf round-trip: showing 30–36 s of a 45 s run on 900 px', () => {
    const t = transformFor([30_000, 36_000], 45_000, 900);
    expect(t.k).toBeCloseTo(7.5);
    const [from, to] = domainOf(t, 45_000, 900);
    expect(from).toBeCloseTo(30_000);
    expect(to).toBeCloseTo(36_000);
  });

  it('zooming in twice as close around the cursor keeps the cursor where it was on screen', () => {
    const [from, to] = zoomedDomain([0, 40_000], 2, 10_000, 45_000);
    expect([from, to]).toEqual([5_000, 25_000]);
    expect((10_000 - from) / (to - from)).toBe(0.25);
  });

  it('zooming out past the run shows the run; a range is never shorter than 4 ms nor outside [0, end]', () => {
    expect(zoomedDomain([0, 40_000], 0.25, 20_000, 45_000)).toEqual([0, 45_000]);
    expect(clampDomain([100, 101], 45_000)).toEqual([100, 104]);
    expect(clampDomain([-500, 1_500], 45_000)).toEqual([0, 2_000]);
    expect(clampDomain([44_000, 46_000], 45_000)).toEqual([43_000, 45_000]);
  });
});
