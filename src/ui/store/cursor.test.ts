import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { cursorAtIndex, cursorAtMs, endMsOf, lastIndexAtOrBefore, stepBack, stepForward } from './cursor.ts';

const ev = (t: number): TraceEvent => ({ t, kind: 'client-done', client: 'C1' });
const trace: TraceEvent[] = [
  { t: 0, kind: 'run-start', seed: 1, durationMs: 100, nodes: ['A'], clients: ['C1'] },
  ev(10),
  ev(10),
  ev(25),
  { t: 100, kind: 'run-end', endMs: 100, truncated: false },
];

describe('cursor', () => {
  it('finds the last event at or before a time, taking every event of a shared millisecond', () => {
    expect(lastIndexAtOrBefore(trace, -1)).toBe(-1);
    expect(lastIndexAtOrBefore(trace, 0)).toBe(0);
    expect(lastIndexAtOrBefore(trace, 9)).toBe(0);
    expect(lastIndexAtOrBefore(trace, 10)).toBe(2);
    expect(lastIndexAtOrBefore(trace, 99)).toBe(3);
    expect(lastIndexAtOrBefore(trace, 1000)).toBe(4);
  });

  it('clamps a dragged time to the run', () => {
    expect(cursorAtMs(trace, -50)).toEqual({ index: 0, t: 0 });
    expect(cursorAtMs(trace, 500)).toEqual({ index: 4, t: 100 });
    expect(endMsOf(trace)).toBe(100);
  });

  it('steps one event at a time, even within a millisecond, and stops at both ends', () => {
    let c = cursorAtIndex(trace, 0);
    c = stepForward(trace, c);
    expect(c).toEqual({ index: 1, t: 10 });
    c = stepForward(trace, c);
    expect(c).toEqual({ index: 2, t: 10 });
    c = stepBack(trace, stepBack(trace, stepBack(trace, c)));
    expect(c).toEqual({ index: -1, t: 0 });
    c = stepBack(trace, c);
    expect(c.index).toBe(-1);
    expect(stepForward(trace, cursorAtIndex(trace, 4)).index).toBe(4);
  });
});
