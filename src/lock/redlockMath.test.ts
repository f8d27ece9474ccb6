import { describe, expect, it } from 'vitest';
import { attemptBudgetMs, driftMs, isAcquired, quorum, retryDelayBoundsMs, retryDelayMs, validityMs } from './redlockMath.ts';

describe('Redlock arithmetic (R12, R19, R21)', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ])('quorum of %i nodes is %i', (n, q) => {
    expect(quorum(n)).toBe(q);
  });

  it('refuses a node count that is not a positive integer', () => {
    expect(() => quorum(0)).toThrow(RangeError);
    expect(() => quorum(2.5)).toThrow(RangeError);
  });

  it('drift is round(factor × TTL) + 2 ms: 102 ms for a 10 s TTL (S1)', () => {
    expect(driftMs(10_000, 0.01)).toBe(102);
    expect(driftMs(8_000, 0.01)).toBe(82);
    expect(driftMs(1_000, 0)).toBe(2);
  });

  it('validity is TTL − elapsed − drift: 9894 ms after a 4 ms acquisition (S1)', () => {
    expect(validityMs(10_000, 4, 0.01)).toBe(9_894);
  });

  it('an acquisition slower than TTL − drift is not a lock, even with every vote (S3)', () => {
    expect(isAcquired(5, 5, 10_000, 15_000, 0.01)).toBe(false);
    expect(isAcquired(5, 5, 10_000, 9_898, 0.01)).toBe(false); // validity exactly 0
    expect(isAcquired(5, 5, 10_000, 9_897, 0.01)).toBe(true); // 1 ms left
  });

  it.each([
    [1, 1, true],
    [2, 1, false],
    [2, 2, true],
    [3, 2, true],
    [4, 2, false],
    [4, 3, true],
    [5, 2, false],
    [5, 3, true],
    [7, 3, false],
    [7, 4, true],
  ])('with %i nodes, %i votes acquire: %s', (n, votes, acquired) => {
    expect(isAcquired(votes, n, 10_000, 10, 0.01)).toBe(acquired);
  });

  it('retry delays stay within retryDelay ± jitter and never go negative', () => {
    expect(retryDelayMs(200, 100, 0)).toBe(100);
    expect(retryDelayMs(200, 100, 0.5)).toBe(200);
    expect(retryDelayMs(200, 100, 0.999999)).toBe(299);
    expect(retryDelayMs(50, 100, 0)).toBe(0);
    expect(retryDelayBoundsMs(200, 100)).toEqual({ minMs: 100, maxMs: 299 });
    for (let i = 0; i < 1_000; i++) {
      const d = retryDelayMs(200, 100, i / 1_000);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(299);
    }
    expect(() => retryDelayMs(200, 100, 1)).toThrow(RangeError);
  });

  it('sequential attempts add up the per-request timeouts; parallel ones share one', () => {
    expect(attemptBudgetMs('parallel', 5, 50)).toBe(50);
    expect(attemptBudgetMs('sequential', 5, 50)).toBe(250);
    expect(attemptBudgetMs('sequential', 1, 50)).toBe(50);
  });
});
