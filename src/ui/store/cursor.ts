import type { TraceEvent } from '../../sim/trace/events.ts';

/**
 * Where the user is in a run: `index` is the last trace event that has happened (-1 before
 * the first), `t` the true time shown. Stepping moves `index` one event at a time (several
 * events can share a millisecond); dragging sets `t` and takes every event at or before it.
 */
export interface Cursor {
  index: number;
  t: number;
}

/** The index of the last event at or before `t` (-1 if none). Binary search: traces are in time order. */
export function lastIndexAtOrBefore(trace: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = trace.length; // the answer + 1 is in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((trace[mid] as TraceEvent).t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The run's last instant: its run-end event, else its last event. */
export function endMsOf(trace: readonly TraceEvent[]): number {
  const last = trace[trace.length - 1];
  if (last === undefined) return 0;
  return last.kind === 'run-end' ? last.endMs : last.t;
}

export function cursorAtMs(trace: readonly TraceEvent[], t: number): Cursor {
  const clamped = Math.min(Math.max(0, t), endMsOf(trace));
  return { index: lastIndexAtOrBefore(trace, clamped), t: clamped };
}

export function cursorAtIndex(trace: readonly TraceEvent[], index: number): Cursor {
  const i = Math.min(Math.max(-1, index), trace.length - 1);
  return { index: i, t: i < 0 ? 0 : (trace[i] as TraceEvent).t };
}

/** The next event after the cursor (one step forward); stays at the end. */
export function stepForward(trace: readonly TraceEvent[], cursor: Cursor): Cursor {
  return cursorAtIndex(trace, Math.min(cursor.index + 1, trace.length - 1));
}

/** One event back; -1 is the start of the run. */
export function stepBack(trace: readonly TraceEvent[], cursor: Cursor): Cursor {
  return cursorAtIndex(trace, cursor.index - 1);
}
