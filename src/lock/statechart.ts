/**
 * Each lock machine's definition as plain JSON, so the UI can draw the statechart and light
 * the current state. Walks xstate's StateNode tree; actions and guards become names (an
 * action object's `type`, a named guard's name), state references become state ids.
 */
import type { AnyStateNode } from 'xstate';
import { LOCK_MACHINES, type LockMachineName } from './machines/index.ts';

export interface ChartTransition {
  /** The event type, or 'always' for an eventless transition. */
  event: string;
  /** Target state ids; empty for a transition that stays (it only runs actions). */
  targets: string[];
  guard: string | null;
  actions: string[];
}

export interface ChartState {
  /** Unique id, e.g. "lock.acquiring.parallel" (what a transition's targets name). */
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  /** A compound state's initial child, by id. */
  initial?: string;
  states: ChartState[];
  entry: string[];
  exit: string[];
  transitions: ChartTransition[];
}

export interface Statechart {
  name: LockMachineName;
  description: string;
  root: ChartState;
}

/** A readable name for an action or guard: a string as is, an object's type, a function's name. */
function label(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'function') {
    // xstate's built-ins (assign, raise, …) carry their kind as `type`; user functions a name.
    const named = item as { type?: unknown; name?: string };
    if (typeof named.type === 'string') return named.type;
    return named.name ? named.name : 'inline';
  }
  if (typeof item === 'object' && item !== null && 'type' in item && typeof item.type === 'string') return item.type;
  return 'inline';
}

type Transition = { target?: readonly AnyStateNode[] | undefined; guard?: unknown; actions: readonly unknown[] };

function chartTransition(event: string, t: Transition): ChartTransition {
  return {
    event,
    targets: (t.target ?? []).map((s) => s.id),
    guard: t.guard === undefined ? null : label(t.guard),
    actions: t.actions.map(label),
  };
}

function chartState(node: AnyStateNode): ChartState {
  if (node.type === 'history') throw new Error(`state ${node.id}: history states are not drawn`);
  const transitions = [...node.transitions.entries()].flatMap(([event, ts]) => ts.map((t) => chartTransition(event, t)));
  for (const t of node.always ?? []) transitions.push(chartTransition('always', t));
  const first = node.type === 'compound' ? node.initial.target[0] : undefined;
  return {
    id: node.id,
    key: node.key,
    type: node.type,
    ...(first ? { initial: first.id } : {}),
    states: Object.values(node.states).map(chartState),
    entry: node.entry.map(label),
    exit: node.exit.map(label),
    transitions,
  };
}

export function statechartOf(name: LockMachineName): Statechart {
  const root = LOCK_MACHINES[name].root;
  return { name, description: root.description ?? name, root: chartState(root) };
}

export const STATECHARTS: Record<LockMachineName, Statechart> = Object.fromEntries(
  (Object.keys(LOCK_MACHINES) as LockMachineName[]).map((name) => [name, statechartOf(name)]),
) as Record<LockMachineName, Statechart>;
