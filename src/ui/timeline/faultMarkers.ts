import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { timelineTarget } from '../../scenario/timelineTarget.ts';
import { describeFault, faultTag } from '../faults/describeFault.ts';

/** A fault of the scenario's timeline as a draggable marker: on a lane, or across the top (lane null). */
export interface FaultMarker {
  /** Position in scenario.timeline (what moveFault / removeFault take). */
  i: number;
  atMs: number;
  kind: TimelineEntry['kind'];
  /** The lane it sits on, or null for a partition or heal (drawn across the top). */
  lane: string | null;
  /** Short, for the accessible name: "crash-node M at 200 ms". */
  label: string;
  /** Longer, for the tooltip: the entry's parameters. */
  detail: string;
}

/** The node that is master at true time t: the scenario's first master, then the role events before t. */
export function masterAt(scenario: Scenario, trace: readonly TraceEvent[], t: number): string | null {
  let master = scenario.nodes.find((n) => n.replicaOf === undefined)?.id ?? scenario.nodes[0]?.id ?? null;
  for (const e of trace) {
    if (e.t > t) break;
    if (e.kind === 'role' && e.role === 'master') master = e.node;
  }
  return master;
}

/** The lane a fault belongs on (null: across the top). */
export function faultLane(scenario: Scenario, trace: readonly TraceEvent[], entry: TimelineEntry): string | null {
  return entry.kind === 'kill-master' ? masterAt(scenario, trace, entry.atMs) : timelineTarget(entry);
}

export function faultMarkers(scenario: Scenario, trace: readonly TraceEvent[]): FaultMarker[] {
  return scenario.timeline.map((entry, i) => ({
    i,
    atMs: entry.atMs,
    kind: entry.kind,
    lane: faultLane(scenario, trace, entry),
    label: `${faultTag(entry)} at ${entry.atMs} ms`,
    detail: describeFault(entry, scenario),
  }));
}
