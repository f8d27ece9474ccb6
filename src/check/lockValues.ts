import type { TraceEvent } from '../sim/trace/events.ts';

/** The lock-attempt that drew a value: who owns the value, and when the attempt started. */
export interface AttemptRef {
  client: string;
  index: number;
  t: number;
}

/**
 * Lock values are fresh per attempt (R11), so the lock-attempt that drew one names its owner.
 * A value no lock-attempt drew (a raw scripted SET) has no owner the checker can trust.
 */
export function lockAttempts(trace: readonly TraceEvent[]): Map<string, AttemptRef> {
  const attempts = new Map<string, AttemptRef>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'lock-attempt' && !attempts.has(e.value)) attempts.set(e.value, { client: e.client, index: i, t: e.t });
  }
  return attempts;
}
