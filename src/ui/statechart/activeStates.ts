import type { ChartState, Statechart } from '../../lock/statechart.ts';
import { enteredIds } from './chartIndex.ts';

/**
 * Reads the part of a label that starts at `at` and adds the states it names (below `state`)
 * to `ids`; returns where it stopped, or -1 if a key is not a child of its state. Grammar
 * (src/lock/stateLabel.ts): path = key ("." (path | "{" path ("," path)* "}"))?
 */
function readPath(label: string, at: number, state: ChartState, ids: Set<string>): number {
  let end = at;
  while (end < label.length && !'.,{}'.includes(label[end] as string)) end++;
  const key = label.slice(at, end);
  const child = state.states.find((s) => s.key === key);
  if (child === undefined) return -1;
  ids.add(child.id);
  if (label[end] !== '.') {
    // The label stops at a compound state (it never does today): it is in its initial states.
    for (const id of enteredIds(child)) ids.add(id);
    return end;
  }
  if (label[end + 1] !== '{') return readPath(label, end + 1, child, ids);
  let next = end + 2;
  for (;;) {
    next = readPath(label, next, child, ids);
    if (next < 0) return -1;
    if (label[next] === '}') return next + 1;
    if (label[next] !== ',') return -1;
    next++;
  }
}

/**
 * The active state ids (every ancestor included, the root too) of a `client-state` label such
 * as "acquiring.parallel" or "holding.{work.working,watchdog.waiting}"; null if the label
 * names a state the chart does not have.
 */
export function activeStateIds(chart: Statechart, label: string): ReadonlySet<string> | null {
  const ids = new Set<string>([chart.root.id]);
  const end = readPath(label, 0, chart.root, ids);
  return end === label.length ? ids : null;
}

/** The states a machine is in before its first event: the root's initial descendants. */
export function initialStateIds(chart: Statechart): ReadonlySet<string> {
  return new Set(enteredIds(chart.root));
}

/** The initial configuration as a label ("idle"), the way the trace would write it. */
export function initialLabel(chart: Statechart): string {
  const parts: string[] = [];
  let state: ChartState | undefined = chart.root;
  while (state !== undefined && state.type === 'compound') {
    const initial: string | undefined = state.initial;
    state = state.states.find((s) => s.id === initial);
    if (state !== undefined) parts.push(state.key);
  }
  return parts.join('.');
}
