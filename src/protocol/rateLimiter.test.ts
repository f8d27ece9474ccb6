import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rateLimiter.ts';

describe('RateLimiter', () => {
  it('allows a burst from a full bucket, then refuses', () => {
    const limiter = new RateLimiter({ burst: 5, refillPerSecond: 2 }, 1_000);
    const taken = Array.from({ length: 8 }, () => limiter.tryTake(1_000));
    expect(taken).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('refills over time at its rate, never above the burst', () => {
    const limiter = new RateLimiter({ burst: 5, refillPerSecond: 2 }, 0);
    for (let i = 0; i < 5; i++) limiter.tryTake(0);
    expect(limiter.tryTake(0)).toBe(false);
    expect(limiter.waitMs(0)).toBe(500);
    expect(limiter.tryTake(499)).toBe(false); // 0.998 of a token
    expect(limiter.tryTake(500)).toBe(true);
    expect(limiter.tryTake(500)).toBe(false);
    // An hour later the bucket is full again, and only full: a burst of 5.
    const later = 3_600_000;
    expect(Array.from({ length: 6 }, () => limiter.tryTake(later))).toEqual([true, true, true, true, true, false]);
  });

  it('adds nothing when the clock steps back, and counts from the latest time seen', () => {
    const limiter = new RateLimiter({ burst: 1, refillPerSecond: 1 }, 10_000);
    expect(limiter.tryTake(10_000)).toBe(true);
    expect(limiter.tryTake(5_000)).toBe(false);
    expect(limiter.tryTake(10_999)).toBe(false);
    expect(limiter.tryTake(11_000)).toBe(true);
  });

  it('charges a cost, and says when a cost can never be met', () => {
    const limiter = new RateLimiter({ burst: 10, refillPerSecond: 10 }, 0);
    expect(limiter.tryTake(0, 8)).toBe(true);
    expect(limiter.tryTake(0, 3)).toBe(false);
    expect(limiter.waitMs(0, 3)).toBe(100);
    expect(limiter.tryTake(0, 2)).toBe(true);
    expect(limiter.waitMs(0, 11)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a configuration or a time that makes no sense', () => {
    expect(() => new RateLimiter({ burst: 0, refillPerSecond: 1 }, 0)).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 1, refillPerSecond: 0 }, 0)).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: Number.NaN, refillPerSecond: 1 }, 0)).toThrow(RangeError);
    expect(() => new RateLimiter(DEFAULT_RATE_LIMIT, Number.NaN)).toThrow(RangeError);
    expect(() => new RateLimiter(DEFAULT_RATE_LIMIT, 0).tryTake(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('by default lets a page start a run and click faults, but not flood', () => {
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, 0);
    const first = Array.from({ length: 20 }, (_, i) => limiter.tryTake(i * 10));
    expect(first.every(Boolean)).toBe(true);
    // 1,000 messages in one second: about burst + rate of them get through.
    let passed = 0;
    for (let i = 0; i < 1_000; i++) if (limiter.tryTake(1_000 + i)) passed++;
    expect(passed).toBeLessThanOrEqual(DEFAULT_RATE_LIMIT.burst + DEFAULT_RATE_LIMIT.refillPerSecond);
    expect(passed).toBeGreaterThanOrEqual(DEFAULT_RATE_LIMIT.refillPerSecond);
  });
});
