import type { CheckResult } from '../../check/types.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import type { RunView } from './compute.ts';
import { mergedByTime, realRunView } from './realRunView.ts';

/**
 * Where a real run stands: `starting` until its first events, `running` while they stream;
 * then how it ended: it reached the scenario's end (completed), Stop (stopped), the bridge
 * could not go on (failed), the connection dropped (interrupted), or the bridge refused to
 * start it (refused). A lock session (operations outside a run) is `running` while connected.
 */
export type RealRunStatus = 'starting' | 'running' | 'completed' | 'stopped' | 'failed' | 'interrupted' | 'refused';

export interface VerdictHint {
  safe: boolean;
  note: string;
}

/** The version of the document a real run replayed: the example, as loaded and as edited (the store's Version). */
export interface RealRunOrigin {
  exampleId: string;
  original: Scenario;
  scenario: Scenario;
}

/** What real Redis did with a scenario, as received from the bridge. */
export interface RealRun {
  /** A replay of the scenario (start-run), or lock operations outside a run. */
  kind: 'run' | 'session';
  /** Names this run: the start-run message's id, or "session-N". The timeline's view resets when it changes. */
  key: string;
  /** The document as it was when the run started (a later edit does not change what ran). */
  origin: RealRunOrigin;
  /** start-run's speed; null for a session. */
  speed: number | null;
  /** The simulator's verdict on the same scenario and seed, to compare with; null for a session. */
  simulated: CheckResult | null;
  /** The events received, in time order (without the run-start the views add). */
  events: TraceEvent[];
  status: RealRunStatus;
  hint: VerdictHint | null;
  /** What went wrong, in words (failed, interrupted, refused), or null. */
  problem: string | null;
  view: RunView;
  /** Why the checker could not read the latest events (the view is the last one it could), or null. */
  checkError: string | null;
}

export function isLive(real: RealRun | null): boolean {
  return real !== null && (real.status === 'starting' || real.status === 'running');
}

export function beganRealRun(key: string, origin: RealRunOrigin, speed: number, simulated: CheckResult): RealRun {
  return {
    kind: 'run',
    key,
    origin,
    speed,
    simulated,
    events: [],
    status: 'starting',
    hint: null,
    problem: null,
    view: realRunView(origin.scenario, []),
    checkError: null,
  };
}

export function beganSession(key: string, origin: RealRunOrigin): RealRun {
  return {
    kind: 'session',
    key,
    origin,
    speed: null,
    simulated: null,
    events: [],
    status: 'running',
    hint: null,
    problem: null,
    view: realRunView(origin.scenario, []),
    checkError: null,
  };
}

/** The run with more events: merged in time order, checked again. Nothing received is ever dropped. */
export function withRealEvents(real: RealRun, events: readonly TraceEvent[]): RealRun {
  if (events.length === 0) return real;
  const all = mergedByTime(real.events, events);
  const status = real.status === 'starting' ? 'running' : real.status;
  try {
    return { ...real, events: all, status, view: realRunView(real.origin.scenario, all), checkError: null };
  } catch (e) {
    return { ...real, events: all, status, checkError: `the checker could not read the real trace: ${String(e)}` };
  }
}

/** The run is over (run-ended). */
export function realRunEnded(real: RealRun, reason: 'completed' | 'stopped' | 'failed', hint: VerdictHint | null): RealRun {
  return { ...real, status: reason, hint };
}

/**
 * Something went wrong with a live run: the bridge refused it before any event (refused),
 * reported a failure (the problem is kept until run-ended says failed), or the connection
 * dropped (interrupted). The events so far stay.
 */
export function realRunProblem(real: RealRun, problem: string, cause: 'refused' | 'interrupted'): RealRun {
  if (!isLive(real)) return real;
  if (cause === 'interrupted') return { ...real, status: 'interrupted', problem };
  return real.events.length === 0 ? { ...real, status: 'refused', problem } : { ...real, problem };
}
