import { describe, expect, it } from 'vitest';
import { simplerValues } from './simplerValues.ts';

describe('simplerValues', () => {
  it('tries the target first, then rounder values toward it, then halfway', () => {
    expect(simplerValues(23_117, 0, true)).toEqual([0, 20_000, 23_000, 23_100, 23_110, 23_115, 11_558]);
    expect(simplerValues(-13_250, 0, true)).toEqual([0, -10_000, -13_000, -13_200, -6_625]);
  });

  it('moves a rate toward 1 in steps of a hundredth at the finest', () => {
    expect(simplerValues(1.37, 1, false)).toEqual([1, 1.3, 1.35, 1.19]);
  });

  it('has nothing simpler than the target itself', () => {
    expect(simplerValues(0, 0, true)).toEqual([]);
  });

  it('every candidate is no farther from the target (so shrinking ends)', () => {
    for (const v of [1, 7, 99, 12_345, -987, 600_000]) {
      for (const c of simplerValues(v, 0, true)) expect(Math.abs(c)).toBeLessThanOrEqual(Math.abs(v));
    }
  });
});
