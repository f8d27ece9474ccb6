import type { TraceEvent } from '../../sim/trace/events.ts';
import { TraceBuilder } from './traceBuilder.ts';

/**
 * S9 by hand: C1 sets the lock on A with no TTL and crashes before its EXPIRE; C2 tries
 * from 100 ms until the run ends at 20,000 ms. A deadlock, and nobody ever holds the lock.
 */
export function setnxCrashTrace(): TraceEvent[] {
  return new TraceBuilder(['A'], ['C1', 'C2'])
    .at(0)
    .attempt('C1', 'v1')
    .at(1)
    .keySet('A', 'lock', 'v1', -1)
    .crash('C1')
    .at(100)
    .attempt('C2', 'v2')
    .end(20_000);
}
