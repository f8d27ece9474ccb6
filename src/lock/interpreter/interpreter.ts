/**
 * Steps a compiled lock machine (compile.ts) with xstate v5's semantics for the subset the
 * lock machines use: an event selects at most one transition per parallel region (document
 * order, first passing guard, innermost state first); a microstep exits states deepest
 * first, runs the transition's actions, then enters states in document order; eventless
 * (`always`) transitions are then taken until none is enabled. assign() updates the
 * context at once, so later actions of the same step see it, as in xstate v5.
 * The code follows xstate's own algorithm (StateMachine's macrostep/microstep) so the two
 * agree; interpreter.equivalence.test.ts checks it.
 */
import type { CompiledAction, CompiledMachine, CompiledNode, CompiledTransition, Ctx, Ev } from './compile.ts';

export type EffectSink = (type: string, params: unknown) => void;

export class Interpreter {
  /** Active state nodes, in the order they were entered (xstate keeps a Set in that order). */
  active: number[] = [];
  context: Ctx;
  done = false;
  /** Counts assign() runs: a step "changed" the context iff this moved (xstate compares snapshots). */
  private assigns = 0;
  private readonly nodes: CompiledNode[];

  constructor(
    private readonly machine: CompiledMachine,
    context: Ctx,
    private readonly effect: EffectSink,
  ) {
    this.nodes = machine.nodes;
    this.context = context;
  }

  /** Enters the initial configuration and settles eventless transitions. */
  start(initEvent: Ev): void {
    const root = this.machine.root;
    const toEnter = new Set<number>([root]);
    this.addDescendants(root, toEnter);
    this.enter([...toEnter].sort((a, b) => this.order(a) - this.order(b)), initEvent);
    this.settle(initEvent);
  }

  send(event: Ev): void {
    if (this.done) return;
    const selected = this.select(this.machine.root, event);
    if (selected.length > 0) this.microstep(this.removeConflicts(selected), event);
    // Like xstate, eventless transitions are looked at after every event, taken or not.
    this.settle(event);
  }

  /** The state as a label, as stateLabel() prints xstate's state value. */
  label(): string {
    return this.labelOf(this.machine.root, true);
  }

  private labelOf(index: number, top: boolean): string {
    const node = this.nodes[index] as CompiledNode;
    if (node.type === 'compound') {
      const child = node.children.find((c) => this.active.includes(c)) as number;
      const inner = this.labelOf(child, false);
      return top ? inner : `${node.key}.${inner}`;
    }
    if (node.type === 'parallel') {
      const inner = `{${node.children.map((c) => this.labelOf(c, false)).join(',')}}`;
      return top ? inner : `${node.key}.${inner}`;
    }
    return node.key;
  }

  // --- selecting transitions (xstate's transitionNode) ---

  private select(index: number, event: Ev): CompiledTransition[] {
    const node = this.nodes[index] as CompiledNode;
    if (node.type === 'compound') {
      const child = node.children.find((c) => this.active.includes(c));
      const inner = child === undefined ? [] : this.select(child, event);
      return inner.length > 0 ? inner : this.own(node, event);
    }
    if (node.type === 'parallel') {
      const inner: CompiledTransition[] = [];
      for (const c of node.children) inner.push(...this.select(c, event));
      return inner.length > 0 ? inner : this.own(node, event);
    }
    return this.own(node, event);
  }

  private own(node: CompiledNode, event: Ev): CompiledTransition[] {
    const candidates = node.on.get(event.type);
    if (candidates === undefined) return [];
    for (const t of candidates) if (t.guard === null || t.guard(this.context, event)) return [t];
    return [];
  }

  private selectEventless(event: Ev): CompiledTransition[] {
    const enabled: CompiledTransition[] = [];
    for (const index of this.active) {
      const atomic = this.nodes[index] as CompiledNode;
      if (atomic.type !== 'atomic' && atomic.type !== 'final') continue;
      walk: for (let s = index; s !== -1; s = (this.nodes[s] as CompiledNode).parent) {
        for (const t of (this.nodes[s] as CompiledNode).always) {
          if (t.guard === null || t.guard(this.context, event)) {
            if (!enabled.includes(t)) enabled.push(t);
            break walk;
          }
        }
      }
    }
    return enabled.length > 0 ? this.removeConflicts(enabled) : enabled;
  }

  /** Eventless transitions until none is enabled (xstate stops when a step changes nothing). */
  private settle(event: Ev): void {
    let select = true;
    while (!this.done && select) {
      const enabled = this.selectEventless(event);
      if (enabled.length === 0) return;
      select = this.microstep(enabled, event);
    }
  }

  // --- microstep ---

  /** Returns whether the configuration or the context changed. */
  private microstep(transitions: CompiledTransition[], event: Ev): boolean {
    const assignsBefore = this.assigns;
    const activeBefore = this.active.slice();
    const exit = this.exitSet(transitions).sort((a, b) => this.order(b) - this.order(a));
    for (const s of exit) {
      this.run((this.nodes[s] as CompiledNode).exit, event);
      this.active.splice(this.active.indexOf(s), 1);
    }
    for (const t of transitions) this.run(t.actions, event);
    if (transitions.length === 1) this.enter(this.cachedEntrySet(transitions[0] as CompiledTransition), event);
    else {
      const toEnter = new Set<number>();
      for (const t of transitions) this.entrySet(t, toEnter);
      this.enter([...toEnter].sort((a, b) => this.order(a) - this.order(b)), event);
    }
    if (this.done) {
      const all = this.active.slice().sort((a, b) => this.order(b) - this.order(a));
      for (const s of all) this.run((this.nodes[s] as CompiledNode).exit, event);
    }
    return this.assigns !== assignsBefore || !sameMembers(activeBefore, this.active);
  }

  /** Enters states given in document order. */
  private enter(toEnter: readonly number[], event: Ev): void {
    for (const s of toEnter) {
      if (!this.active.includes(s)) this.active.push(s);
      const node = this.nodes[s] as CompiledNode;
      this.run(node.entry, event);
      // A final state directly under the root ends the machine (no other finals are used).
      if (node.type === 'final' && node.parent === this.machine.root) this.done = true;
    }
  }

  private run(actions: readonly CompiledAction[], event: Ev): void {
    for (const a of actions) {
      // In place: nothing else holds this context, and xstate's copy-on-assign is what made it slow.
      if (a.kind === 'assign') {
        Object.assign(this.context, a.assign(this.context, event));
        this.assigns++;
      }
      else this.effect(a.type, a.params === undefined ? undefined : a.params(this.context, event));
    }
  }

  // --- the sets (xstate's computeExitSet / computeEntrySet without history) ---

  private cachedEntrySet(t: CompiledTransition): number[] {
    if (t.entrySet === undefined) {
      const toEnter = new Set<number>();
      this.entrySet(t, toEnter);
      t.entrySet = [...toEnter].sort((a, b) => this.order(a) - this.order(b));
    }
    return t.entrySet;
  }

  private domain(t: CompiledTransition): number {
    if (t.domain === undefined) t.domain = this.computeDomain(t);
    return t.domain;
  }

  private computeDomain(t: CompiledTransition): number {
    if (!t.reenter && t.targets.every((x) => x === t.source || this.isDescendant(x, t.source))) return t.source;
    return this.lca([...t.targets, t.source]);
  }

  private exitSet(transitions: CompiledTransition[]): number[] {
    const out = new Set<number>();
    for (const t of transitions) {
      if (t.targets.length === 0) continue;
      const d = this.domain(t);
      if (t.reenter && t.source === d) out.add(d);
      for (const s of this.active) if (this.isDescendant(s, d)) out.add(s);
    }
    return [...out];
  }

  private entrySet(t: CompiledTransition, toEnter: Set<number>): void {
    if (t.targets.length === 0) return;
    const d = this.domain(t);
    for (const s of t.targets) {
      if (t.source !== s || t.source !== d || t.reenter) toEnter.add(s);
      this.addDescendants(s, toEnter);
    }
    for (const s of t.targets) {
      const ancestors = this.properAncestors(s, d);
      if ((this.nodes[d] as CompiledNode).type === 'parallel') ancestors.push(d);
      const reentrancy = (this.nodes[t.source] as CompiledNode).parent === -1 && t.reenter ? -1 : d;
      for (const anc of ancestors) {
        if (reentrancy === -1 || this.isDescendant(anc, reentrancy)) toEnter.add(anc);
        const node = this.nodes[anc] as CompiledNode;
        if (node.type === 'parallel') this.addRegions(node, toEnter);
      }
    }
  }

  private addDescendants(index: number, toEnter: Set<number>): void {
    const node = this.nodes[index] as CompiledNode;
    if (node.type === 'compound') {
      toEnter.add(node.initial);
      this.addDescendants(node.initial, toEnter);
    } else if (node.type === 'parallel') {
      this.addRegions(node, toEnter);
    }
  }

  private addRegions(node: CompiledNode, toEnter: Set<number>): void {
    for (const child of node.children) {
      if ([...toEnter].some((s) => this.isDescendant(s, child))) continue;
      toEnter.add(child);
      this.addDescendants(child, toEnter);
    }
  }

  /** xstate's removeConflictingTransitions: overlapping exits go to the inner source. */
  private removeConflicts(enabled: CompiledTransition[]): CompiledTransition[] {
    if (enabled.length < 2) return enabled;
    const kept: CompiledTransition[] = [];
    for (const t1 of enabled) {
      let preempted = false;
      const remove = new Set<CompiledTransition>();
      for (const t2 of kept) {
        const e1 = this.exitSet([t1]);
        const e2 = this.exitSet([t2]);
        if (e1.some((s) => e2.includes(s))) {
          if (this.isDescendant(t1.source, t2.source)) remove.add(t2);
          else {
            preempted = true;
            break;
          }
        }
      }
      if (!preempted) {
        for (const r of remove) kept.splice(kept.indexOf(r), 1);
        kept.push(t1);
      }
    }
    return kept;
  }

  // --- tree helpers ---

  private order(index: number): number {
    return (this.nodes[index] as CompiledNode).order;
  }

  /** Strictly below `ancestor`. */
  private isDescendant(index: number, ancestor: number): boolean {
    for (let p = (this.nodes[index] as CompiledNode).parent; p !== -1; p = (this.nodes[p] as CompiledNode).parent) if (p === ancestor) return true;
    return false;
  }

  /** Ancestors of `index` from its parent up to, not including, `stop` (-1: up to the root). */
  private properAncestors(index: number, stop: number): number[] {
    const out: number[] = [];
    for (let p = (this.nodes[index] as CompiledNode).parent; p !== -1 && p !== stop; p = (this.nodes[p] as CompiledNode).parent) out.push(p);
    return out;
  }

  private lca(indices: number[]): number {
    const [head, ...tail] = indices as [number, ...number[]];
    for (const anc of this.properAncestors(head, -1)) if (tail.every((s) => this.isDescendant(s, anc))) return anc;
    return this.machine.root;
  }
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
