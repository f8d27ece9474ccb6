import { check } from '../../check/check.ts';
import type { CheckResult } from '../../check/types.ts';
import { formatIssues } from '../../scenario/issues.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { run } from '../../sim/engine/run.ts';
import { type RunSummary, summarize } from '../../sim/engine/summarize.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { endMsOf } from './cursor.ts';

/** A scenario's run as the page shows it: the trace, the checker's verdict, the counts. */
export interface RunView {
  trace: TraceEvent[];
  verdict: CheckResult;
  summary: RunSummary;
  endMs: number;
  /** Wall time the run and check took in this browser (the UI may read the clock; the engine may not). */
  runMs: number;
}

export type Computed = { ok: true; scenario: Scenario; run: RunView } | { ok: false; error: string };

/** Validates any input (a preset, an edited scenario), runs it and checks the trace. Never throws. */
export function compute(input: unknown): Computed {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, error: `this scenario is not valid:\n${formatIssues(parsed.issues)}` };
  const started = performance.now();
  try {
    const result = run(parsed.value);
    const verdict = check(result.trace);
    const summary = summarize(parsed.value, result);
    const runMs = performance.now() - started;
    return { ok: true, scenario: parsed.value, run: { trace: result.trace, verdict, summary, endMs: endMsOf(result.trace), runMs } };
  } catch (e) {
    return { ok: false, error: `the engine failed on this scenario: ${String(e)}` };
  }
}
