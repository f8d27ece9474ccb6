import { describe, expect, it } from 'vitest';
import { InvariantError } from '../core/assert.ts';
import { Clock } from './clock.ts';

describe('Clock: wall and monotonic time as functions of true time', () => {
  it('offset: local = offset + true time, floored to whole ms', () => {
    const c = new Clock({ offsetMs: 5_000, rate: 1 });
    expect(c.wallMs(0)).toBe(5_000);
    expect(c.wallMs(1_234)).toBe(6_234);
    // The monotonic clock starts at 0 whatever the wall offset.
    expect(c.monotonicMs(1_234)).toBe(1_234);
  });

  it('rate: a clock 10% fast gains 100 ms per true second; readings are floored', () => {
    const c = new Clock({ offsetMs: 0, rate: 1.1 });
    expect(c.wallMs(1_000)).toBe(1_100);
    expect(c.wallMs(3)).toBe(3); // 3.3 -> 3
    const slow = new Clock({ offsetMs: 100, rate: 0.5 });
    expect(slow.wallMs(1_001)).toBe(600); // 100 + 500.5
    expect(slow.monotonicMs(1_001)).toBe(500);
  });

  it('jump: steps the wall clock only; the monotonic clock (timers) does not move', () => {
    const c = new Clock({ offsetMs: 0, rate: 1 });
    c.jump(1_000, 10_000);
    expect(c.wallMs(1_000)).toBe(11_000);
    expect(c.wallMs(1_500)).toBe(11_500);
    expect(c.monotonicMs(1_500)).toBe(1_500);
    c.jump(2_000, -20_000);
    expect(c.wallMs(2_000)).toBe(-8_000);
    expect(c.monotonicMs(2_000)).toBe(2_000);
  });

  it('rate change: continuous at the change, new slope after it, for both clocks', () => {
    const c = new Clock({ offsetMs: 0, rate: 1 });
    c.setRate(1_000, 2);
    expect(c.currentRate()).toBe(2);
    expect(c.wallMs(1_000)).toBe(1_000);
    expect(c.wallMs(1_500)).toBe(2_000);
    expect(c.monotonicMs(1_500)).toBe(2_000);
    c.setRate(2_000, 0.5);
    expect(c.wallMs(2_000)).toBe(3_000);
    expect(c.wallMs(3_000)).toBe(3_500);
  });

  it('trueDelayMs: how much true time a local delay takes at the current rate, rounded up', () => {
    expect(new Clock({ offsetMs: 0, rate: 1 }).trueDelayMs(100)).toBe(100);
    expect(new Clock({ offsetMs: 0, rate: 2 }).trueDelayMs(100)).toBe(50);
    expect(new Clock({ offsetMs: 0, rate: 0.3 }).trueDelayMs(100)).toBe(334);
    expect(new Clock({ offsetMs: 0, rate: 2 }).trueDelayMs(0)).toBe(0);
    expect(new Clock({ offsetMs: 0, rate: 2 }).trueDelayMs(-5)).toBe(0);
    // An offset or a jump does not change delays.
    const jumped = new Clock({ offsetMs: 9_999, rate: 1 });
    jumped.jump(10, 1_000_000);
    expect(jumped.trueDelayMs(100)).toBe(100);
  });

  it('refuses a non-positive rate and changes out of time order', () => {
    expect(() => new Clock({ offsetMs: 0, rate: 0 })).toThrow(InvariantError);
    const c = new Clock({ offsetMs: 0, rate: 1 });
    expect(() => c.setRate(10, -1)).toThrow(InvariantError);
    c.jump(100, 5);
    expect(() => c.jump(50, 5)).toThrow(InvariantError);
  });
});
