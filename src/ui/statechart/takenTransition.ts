import type { ChartTransition, Statechart } from '../../lock/statechart.ts';
import { ancestorsOf, chartIndex, enteredIds } from './chartIndex.ts';

/** One chart transition the machine took: from a state to one target, on an event. */
export interface TakenStep {
  source: string;
  target: string;
  /** The transition's event ('always' for an eventless one). */
  event: string;
  guard: string | null;
}

export interface TakenTransition {
  /** The event the machine received: "REPLY", "WORK", … ('always' if none can be named). */
  event: string;
  /**
   * The transitions taken, in order. More than one when the machine passed through transient
   * states (deciding, failed, …) that resolve at once and so never show up in the trace.
   */
  steps: TakenStep[];
}

/** Events that come from a message; every other event of a lock machine is a timer. */
const MESSAGE_EVENTS = new Set(['REPLY', 'MASTER']);

/** A chain through transient states is short; this bounds the search on any chart. */
const MAX_STEPS = 6;

interface Candidate {
  steps: TakenStep[];
  event: string;
  depth: number;
}

function stepOf(source: string, t: ChartTransition, target: string): TakenStep {
  return { source, target, event: t.event, guard: t.guard };
}

/**
 * The event behind an eventless first step: an eventless transition of a resting state fires
 * only after an event changed the context, which is one of its (or an active ancestor's)
 * target-less transitions — Redlock's parallel vote counts REPLYs that way.
 */
function triggerOf(chart: Statechart, steps: TakenStep[], fromIds: ReadonlySet<string>, arrived: string | null | undefined): string {
  const first = steps[0] as TakenStep;
  if (first.event !== 'always') return first.event;
  const index = chartIndex(chart);
  const events = ancestorsOf(chart, first.source)
    .filter((id) => fromIds.has(id))
    .flatMap((id) => index.get(id)?.state.transitions ?? [])
    .filter((t) => t.targets.length === 0 && t.event !== 'always')
    .map((t) => t.event);
  if (typeof arrived === 'string' && events.includes(arrived)) return arrived;
  return events[0] ?? 'always';
}

/**
 * Which chart transition(s) explain a move from the states `fromIds` to the states `toIds`:
 * a transition out of an active state of `from` (or an ancestor) whose target is active now,
 * possibly through eventless transitions of transient states on the way. `arrived` says
 * which message reached the client at that moment ('REPLY', 'MASTER'), null if none did (so
 * a timer fired), undefined if not known; it decides between, say, REPLY and REQUEST_TIMEOUT,
 * which lead to the same place. Returns null when no transition matches.
 */
export function takenTransition(
  chart: Statechart,
  fromIds: ReadonlySet<string>,
  toIds: ReadonlySet<string>,
  arrived?: string | null,
): TakenTransition | null {
  const index = chartIndex(chart);
  const candidates: Candidate[] = [];
  const explore = (steps: TakenStep[]) => {
    const last = (steps[steps.length - 1] as TakenStep).target;
    if (toIds.has(last)) {
      const source = (steps[0] as TakenStep).source;
      candidates.push({ steps, event: triggerOf(chart, steps, fromIds, arrived), depth: index.get(source)?.depth ?? 0 });
      return;
    }
    if (steps.length >= MAX_STEPS) return;
    const entered = index.get(last);
    if (entered === undefined) return;
    const seen = new Set(steps.map((s) => s.source));
    // A state that is not active now was passed through: it must be transient (an unguarded
    // eventless transition means the machine cannot rest there), and it left by an eventless one.
    for (const id of enteredIds(entered.state)) {
      const transitions = index.get(id)?.state.transitions ?? [];
      if (seen.has(id) || !transitions.some((t) => t.event === 'always' && t.guard === null)) continue;
      for (const t of transitions) {
        if (t.event !== 'always') continue;
        for (const target of t.targets) explore([...steps, stepOf(id, t, target)]);
      }
    }
  };
  for (const id of fromIds) {
    for (const t of index.get(id)?.state.transitions ?? []) {
      for (const target of t.targets) explore([stepOf(id, t, target)]);
    }
  }
  if (candidates.length === 0) return null;
  const rank = (c: Candidate): number[] => [
    // What reached the client decides first; then the innermost source (xstate tries those first); then the shortest chain.
    arrived === undefined ? 0 : arrived === null ? (MESSAGE_EVENTS.has(c.event) ? 1 : 0) : c.event === arrived ? 0 : 1,
    -c.depth,
    c.steps.length,
  ];
  let best = candidates[0] as Candidate;
  let bestRank = rank(best);
  for (const c of candidates.slice(1)) {
    const r = rank(c);
    const i = r.findIndex((v, k) => v !== bestRank[k]);
    if (i >= 0 && (r[i] as number) < (bestRank[i] as number)) {
      best = c;
      bestRank = r;
    }
  }
  return { event: best.event, steps: best.steps };
}
