import { describe, expect, it } from 'vitest';
import { RunClock } from './runClock.ts';

describe('RunClock', () => {
  it('runs timers in due order even when they fall in the same millisecond of wall time', async () => {
    const clock = new RunClock(10); // 0 and 3 scenario ms are 0 and 0.3 wall ms: one Node tick
    const order: string[] = [];
    clock.at(3, () => order.push('crash at 3'));
    clock.at(0, () => order.push('start at 0'));
    clock.at(3, () => order.push('second at 3'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['start at 0', 'crash at 3', 'second at 3']);
  });

  it('never fires before the due time, and never after stop() or a cancel', async () => {
    const clock = new RunClock(1);
    const seen: number[] = [];
    clock.at(15, () => seen.push(clock.nowMs()));
    const cancel = clock.at(5, () => seen.push(-1));
    cancel();
    const late = new RunClock(1);
    late.at(5, () => seen.push(-2));
    late.stop();
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(15);
  });

  it('scales scenario time by the speed', async () => {
    const clock = new RunClock(4);
    await new Promise((r) => setTimeout(r, 25));
    expect(clock.nowMs()).toBeGreaterThanOrEqual(100);
    expect(clock.wallMs(1000)).toBe(250);
  });
});
