/**
 * Runs one candidate scenario and says whether it breaks the lock: two clients believing they
 * hold it at once (an exclusion violation) or a write accepted after a newer holder's (a stale
 * write). The fast path of a search: the run without its hash and only the two checks that
 * decide, not the explanations (check() gives those for the one counterexample shown).
 */
import { beliefIntervals } from '../check/beliefs.ts';
import { overlappingBeliefs } from '../check/exclusion.ts';
import { staleWrites } from '../check/writes.ts';
import { run } from '../sim/engine/run.ts';
import type { Scenario } from '../sim/model/scenario.ts';

export type FindingKind = 'exclusion' | 'stale-write';

export interface Finding {
  kind: FindingKind;
  /** When it first happened, ms of true time. */
  atMs: number;
  /** The clients involved: the two holders, or the stale writer and the newer holder. */
  clients: [string, string];
}

/** The first way this scenario breaks the lock, or null when it holds. */
export function evaluate(scenario: Scenario): Finding | null {
  const { trace } = run(scenario, { hash: false });
  const pairs = overlappingBeliefs(beliefIntervals(trace));
  let first: Finding | null = null;
  for (const [a, b] of pairs) {
    const atMs = Math.max(a.startMs, b.startMs);
    if (first === null || atMs < first.atMs) first = { kind: 'exclusion', atMs, clients: [a.client, b.client] };
  }
  for (const w of staleWrites(trace)) {
    if (first === null || w.atMs < first.atMs) first = { kind: 'stale-write', atMs: w.atMs, clients: [w.client, w.newerClient] };
  }
  return first;
}

/** A sentence for a finding. */
export function describeFinding(f: Finding): string {
  return f.kind === 'exclusion'
    ? `${f.clients[0]} and ${f.clients[1]} both believe they hold the lock at ${f.atMs} ms`
    : `${f.clients[0]}'s write at ${f.atMs} ms lands after ${f.clients[1]} took the lock (a stale write)`;
}
