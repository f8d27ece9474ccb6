import { describe, expect, it } from 'vitest';
import { formatTickMs, timeTicks } from './timeAxis.ts';

describe('timeTicks', () => {
  it('a 45 s run in ~8 ticks: every 5 s, labelled in whole seconds', () => {
    expect(timeTicks(0, 45_000, 8).map((t) => t.label)).toEqual([
      '0 s',
      '5 s',
      '10 s',
      '15 s',
      '20 s',
      '25 s',
      '30 s',
      '35 s',
      '40 s',
      '45 s',
    ]);
  });

  it('zoomed into 31.0–31.1 s: 10 ms steps are labelled in ms', () => {
    const ticks = timeTicks(31_000, 31_100, 8);
    expect(ticks[0]).toEqual({ t: 31_000, label: '31000 ms' });
    expect(ticks[1]?.label).toBe('31010 ms');
  });

  it('steps of 200 ms keep one decimal of a second', () => {
    expect(formatTickMs(31_200, 200)).toBe('31.2 s');
    expect(formatTickMs(1_000, 1000)).toBe('1 s');
    expect(formatTickMs(250, 250)).toBe('0.25 s');
  });
});
