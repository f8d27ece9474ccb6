import type { Scenario, TimelineEntry } from '../sim/model/scenario.ts';
import type { TraceEvent } from '../sim/trace/events.ts';

/**
 * Where a timeline entry that acts on a client (a GC pause, a crash) falls in that client's own
 * progress, as the simulation placed it: `afterMs` after the client entered `state` for the
 * `occurrence`-th time. A scenario's times are written against the simulation: "C1 pauses at
 * 9001 ms" means "1 ms after C1 checked its validity at 9000 ms and began its write". On real
 * Redis every reply takes its own real time, so C1 reaches that point a few ms off; a pause at
 * the bare 9001 ms would land elsewhere in C1's work (before the check, say) and tell another
 * story. With its anchor the replay pauses C1 1 ms after C1 really began its write.
 */
export interface ClientAnchor {
  /** Index of the entry in scenario.timeline. */
  entry: number;
  /** The client's state label (the statechart's, as in client-state trace events). */
  state: string;
  /** 1 for the first time the client entered that state, 2 for the second, … */
  occurrence: number;
  /** Scenario ms from entering the state to the entry. */
  afterMs: number;
}

type ClientEntry = Extract<TimelineEntry, { kind: 'pause-client' | 'crash-client' }>;

/** The timeline entries an anchor may name: those that act on one client. */
export function isClientEntry(entry: TimelineEntry): entry is ClientEntry {
  return entry.kind === 'pause-client' || entry.kind === 'crash-client';
}

/**
 * The anchors of a scenario's client entries, read from its simulated trace: for each, the last
 * state the client entered before the entry took effect. An entry before the client's first
 * state (it had not started) gets none and keeps its scenario time.
 */
export function clientAnchorsFor(scenario: Scenario, trace: readonly TraceEvent[]): ClientAnchor[] {
  const anchors: ClientAnchor[] = [];
  scenario.timeline.forEach((entry, index) => {
    if (!isClientEntry(entry)) return;
    const anchor = anchorOf(entry, trace);
    if (anchor !== null) anchors.push({ entry: index, ...anchor });
  });
  return anchors;
}

function anchorOf(entry: ClientEntry, trace: readonly TraceEvent[]): Omit<ClientAnchor, 'entry'> | null {
  const counts = new Map<string, number>();
  let last: { state: string; occurrence: number; t: number } | null = null;
  for (const e of trace) {
    if (e.t > entry.atMs || tookEffect(e, entry)) break;
    if (e.kind !== 'client-state' || e.client !== entry.client) continue;
    const occurrence = (counts.get(e.state) ?? 0) + 1;
    counts.set(e.state, occurrence);
    last = { state: e.state, occurrence, t: e.t };
  }
  return last === null ? null : { state: last.state, occurrence: last.occurrence, afterMs: entry.atMs - last.t };
}

/** The trace event that shows the entry happening: what comes after it in the trace came after it. */
function tookEffect(e: TraceEvent, entry: ClientEntry): boolean {
  if (e.t !== entry.atMs) return false;
  return (e.kind === 'pause' || e.kind === 'crash') && e.process === entry.client;
}

/**
 * What is wrong with anchors sent for this scenario, one sentence each: each must name a
 * client entry of its timeline, at most once.
 */
export function anchorProblems(scenario: Scenario, anchors: readonly ClientAnchor[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  anchors.forEach((a, i) => {
    const entry = scenario.timeline[a.entry];
    if (entry === undefined) {
      problems.push(`anchors[${i}].entry: the timeline has no entry ${a.entry} (it has ${scenario.timeline.length})`);
    } else if (!isClientEntry(entry)) {
      problems.push(
        `anchors[${i}].entry: timeline entry ${a.entry} is a ${entry.kind}; only pause-client and crash-client entries have anchors`,
      );
    } else if (seen.has(a.entry)) {
      problems.push(`anchors[${i}].entry: timeline entry ${a.entry} has more than one anchor`);
    }
    seen.add(a.entry);
  });
  return problems;
}
