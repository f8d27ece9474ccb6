import type { CheckResult } from '../check/types.ts';
import type { TraceEvent } from '../sim/trace/events.ts';
import type { Claim } from './model.ts';

/** A claim checked against a run: whether it holds, and what the run actually shows, in words. */
export interface ClaimResult {
  claim: Claim;
  holds: boolean;
  /** What the run shows, e.g. "C1 and C2 both held the lock from 31020 to 36022 ms" or "no exclusion violation". */
  actual: string;
}

const n = (x: number, one: string, many = `${one}s`) => `${x} ${x === 1 ? one : many}`;

/** Evaluates one claim on a trace and its verdict. Pure; the engine and checker decide, never stored text. */
export function evaluateClaim(claim: Claim, trace: readonly TraceEvent[], verdict: CheckResult): ClaimResult {
  const violations = verdict.exclusionViolations;
  const describeViolations = () =>
    violations.length === 0
      ? 'no exclusion violation'
      : violations.map((v) => `${v.clients[0]} and ${v.clients[1]} both held the lock from ${v.atMs} to ${v.untilMs} ms`).join('; ');
  switch (claim.kind) {
    case 'safe':
      return {
        claim,
        holds: verdict.safe === claim.value,
        actual: verdict.safe ? 'the checker finds the run safe' : 'the checker finds the run unsafe',
      };
    case 'violation': {
      const [a, b] = claim.clients;
      const holds = violations.some((v) => (v.clients[0] === a && v.clients[1] === b) || (v.clients[0] === b && v.clients[1] === a));
      return { claim, holds, actual: describeViolations() };
    }
    case 'no-violation':
      return { claim, holds: violations.length === 0, actual: describeViolations() };
    case 'stale-writes':
      return { claim, holds: verdict.staleWrites.length >= claim.min, actual: n(verdict.staleWrites.length, 'stale write') };
    case 'no-stale-writes':
      return { claim, holds: verdict.staleWrites.length === 0, actual: n(verdict.staleWrites.length, 'stale write') };
    case 'fencing-rejections':
      return {
        claim,
        holds: verdict.fencingRejections.length >= claim.min,
        actual: n(verdict.fencingRejections.length, 'write rejected by fencing', 'writes rejected by fencing'),
      };
    case 'acquisitions':
      return { claim, holds: verdict.acquisitions === claim.count, actual: n(verdict.acquisitions, 'acquisition') };
    case 'acquired': {
      const holds = verdict.beliefs.some((b) => b.client === claim.client);
      return { claim, holds, actual: holds ? `${claim.client} acquired the lock` : `${claim.client} never acquired the lock` };
    }
    case 'never-acquired': {
      const got = verdict.beliefs.some((b) => b.client === claim.client);
      return { claim, holds: !got, actual: got ? `${claim.client} acquired the lock` : `${claim.client} never acquired the lock` };
    }
    case 'deadlocked':
      return { claim, holds: verdict.deadlocked === claim.value, actual: verdict.deadlocked ? 'the lock is deadlocked' : 'no deadlock' };
    case 'attempt-failed': {
      const reasons = trace.flatMap((e) => (e.kind === 'lock-failed' && e.client === claim.client ? [e.reason] : []));
      return {
        claim,
        holds: reasons.includes(claim.reason as (typeof reasons)[number]),
        actual:
          reasons.length === 0
            ? `${claim.client} had no failed attempt`
            : `${claim.client}'s failed attempts: ${[...new Set(reasons)].join(', ')}`,
      };
    }
    case 'failover': {
      const f = trace.find((e) => e.kind === 'failover');
      return {
        claim,
        holds: f !== undefined,
        actual: f !== undefined && f.kind === 'failover' ? `Sentinel promoted ${f.to} in place of ${f.from}` : 'no failover',
      };
    }
    case 'lock-extended': {
      const count = trace.filter((e) => e.kind === 'lock-extended' && e.client === claim.client).length;
      return { claim, holds: count >= claim.min, actual: `${claim.client} extended its lock ${n(count, 'time')}` };
    }
  }
}

export function evaluateClaims(claims: readonly Claim[], trace: readonly TraceEvent[], verdict: CheckResult): ClaimResult[] {
  return claims.map((c) => evaluateClaim(c, trace, verdict));
}
