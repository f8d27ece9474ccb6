import type { CheckResult } from '../../check/types.ts';

/** One finding of a verdict in a line: "C1 and C2 both held the lock 31020–36022 ms". */
export function findingsOf(verdict: CheckResult): string[] {
  return [
    ...verdict.exclusionViolations.map((v) => `${v.clients[0]} and ${v.clients[1]} both held the lock ${v.atMs}–${v.untilMs} ms`),
    ...verdict.staleWrites.map(
      (w) => `the storage accepted ${w.client}'s stale write at ${w.atMs} ms (epoch ${w.epoch} after ${w.newerEpoch})`,
    ),
  ];
}

/** "SAFE", or "UNSAFE (C1 and C2 both held the lock 31020–36022 ms)". */
export function verdictText(verdict: CheckResult): string {
  if (verdict.safe) return 'SAFE';
  const findings = findingsOf(verdict);
  return findings.length === 0 ? 'UNSAFE' : `UNSAFE (${findings.join('; ')})`;
}

export interface VerdictComparison {
  /** Both safe, or both unsafe. */
  agree: boolean;
  /** "Real Redis: UNSAFE (…) — Simulation: UNSAFE — agree". */
  line: string;
  realFindings: string[];
  simulatedFindings: string[];
}

/**
 * The real run's verdict beside the simulation's, for the same scenario and seed. They
 * agree when both say safe or both say unsafe; exact times differ on real Redis (latency,
 * scheduling), so findings are listed, not matched.
 */
export function compareVerdicts(real: CheckResult, simulated: CheckResult): VerdictComparison {
  const agree = real.safe === simulated.safe;
  const sim = agree ? (simulated.safe ? 'SAFE' : 'UNSAFE') : verdictText(simulated);
  return {
    agree,
    line: `Real Redis: ${verdictText(real)} — Simulation: ${sim} — ${agree ? 'agree' : 'disagree'}`,
    realFindings: findingsOf(real),
    simulatedFindings: findingsOf(simulated),
  };
}
