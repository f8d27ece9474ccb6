import type { CheckResult, ExclusionViolation, FencingRejection, StaleWrite } from '../../check/types.ts';

/**
 * The verdict as far as the cursor has got: a learner stepping through a run sees "safe so
 * far" until the moment two clients both hold the lock, "unsafe now" while they do, and
 * "unsafe since" after. Findings later than the cursor are counted as ahead, not hidden.
 */
export interface VerdictAt {
  status: 'safe-so-far' | 'unsafe-now' | 'unsafe-earlier';
  headline: string;
  /** Violations whose overlap contains t (atMs <= t < untilMs). */
  active: ExclusionViolation[];
  violationsSoFar: number;
  staleWritesSoFar: number;
  rejectionsSoFar: number;
  /** Findings (violations, stale writes) after the cursor. */
  ahead: number;
}

const before = (t: number) => (x: { atMs: number }) => x.atMs <= t;

export function verdictAt(verdict: CheckResult, t: number): VerdictAt {
  const violations = verdict.exclusionViolations.filter(before(t));
  const stale: StaleWrite[] = verdict.staleWrites.filter(before(t));
  const rejections: FencingRejection[] = verdict.fencingRejections.filter(before(t));
  const active = violations.filter((v) => t < v.untilMs);
  const ahead = verdict.exclusionViolations.length - violations.length + verdict.staleWrites.length - stale.length;
  const status = active.length > 0 ? 'unsafe-now' : violations.length + stale.length > 0 ? 'unsafe-earlier' : 'safe-so-far';
  return {
    status,
    headline: headlineOf(status, active, violations.length, stale.length),
    active,
    violationsSoFar: violations.length,
    staleWritesSoFar: stale.length,
    rejectionsSoFar: rejections.length,
    ahead,
  };
}

function headlineOf(status: VerdictAt['status'], active: ExclusionViolation[], violations: number, stale: number): string {
  if (status === 'unsafe-now') {
    const v = active[0] as ExclusionViolation;
    return `Unsafe now: ${v.clients[0]} and ${v.clients[1]} both believe they hold the lock`;
  }
  if (status === 'unsafe-earlier') {
    const parts = [
      violations > 0 ? `${violations} exclusion violation${violations === 1 ? '' : 's'}` : '',
      stale > 0 ? `${stale} stale write${stale === 1 ? '' : 's'}` : '',
    ];
    return `Unsafe so far: ${parts.filter(Boolean).join(', ')}`;
  }
  return 'Safe so far';
}
