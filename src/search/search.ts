/**
 * The search loop: runs `from` … `to − 1` of a spec, in order, until one breaks the lock. Pure
 * and synchronous, so the command line runs it directly and each browser worker runs it on the
 * chunks it is given; the first counterexample is the lowest run index that fails, whoever
 * finds it.
 */
import type { Scenario } from '../sim/model/scenario.ts';
import { baseScenario } from './baseScenario.ts';
import { evaluate, type Finding } from './evaluate.ts';
import { sampleRun } from './sampleRun.ts';
import type { SearchSpec } from './spec.ts';

export interface Counterexample {
  /** The run's index in the search (sampleRun(spec, base, index) rebuilds it). */
  index: number;
  scenario: Scenario;
  finding: Finding;
}

export interface ChunkResult {
  /** Runs made, counting the failing one. */
  runs: number;
  found: Counterexample | null;
}

/** Runs [from, to) and stops at the first failing run. */
export function searchChunk(spec: SearchSpec, from: number, to: number, base: Scenario = baseScenario(spec)): ChunkResult {
  for (let index = from; index < to; index++) {
    const scenario = sampleRun(spec, base, index);
    const finding = evaluate(scenario);
    if (finding !== null) return { runs: index - from + 1, found: { index, scenario, finding } };
  }
  return { runs: to - from, found: null };
}
