import type { CheckResult } from '../../check/types.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/** One acquisition attempt on a client's lane, with how it ended. */
export interface AttemptMark {
  client: string;
  value: string;
  fromMs: number;
  toMs: number;
  outcome: 'acquired' | 'failed' | 'open';
  index: number;
}

/** A write to the protected resource, placed where the storage decided on it. */
export interface WriteMark {
  client: string;
  t: number;
  epoch: number;
  outcome: 'accepted' | 'stale' | 'rejected';
  index: number;
}

/** Two clients both believing they hold the lock: a band across every lane. */
export interface ViolationBand {
  fromMs: number;
  toMs: number;
  clients: [string, string];
}

export interface ClientMarks {
  attempts: AttemptMark[];
  /** The checker's belief intervals, as they are. */
  beliefs: CheckResult['beliefs'];
  writes: WriteMark[];
  violations: ViolationBand[];
}

/**
 * What the client lanes show: each attempt (from lock-attempt to its acquisition or failure),
 * the belief intervals, the writes (accepted, stale, or rejected by fencing) and the
 * violation bands — from the trace and the checker's verdict on it. Data in, data out.
 */
export function clientMarks(trace: readonly TraceEvent[], verdict: CheckResult): ClientMarks {
  const attempts: AttemptMark[] = [];
  const open = new Map<string, AttemptMark>();
  const stale = new Set(verdict.staleWrites.map((w) => w.index));
  const writes: WriteMark[] = [];
  trace.forEach((e, index) => {
    if (e.kind === 'lock-attempt') {
      const mark: AttemptMark = { client: e.client, value: e.value, fromMs: e.t, toMs: e.t, outcome: 'open', index };
      open.set(e.value, mark);
      attempts.push(mark);
    } else if (e.kind === 'lock-acquired' || e.kind === 'lock-failed') {
      const mark = open.get(e.value);
      if (mark === undefined) return;
      mark.toMs = e.t;
      mark.outcome = e.kind === 'lock-acquired' ? 'acquired' : 'failed';
      open.delete(e.value);
    } else if (e.kind === 'crash') {
      // A crashed client stops trying: its open attempt ends with it.
      for (const [value, mark] of open) {
        if (mark.client !== e.process) continue;
        mark.toMs = e.t;
        mark.outcome = 'failed';
        open.delete(value);
      }
    } else if (e.kind === 'storage-write') {
      const outcome = e.verdict !== 'accepted' ? 'rejected' : stale.has(index) ? 'stale' : 'accepted';
      writes.push({ client: e.client, t: e.t, epoch: e.epoch, outcome, index });
    }
  });
  const lastMs = trace.length === 0 ? 0 : (trace[trace.length - 1] as TraceEvent).t;
  for (const mark of open.values()) mark.toMs = lastMs;
  const violations = verdict.exclusionViolations.map((v) => ({ fromMs: v.atMs, toMs: v.untilMs, clients: v.clients }));
  return { attempts, beliefs: verdict.beliefs, writes, violations };
}
