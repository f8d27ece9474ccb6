import type { Statechart } from '../../lock/statechart.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { activeStateIds, initialLabel, initialStateIds } from './activeStates.ts';
import { arrivalAt } from './arrivals.ts';
import { pathOf } from './chartIndex.ts';
import { type Halt, haltAt, lastTransition } from './lastTransition.ts';
import { edgeKey } from './layoutStatechart.ts';
import { takenTransition } from './takenTransition.ts';

/** What the panel shows of one client's machine at one cursor position. */
export interface StatechartReading {
  /** The current state as the trace writes it: "holding.{work.working,watchdog.waiting}". */
  stateText: string;
  /** "acquiring.parallel → holding.working on REPLY via deciding (at 6 ms)". */
  transitionText: string;
  /** The states to light, ancestors included. */
  active: ReadonlySet<string>;
  /** The edges (layout keys) of the transition(s) just taken. */
  taken: ReadonlySet<string>;
  /** The state the transition just taken left (empty when there is none). */
  takenFrom: string[];
  /** The trace named a state this chart does not have (a stale chart): nothing is lit. */
  unknown: boolean;
}

const NO_EDGES: ReadonlySet<string> = new Set();

/**
 * The client's machine as of the client-state event at `stateIndex` (-1: before its first):
 * which states are active, and which transition brought it there and on what event.
 */
export function readStatechart(chart: Statechart, trace: readonly TraceEvent[], client: string, stateIndex: number): StatechartReading {
  const { current, previous } = lastTransition(trace, client, stateIndex);
  if (current === null) {
    return {
      stateText: initialLabel(chart),
      transitionText: 'none yet (not started)',
      active: initialStateIds(chart),
      taken: NO_EDGES,
      takenFrom: [],
      unknown: false,
    };
  }
  const toIds = activeStateIds(chart, current.label);
  if (toIds === null) {
    return {
      stateText: current.label,
      transitionText: `unknown state (at ${current.t} ms)`,
      active: new Set(),
      taken: NO_EDGES,
      takenFrom: [],
      unknown: true,
    };
  }
  if (previous === null) {
    return {
      stateText: current.label,
      transitionText: `starts in ${current.label} (at ${current.t} ms)`,
      active: toIds,
      taken: NO_EDGES,
      takenFrom: [],
      unknown: false,
    };
  }
  const fromIds = activeStateIds(chart, previous.label);
  const taken = fromIds === null ? null : takenTransition(chart, fromIds, toIds, arrivalAt(trace, client, current.t));
  const move = `${previous.label} → ${current.label}`;
  if (taken === null)
    return {
      stateText: current.label,
      transitionText: `${move} (at ${current.t} ms)`,
      active: toIds,
      taken: NO_EDGES,
      takenFrom: [],
      unknown: false,
    };
  const via = taken.steps.slice(0, -1).map((s) => pathOf(chart, s.target));
  const on = taken.event === 'always' ? ' with no event' : ` on ${taken.event}`;
  return {
    stateText: current.label,
    transitionText: `${move}${on}${via.length > 0 ? ` via ${via.join(', ')}` : ''} (at ${current.t} ms)`,
    active: toIds,
    taken: new Set(taken.steps.map((s) => edgeKey(s.source, s.event, s.guard, s.target))),
    takenFrom: taken.steps.slice(0, 1).map((s) => s.source),
    unknown: false,
  };
}

/** A sentence when the client's machine is halted at the cursor, else ''. */
export function haltText(trace: readonly TraceEvent[], client: string, index: number, stateIndex: number): string {
  const halt: Halt = haltAt(trace, client, index, stateIndex);
  if (halt === null) return '';
  if (halt.kind === 'crashed') return `${client} crashed at ${halt.atMs} ms: its machine stopped in this state.`;
  return `${client} is paused (${halt.atMs}–${halt.untilMs} ms): its machine waits in this state.`;
}
