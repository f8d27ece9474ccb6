import type { TraceEvent } from '../../sim/trace/events.ts';

/** One `client-state` event: the label the client's machine reported, when, and where in the trace. */
export interface StateAt {
  label: string;
  t: number;
  index: number;
}

export interface LastTransition {
  /** The client's state at the cursor; null before its first client-state event. */
  current: StateAt | null;
  /** The state it was in before `current`; null if `current` is its first. */
  previous: StateAt | null;
}

/**
 * The client's current and previous state labels as of trace index `index` (inclusive).
 * Scans back from the cursor, so following the cursor costs only the distance to the
 * client's last two state changes.
 */
export function lastTransition(trace: readonly TraceEvent[], client: string, index: number): LastTransition {
  let current: StateAt | null = null;
  for (let i = Math.min(index, trace.length - 1); i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'client-state' || e.client !== client) continue;
    const at = { label: e.state, t: e.t, index: i };
    if (current !== null) return { current, previous: at };
    current = at;
  }
  return { current, previous: null };
}

/** The index of the client's last client-state event at or before `index` (-1 if none): what the view keys on. */
export function stateIndexAt(trace: readonly TraceEvent[], client: string, index: number): number {
  for (let i = Math.min(index, trace.length - 1); i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'client-state' && e.client === client) return i;
  }
  return -1;
}

/** Why a client's machine is not moving at the cursor, if it is stopped. */
export type Halt = { kind: 'crashed'; atMs: number } | { kind: 'paused'; atMs: number; untilMs: number } | null;

/**
 * Whether the client crashed or is paused at `index`, looking back no further than
 * `sinceIndex` (its last state change: a halted machine changes state no more).
 */
export function haltAt(trace: readonly TraceEvent[], client: string, index: number, sinceIndex: number): Halt {
  for (let i = Math.min(index, trace.length - 1); i > sinceIndex; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'crash' && e.process === client) return { kind: 'crashed', atMs: e.t };
    if (e.kind === 'resume' && e.process === client) return null;
    if (e.kind === 'pause' && e.process === client) return { kind: 'paused', atMs: e.t, untilMs: e.untilMs };
  }
  return null;
}
