import type { TraceEvent } from '../sim/trace/events.ts';
import { beliefIntervals } from './beliefs.ts';
import { explainPairs, overlappingBeliefs } from './exclusion.ts';
import { explainContext } from './explain.ts';
import { deadlocks, unavailability } from './liveness.ts';
import { type AttemptRef, lockAttempts } from './lockValues.ts';
import { type NodeKeys, replayNodeKeys } from './nodeKeys.ts';
import type { CheckResult, ExclusionViolation } from './types.ts';
import { fencingRejections, staleWrites } from './writes.ts';

/**
 * Everything the checker says about a run: a few linear passes over the trace plus a sweep
 * over the beliefs. The expensive indexes (every value's life on every node, every lock
 * value's owner) are built only when a finding needs them, and then shared.
 * Safety is exclusion and stale writes only: a deadlock or a long wait is a liveness
 * problem, not a broken lock.
 */
export function check(trace: readonly TraceEvent[]): CheckResult {
  const beliefs = beliefIntervals(trace);
  let keys: NodeKeys | undefined;
  let attempts: Map<string, AttemptRef> | undefined;
  const ownersOf = (): Map<string, AttemptRef> => (attempts ??= lockAttempts(trace));

  const pairs = overlappingBeliefs(beliefs);
  let violations: ExclusionViolation[] = [];
  if (pairs.length > 0) {
    keys = replayNodeKeys(trace);
    violations = explainPairs(pairs, explainContext(trace, keys, ownersOf()));
  }
  const stale = staleWrites(trace);
  const rejections = fencingRejections(trace, ownersOf);
  const found = deadlocks(trace, { keys, attempts: ownersOf });
  const { maxUnavailableMs, unavailable } = unavailability(trace, beliefs);
  return {
    safe: violations.length === 0 && stale.length === 0,
    beliefs,
    exclusionViolations: violations,
    staleWrites: stale,
    fencingRejections: rejections,
    // Each lock-acquired starts exactly one belief.
    acquisitions: beliefs.length,
    maxUnavailableMs,
    unavailable,
    deadlocked: found.length > 0,
    deadlocks: found,
  };
}
