import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

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

/** Who the fault is about, as a word: the node, client, process, partition, or link. */
function subject(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'crash-node':
    case 'restart-node':
    case 'pause-node':
      return entry.node;
    case 'crash-client':
    case 'pause-client':
      return entry.client;
    case 'clock-jump':
    case 'clock-rate':
      return entry.process;
    case 'kill-master':
      return 'the master';
    case 'partition':
      return entry.id;
    case 'heal':
      return entry.id ?? 'all partitions';
    case 'link-delay':
    case 'link-drop':
      return `${entry.from} to ${entry.to}`;
  }
}

/** "crash-node M at 200 ms": what a screen reader says for a fault marker. */
export function describeFault(entry: TimelineEntry): string {
  return `${entry.kind} ${subject(entry)} at ${entry.atMs} ms`;
}

function forMs(durationMs: number | null): string {
  return durationMs === null ? 'until healed' : `for ${durationMs} ms`;
}

/** The entry's parameters in words, for the marker's tooltip. */
export function faultDetail(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'crash-node':
      return `${entry.clean ? 'clean shutdown' : 'crash'} of ${entry.node}${entry.restartAfterMs === null ? '' : `, restart after ${entry.restartAfterMs} ms`}`;
    case 'kill-master':
      return `kill whichever node is master${entry.restartAfterMs === null ? '' : `, restart after ${entry.restartAfterMs} ms`}`;
    case 'restart-node':
      return `restart ${entry.node}`;
    case 'pause-node':
      return `pause ${entry.node} for ${entry.durationMs} ms`;
    case 'crash-client':
      return `crash ${entry.client}`;
    case 'pause-client':
      return `pause ${entry.client} for ${entry.durationMs} ms`;
    case 'clock-jump':
      return `${entry.process}'s clock jumps ${entry.deltaMs >= 0 ? '+' : ''}${entry.deltaMs} ms`;
    case 'clock-rate':
      return `${entry.process}'s clock runs at rate ${entry.rate}`;
    case 'partition':
      return `partition ${entry.id}: ${entry.groups.map((g) => `[${g.join(', ')}]`).join(' | ')} ${forMs(entry.durationMs)}`;
    case 'heal':
      return entry.id === null ? 'heal every partition' : `heal partition ${entry.id}`;
    case 'link-delay':
      return `link ${entry.from} to ${entry.to}: +${entry.extraMs} ms ${forMs(entry.durationMs)}`;
    case 'link-drop':
      return `link ${entry.from} to ${entry.to}: drop ${Math.round(entry.rate * 100)}% ${forMs(entry.durationMs)}`;
  }
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
  switch (entry.kind) {
    case 'crash-node':
    case 'restart-node':
    case 'pause-node':
      return entry.node;
    case 'crash-client':
    case 'pause-client':
      return entry.client;
    case 'clock-jump':
    case 'clock-rate':
      return entry.process;
    case 'kill-master':
      return masterAt(scenario, trace, entry.atMs);
    case 'partition':
    case 'heal':
      return null;
    case 'link-delay':
    case 'link-drop':
      return entry.from;
  }
}

export function faultMarkers(scenario: Scenario, trace: readonly TraceEvent[]): FaultMarker[] {
  return scenario.timeline.map((entry, i) => ({
    i,
    atMs: entry.atMs,
    kind: entry.kind,
    lane: faultLane(scenario, trace, entry),
    label: describeFault(entry),
    detail: faultDetail(entry),
  }));
}
