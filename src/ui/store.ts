import { createStore } from 'zustand/vanilla';
import { check } from '../check/check.ts';
import type { CheckResult } from '../check/types.ts';
import { formatIssues, type ValidationIssue } from '../scenario/issues.ts';
import { parseScenario } from '../scenario/parse.ts';
import { run } from '../sim/engine/run.ts';
import { type RunSummary, summarize } from '../sim/engine/summarize.ts';
import type { Fencing, Scenario } from '../sim/model/scenario.ts';
import { EXAMPLES } from './examples.ts';

/** The page's state: which scenario is loaded, and the engine's account of its run. */
export interface PlaygroundState {
  exampleId: string;
  /** The fencing mode chosen in the page, or null for the scenario's own. */
  fencing: Fencing | null;
  scenario: Scenario | null;
  summary: RunSummary | null;
  verdict: CheckResult | null;
  error: string | null;
  runMs: number;
  load(exampleId: string): void;
  setFencing(fencing: Fencing | null): void;
}

interface Outcome {
  scenario: Scenario | null;
  summary: RunSummary | null;
  verdict: CheckResult | null;
  error: string | null;
  runMs: number;
}

/** Validates, runs and checks an example. Pure except for timing the run (the UI may read the wall clock). */
function compute(exampleId: string, fencing: Fencing | null): Outcome {
  const example = EXAMPLES.find((e) => e.id === exampleId);
  if (example === undefined) return { scenario: null, summary: null, verdict: null, error: `no example named "${exampleId}"`, runMs: 0 };
  const input = fencing === null ? example.input : { ...(example.input as object), fencing };
  const parsed = parseScenario(input);
  if (!parsed.ok) return { scenario: null, summary: null, verdict: null, error: describeIssues(parsed.issues), runMs: 0 };
  const started = performance.now();
  try {
    const result = run(parsed.value);
    const verdict = check(result.trace);
    return { scenario: parsed.value, summary: summarize(parsed.value, result), verdict, error: null, runMs: performance.now() - started };
  } catch (e) {
    return { scenario: parsed.value, summary: null, verdict: null, error: `the engine failed: ${String(e)}`, runMs: 0 };
  }
}

function describeIssues(issues: ValidationIssue[]): string {
  return `this scenario is not valid:\n${formatIssues(issues)}`;
}

export function createPlaygroundStore(initialExampleId: string) {
  return createStore<PlaygroundState>()((set) => ({
    exampleId: initialExampleId,
    fencing: null,
    ...compute(initialExampleId, null),
    // A new scenario starts with its own fencing mode.
    load: (exampleId) => set({ exampleId, fencing: null, ...compute(exampleId, null) }),
    setFencing: (fencing) => set((state) => ({ fencing, ...compute(state.exampleId, fencing) })),
  }));
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
