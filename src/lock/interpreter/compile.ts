/**
 * Compiles a lock machine (an xstate v5 machine built with setup()) into plain tables the
 * engine's interpreter can walk quickly: state nodes by index, their entry and exit
 * actions, and their transitions with guards resolved to the machine's own implementations.
 *
 * Why: xstate's interpreter costs 3–12 µs per event for these machines; a 60 s run of three
 * Redlock clients feeds them ~5,000 events, which alone would blow the 16 ms budget for
 * re-simulating while a user drags a fault. The machine stays the single source of truth
 * (definition, guards, actions); only the stepping is done here, for the subset of
 * statecharts the lock machines use, and interpreter.equivalence.test.ts checks that it
 * agrees with xstate's own transition() step by step.
 *
 * Supported: atomic, compound, parallel and final states; `on` and `always` transitions
 * with named guards; named actions, `{ type, params }` actions, and assign(). Anything else
 * (history states, delayed `after`, invoke, wildcard events, inline functions, builtin
 * guards such as and/not) is rejected when compiling, so it cannot be silently ignored.
 */
import type { AnyStateMachine } from 'xstate';

export type Ctx = Record<string, unknown>;
export type Ev = { type: string };

export type CompiledAction =
  | { kind: 'assign'; name: string; assign: (ctx: Ctx, event: Ev) => Ctx }
  | { kind: 'effect'; type: string; params: ((ctx: Ctx, event: Ev) => unknown) | undefined };

export interface CompiledTransition {
  source: number;
  targets: number[];
  reenter: boolean;
  guard: ((ctx: Ctx, event: Ev) => boolean) | null;
  actions: CompiledAction[];
  /** Filled in by the interpreter on first use: both depend only on the transition (no history states). */
  domain?: number;
  entrySet?: number[];
}

export interface CompiledNode {
  index: number;
  key: string;
  parent: number;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  /** Document order (xstate's `order`): entry runs in it, exit in reverse. */
  order: number;
  children: number[];
  initial: number;
  entry: CompiledAction[];
  exit: CompiledAction[];
  on: Map<string, CompiledTransition[]>;
  always: CompiledTransition[];
}

export interface CompiledMachine {
  nodes: CompiledNode[];
  root: number;
}

/** The parts of xstate's StateNode the compiler reads (public fields of the v5 runtime object). */
interface XNode {
  key: string;
  type: string;
  order: number;
  parent?: XNode;
  states: Record<string, XNode>;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, XTransition[]>;
  always?: XTransition[];
  initial: { target: XNode[]; actions: unknown[] };
  invoke: unknown[];
  config: { after?: unknown; history?: unknown };
}
interface XTransition {
  target?: XNode[];
  source: XNode;
  actions: unknown[];
  guard?: unknown;
  reenter?: boolean;
}

const cache = new WeakMap<AnyStateMachine, CompiledMachine>();

export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const hit = cache.get(machine);
  if (hit !== undefined) return hit;
  const compiled = new Compiler(machine).compile();
  cache.set(machine, compiled);
  return compiled;
}

class Compiler {
  private readonly index = new Map<XNode, number>();
  private readonly nodes: CompiledNode[] = [];
  private readonly actions: Record<string, unknown>;
  private readonly guards: Record<string, unknown>;

  constructor(private readonly machine: AnyStateMachine) {
    this.actions = machine.implementations.actions as Record<string, unknown>;
    this.guards = machine.implementations.guards as Record<string, unknown>;
  }

  compile(): CompiledMachine {
    const root = this.machine.root as unknown as XNode;
    this.number(root);
    for (const [node] of this.index) this.nodes.push(this.node(node));
    this.nodes.sort((a, b) => a.index - b.index);
    return { nodes: this.nodes, root: 0 };
  }

  private number(node: XNode): void {
    this.index.set(node, this.index.size);
    for (const child of Object.values(node.states)) this.number(child);
  }

  private node(node: XNode): CompiledNode {
    const where = `state "${node.key}"`;
    if (!['atomic', 'compound', 'parallel', 'final'].includes(node.type)) throw new Error(`${where}: unsupported state type ${node.type}`);
    if (node.config.after !== undefined) throw new Error(`${where}: delayed transitions are not supported (timers are the engine's)`);
    if (node.invoke.length > 0) throw new Error(`${where}: invoke is not supported`);
    const on = new Map<string, CompiledTransition[]>();
    for (const [event, list] of node.transitions) {
      if (event.includes('*')) throw new Error(`${where}: wildcard event ${event} is not supported`);
      on.set(event, list.map((t) => this.transition(t)));
    }
    if (node.initial?.actions?.length) throw new Error(`${where}: actions on an initial transition are not supported`);
    return {
      index: this.at(node),
      key: node.key,
      parent: node.parent === undefined ? -1 : this.at(node.parent),
      type: node.type as CompiledNode['type'],
      order: node.order,
      children: Object.values(node.states).map((c) => this.at(c)),
      initial: node.type === 'compound' ? this.at(node.initial.target[0] as XNode) : -1,
      entry: node.entry.map((a) => this.action(a, where)),
      exit: node.exit.map((a) => this.action(a, where)),
      on,
      always: (node.always ?? []).map((t) => this.transition(t)),
    };
  }

  private at(node: XNode): number {
    const i = this.index.get(node);
    if (i === undefined) throw new Error(`state "${node.key}" is outside the machine`);
    return i;
  }

  private transition(t: XTransition): CompiledTransition {
    const where = `transition from "${t.source.key}"`;
    return {
      source: this.at(t.source),
      targets: (t.target ?? []).map((n) => this.at(n)),
      reenter: t.reenter === true,
      guard: t.guard === undefined ? null : this.guard(t.guard, where),
      actions: t.actions.map((a) => this.action(a, where)),
    };
  }

  private guard(guard: unknown, where: string): (ctx: Ctx, event: Ev) => boolean {
    const name = typeof guard === 'string' ? guard : (guard as { type?: unknown }).type;
    if (typeof name !== 'string' || (typeof guard === 'object' && guard !== null && 'params' in guard)) {
      throw new Error(`${where}: only named guards without params are supported`);
    }
    const impl = this.guards[name];
    if (typeof impl !== 'function' || 'check' in impl) throw new Error(`${where}: guard ${name} is not a plain guard function`);
    const fn = impl as (args: { context: Ctx; event: Ev }) => boolean;
    return (context, event) => fn({ context, event });
  }

  private action(action: unknown, where: string): CompiledAction {
    if (typeof action === 'function') {
      const builtin = action as { type?: string; assignment?: unknown };
      if (builtin.type === 'xstate.assign') return assignAction('(inline assign)', builtin.assignment, where);
      throw new Error(`${where}: inline action functions are not supported; name them in setup()`);
    }
    const type = typeof action === 'string' ? action : (action as { type?: unknown }).type;
    if (typeof type !== 'string') throw new Error(`${where}: an action without a type`);
    const impl = this.actions[type] as { type?: string; assignment?: unknown } | undefined;
    if (impl === undefined) throw new Error(`${where}: action ${type} is not implemented in setup()`);
    if (impl.type === 'xstate.assign') return assignAction(type, impl.assignment, where);
    if ('resolve' in impl) throw new Error(`${where}: builtin action ${type} (${impl.type}) is not supported`);
    const raw = typeof action === 'object' && action !== null && 'params' in action ? (action as { params: unknown }).params : undefined;
    const params =
      raw === undefined ? undefined : typeof raw === 'function' ? (ctx: Ctx, event: Ev) => (raw as (a: { context: Ctx; event: Ev }) => unknown)({ context: ctx, event }) : () => raw;
    return { kind: 'effect', type, params };
  }
}

/** assign() with a function (returns a partial context) or an object of values/property functions. */
function assignAction(name: string, assignment: unknown, where: string): CompiledAction {
  if (typeof assignment === 'function') {
    const fn = assignment as (args: { context: Ctx; event: Ev }) => Ctx;
    return { kind: 'assign', name, assign: (context, event) => fn({ context, event }) };
  }
  if (typeof assignment !== 'object' || assignment === null) throw new Error(`${where}: assign ${name} has no assignment`);
  const entries = Object.entries(assignment as Record<string, unknown>);
  return {
    kind: 'assign',
    name,
    assign: (context, event) => {
      const partial: Ctx = {};
      for (const [key, v] of entries) partial[key] = typeof v === 'function' ? (v as (a: { context: Ctx; event: Ev }) => unknown)({ context, event }) : v;
      return partial;
    },
  };
}
