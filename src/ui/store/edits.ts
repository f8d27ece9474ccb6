import type { Fencing, Scenario, TimelineEntry } from '../../sim/model/scenario.ts';

/**
 * Edits of the scenario the user makes in the page, as pure functions: each returns a new
 * scenario and leaves its input alone (undo keeps the old one). The store validates the
 * result before it runs it, so an edit may produce an invalid scenario.
 */

/** Timeline entries stay in time order (stable for equal times), as a reader expects them. */
function sorted(timeline: TimelineEntry[]): TimelineEntry[] {
  return timeline
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.atMs - b.entry.atMs || a.i - b.i)
    .map((x) => x.entry);
}

export function withFault(scenario: Scenario, entry: TimelineEntry): Scenario {
  return { ...scenario, timeline: sorted([...scenario.timeline, entry]) };
}

/** Moves timeline entry `i` to `atMs` (rounded to a whole ms, clamped to the run). */
export function withFaultMoved(scenario: Scenario, i: number, atMs: number): Scenario {
  const entry = scenario.timeline[i];
  if (entry === undefined) throw new Error(`no timeline entry ${i}`);
  const clamped = Math.min(Math.max(0, Math.round(atMs)), scenario.durationMs);
  const timeline = scenario.timeline.map((e, j) => (j === i ? { ...e, atMs: clamped } : e));
  return { ...scenario, timeline };
}

export function withFaultReplaced(scenario: Scenario, i: number, entry: TimelineEntry): Scenario {
  if (scenario.timeline[i] === undefined) throw new Error(`no timeline entry ${i}`);
  return { ...scenario, timeline: sorted(scenario.timeline.map((e, j) => (j === i ? entry : e))) };
}

export function withoutFault(scenario: Scenario, i: number): Scenario {
  if (scenario.timeline[i] === undefined) throw new Error(`no timeline entry ${i}`);
  return { ...scenario, timeline: scenario.timeline.filter((_, j) => j !== i) };
}

export function withSeed(scenario: Scenario, seed: number): Scenario {
  return { ...scenario, seed };
}

export function withFencing(scenario: Scenario, fencing: Fencing): Scenario {
  return { ...scenario, fencing };
}

/** The index a moved entry ends up at once the timeline is sorted again (for a drag that continues). */
export function sortedTimeline(scenario: Scenario): Scenario {
  return { ...scenario, timeline: sorted(scenario.timeline) };
}
