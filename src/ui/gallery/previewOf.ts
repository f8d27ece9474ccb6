import type { CheckResult } from '../../check/types.ts';
import type { Scenario, TimelineKind } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/**
 * What a gallery thumbnail draws, and nothing more: the whole run squeezed onto one time
 * axis. Every position is a fraction of the run (0 = start, 1 = the run's end), so the
 * drawing only has to scale by its width; fractions have no unit, which is why the names
 * here carry none.
 */
export interface PreviewSpan {
  /** Fraction of the run, inclusive. */
  start: number;
  /** Fraction of the run, exclusive (the checker's intervals are half-open). */
  end: number;
}

/** One lock client's lane: when it believed it held the lock, and when it tried to get it. */
export interface PreviewRow {
  client: string;
  beliefs: PreviewSpan[];
  /** Fractions at which an acquisition attempt started; attempts closer than one bin are merged. */
  attempts: number[];
}

export interface Preview {
  rows: PreviewRow[];
  /** Exclusion violations: two clients believing at once. */
  violations: PreviewSpan[];
  /** Accepted writes older than one the resource had already accepted. */
  staleWrites: number[];
  /** Writes fencing refused (fencing doing its job). */
  rejectedWrites: number[];
  /** The scenario's scripted faults, in timeline order. */
  faults: Array<{ at: number; kind: TimelineKind }>;
  /** The run's end in true ms: what 1 stands for. */
  endMs: number;
}

/**
 * Attempts are merged into bins of 1/ATTEMPT_BINS of the run: a 200 px thumbnail cannot show
 * two ticks less than a pixel apart, and busy runs make hundreds of attempts.
 */
const ATTEMPT_BINS = 400;

/** The run's end: the run-end event's endMs, else the last event's time, else the scenario's duration. */
function runEndMs(scenario: Scenario, trace: readonly TraceEvent[]): number {
  const last = trace[trace.length - 1];
  if (last === undefined) return scenario.durationMs;
  return last.kind === 'run-end' ? last.endMs : last.t;
}

/** Lock clients, in the scenario's order; raw-command script clients hold no lock and get no lane. */
function lockClients(scenario: Scenario): string[] {
  return scenario.clients.filter((c) => c.strategy.kind !== 'script').map((c) => c.id);
}

/** A pure summary of one run for a thumbnail (see Preview). */
export function previewOf(scenario: Scenario, trace: readonly TraceEvent[], verdict: CheckResult): Preview {
  const endMs = runEndMs(scenario, trace);
  const at = (tMs: number): number => (endMs <= 0 ? 0 : Math.min(1, Math.max(0, tMs / endMs)));
  const span = (startMs: number, untilMs: number): PreviewSpan => ({ start: at(startMs), end: at(untilMs) });

  const rows = new Map<string, PreviewRow>();
  for (const client of lockClients(scenario)) rows.set(client, { client, beliefs: [], attempts: [] });
  for (const b of verdict.beliefs) rows.get(b.client)?.beliefs.push(span(b.startMs, b.endMs));

  const lastBin = new Map<string, number>();
  for (const e of trace) {
    if (e.kind !== 'lock-attempt') continue;
    const row = rows.get(e.client);
    if (row === undefined) continue;
    const bin = Math.floor(at(e.t) * ATTEMPT_BINS);
    if (lastBin.get(e.client) === bin) continue;
    lastBin.set(e.client, bin);
    row.attempts.push(at(e.t));
  }

  return {
    rows: [...rows.values()],
    violations: verdict.exclusionViolations.map((v) => span(v.atMs, v.untilMs)),
    staleWrites: verdict.staleWrites.map((w) => at(w.atMs)),
    rejectedWrites: verdict.fencingRejections.map((w) => at(w.atMs)),
    faults: scenario.timeline.map((f) => ({ at: at(f.atMs), kind: f.kind })),
    endMs,
  };
}
