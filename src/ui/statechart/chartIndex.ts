import type { ChartState, Statechart } from '../../lock/statechart.ts';

/** One state of a chart with what the views need to know about its place in the tree. */
export interface IndexedState {
  state: ChartState;
  parentId: string | null;
  /** Key path below the root, e.g. "holding.watchdog.waiting" (the root's own path is ""). */
  path: string;
  depth: number;
}

export type ChartIndex = ReadonlyMap<string, IndexedState>;

// Charts are built once per machine (STATECHARTS), so a WeakMap keeps one index per chart.
const cache = new WeakMap<Statechart, ChartIndex>();

/** Every state of the chart by id, in document order (parents before children). */
export function chartIndex(chart: Statechart): ChartIndex {
  const cached = cache.get(chart);
  if (cached !== undefined) return cached;
  const index = new Map<string, IndexedState>();
  const visit = (state: ChartState, parentId: string | null, path: string, depth: number) => {
    index.set(state.id, { state, parentId, path, depth });
    for (const child of state.states) visit(child, state.id, path === '' ? child.key : `${path}.${child.key}`, depth + 1);
  };
  visit(chart.root, null, '', 0);
  cache.set(chart, index);
  return index;
}

/** A state's readable path ("acquiring.parallel"); the root reads as its key. */
export function pathOf(chart: Statechart, id: string): string {
  const entry = chartIndex(chart).get(id);
  if (entry === undefined) return id;
  return entry.path === '' ? entry.state.key : entry.path;
}

/** The ids a state and its ancestors have, innermost first. */
export function ancestorsOf(chart: Statechart, id: string): string[] {
  const index = chartIndex(chart);
  const ids: string[] = [];
  for (let at = index.get(id); at !== undefined; at = at.parentId === null ? undefined : index.get(at.parentId)) ids.push(at.state.id);
  return ids;
}

/**
 * The states entered when a transition targets `state`: itself plus its initial descendants
 * (every region of a parallel state), as xstate enters them.
 */
export function enteredIds(state: ChartState): string[] {
  if (state.type === 'parallel') return [state.id, ...state.states.flatMap(enteredIds)];
  if (state.type === 'compound') {
    const first = state.states.find((s) => s.id === state.initial) ?? state.states[0];
    return first === undefined ? [state.id] : [state.id, ...enteredIds(first)];
  }
  return [state.id];
}
