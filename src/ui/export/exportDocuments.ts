import type { Scenario } from '../../sim/model/scenario.ts';
import { canonicalJson, traceHash } from '../../sim/trace/canonical.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/** What "Trace as JSON" writes: the scenario that made the trace (so the file opens again), its hash, the events. */
export interface TraceFile {
  scenario: Scenario;
  traceHash: string;
  trace: TraceEvent[];
}

/** The scenario as a file that opens again (File → Open, or drop it on the page): pretty JSON. */
export function scenarioDocument(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/**
 * The run's trace as one JSON document {scenario, traceHash, trace}: the scenario first, so a
 * reader sees what was run; then one event per line in canonical JSON, so the lines hashed
 * with a newline after each give traceHash (SHA-256) — anyone can check the file.
 */
export function traceDocument(scenario: Scenario, trace: readonly TraceEvent[]): string {
  const scenarioText = JSON.stringify(scenario, null, 2).replace(/\n/g, '\n  ');
  const events = trace.map((e) => `    ${canonicalJson(e)}`).join(',\n');
  return `{\n  "scenario": ${scenarioText},\n  "traceHash": ${JSON.stringify(traceHash(trace))},\n  "trace": [\n${events}\n  ]\n}\n`;
}
