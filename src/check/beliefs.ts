import type { TraceEvent } from '../sim/trace/events.ts';
import type { Belief, BeliefEnd } from './types.ts';

/**
 * The time a run ends: the run-end event's, else the last event's (a truncated trace still
 * has beliefs that were running when it stopped).
 */
export function runEnd(trace: readonly TraceEvent[]): { t: number; index: number } {
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'run-end') return { t: e.t, index: i };
  }
  const last = trace.length - 1;
  return { t: last >= 0 ? (trace[last] as TraceEvent).t : 0, index: Math.max(0, last) };
}

/**
 * Who believed they held the lock, and when, in true time. A belief starts at lock-acquired
 * and ends at the first later release, loss or lease expiry of the same client and value, or
 * at the client's crash (a dead process believes nothing), or when the run ends.
 * lock-extended keeps a belief going: the client still believes, now until a later time.
 * One pass; the result is in the order the beliefs started (trace order).
 */
export function beliefIntervals(trace: readonly TraceEvent[]): Belief[] {
  const beliefs: Belief[] = [];
  // Open beliefs by value: a value names one acquisition attempt (R11), so it is enough of a
  // key; the ending event must still name the same client. Few beliefs are open at once, so a
  // crash can afford to look through them all.
  const open = new Map<string, Belief>();

  const close = (b: Belief, t: number, index: number, reason: BeliefEnd): void => {
    b.endMs = t;
    b.endIndex = index;
    b.endReason = reason;
    open.delete(b.value);
  };

  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    switch (e.kind) {
      case 'lock-acquired': {
        const b: Belief = {
          client: e.client,
          value: e.value,
          epoch: e.epoch,
          startMs: e.t,
          endMs: e.t,
          endReason: 'run-end',
          startIndex: i,
          endIndex: i,
          validUntilMs: e.validUntilMs,
          nodes: e.nodes.slice(),
          extensions: 0,
        };
        beliefs.push(b);
        open.set(e.value, b);
        break;
      }
      case 'lock-extended': {
        const b = open.get(e.value);
        if (b !== undefined && b.client === e.client) {
          b.validUntilMs = e.validUntilMs;
          b.extensions++;
        }
        break;
      }
      case 'lock-released':
      case 'lock-lost':
      case 'lease-expired': {
        const b = open.get(e.value);
        if (b !== undefined && b.client === e.client) {
          close(b, e.t, i, e.kind === 'lock-released' ? 'released' : e.kind === 'lock-lost' ? 'lost' : 'expired');
        }
        break;
      }
      case 'crash': {
        for (const b of [...open.values()]) if (b.client === e.process) close(b, e.t, i, 'crashed');
        break;
      }
      default:
        break;
    }
  }

  const end = runEnd(trace);
  for (const b of [...open.values()]) close(b, Math.max(end.t, b.startMs), Math.max(end.index, b.startIndex), 'run-end');
  return beliefs;
}
