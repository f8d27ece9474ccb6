/**
 * Shrinks a counterexample to the simplest story that still breaks the lock the same way:
 * fewer faults, fewer clients and nodes, persistence none, fewer rounds, smaller magnitudes,
 * earlier and rounder times, a shorter run — each change kept only if the run still fails,
 * passes repeated until none applies (greedy delta debugging, as QuickCheck and Hypothesis
 * shrink). Deterministic: the same counterexample always shrinks to the same scenario.
 */
import type { Scenario, TimelineEntry } from '../sim/model/scenario.ts';
import { evaluate, type Finding } from './evaluate.ts';
import { simplerValues } from './simplerValues.ts';

export interface ShrinkResult {
  scenario: Scenario;
  finding: Finding;
  /** Runs made while shrinking. */
  runs: number;
  /** True when the run budget ran out before nothing simpler was left. */
  budgetExhausted: boolean;
}

export interface ShrinkOptions {
  /** Most runs to spend (each candidate is one run). */
  runsMax?: number;
}

const RUNS_MAX = 5_000;

class Shrinker {
  runs = 0;
  exhausted = false;

  constructor(
    public current: Scenario,
    public finding: Finding,
    private readonly runsMax: number,
  ) {}

  /** Keeps `candidate` if it still fails the same way. */
  attempt(candidate: Scenario): boolean {
    if (this.runs >= this.runsMax) {
      this.exhausted = true;
      return false;
    }
    this.runs++;
    const f = evaluate(candidate);
    if (f === null || f.kind !== this.finding.kind) return false;
    this.current = candidate;
    this.finding = f;
    return true;
  }
}

export function shrink(start: Scenario, finding: Finding, opts: ShrinkOptions = {}): ShrinkResult {
  const s = new Shrinker(start, finding, opts.runsMax ?? RUNS_MAX);
  let progress = true;
  while (progress && !s.exhausted) {
    progress = false;
    progress = dropFaults(s) || progress;
    progress = dropClients(s) || progress;
    progress = dropNodes(s) || progress;
    progress = simplifySetup(s) || progress;
    progress = simplifyFaults(s) || progress;
    progress = shortenRun(s) || progress;
  }
  const timeline = [...s.current.timeline].sort((a, b) => a.atMs - b.atMs);
  return { scenario: { ...s.current, timeline }, finding: s.finding, runs: s.runs, budgetExhausted: s.exhausted };
}

function dropFaults(s: Shrinker): boolean {
  let changed = false;
  for (let i = s.current.timeline.length - 1; i >= 0; i--) {
    const timeline = s.current.timeline.filter((_, j) => j !== i);
    if (s.attempt({ ...s.current, timeline })) changed = true;
  }
  return changed;
}

/** The scenario without process `id`: its entries gone, and it taken out of partitions. */
function withoutProcess(scenario: Scenario, id: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of scenario.timeline) {
    if (e.kind === 'partition') {
      const groups = e.groups.map((g) => g.filter((p) => p !== id));
      if (groups.filter((g) => g.length > 0).length >= 2) out.push({ ...e, groups: groups.filter((g) => g.length > 0) });
      continue;
    }
    const targets = [
      'client' in e ? e.client : null,
      'node' in e ? e.node : null,
      'process' in e ? e.process : null,
      'from' in e ? e.from : null,
      'to' in e ? e.to : null,
    ];
    if (!targets.includes(id)) out.push(e);
  }
  return out;
}

function dropClients(s: Shrinker): boolean {
  let changed = false;
  for (let i = s.current.clients.length - 1; i >= 0 && s.current.clients.length > 2; i--) {
    const id = s.current.clients[i]?.id as string;
    const clients = s.current.clients.filter((c) => c.id !== id);
    if (s.attempt({ ...s.current, clients, timeline: withoutProcess(s.current, id) })) changed = true;
  }
  return changed;
}

/** Redlock's independent masters, down to three; single-instance and failover topologies stay. */
function dropNodes(s: Shrinker): boolean {
  const isRedlock = s.current.clients.every((c) => c.strategy.kind === 'redlock');
  if (!isRedlock) return false;
  let changed = false;
  for (let i = s.current.nodes.length - 1; i >= 0 && s.current.nodes.length > 3; i--) {
    const id = s.current.nodes[i]?.id as string;
    const nodes = s.current.nodes.filter((n) => n.id !== id);
    if (s.attempt({ ...s.current, nodes, timeline: withoutProcess(s.current, id) })) changed = true;
  }
  return changed;
}

/** Persistence none on every node, and fewer rounds for every client. */
function simplifySetup(s: Shrinker): boolean {
  let changed = false;
  for (let i = 0; i < s.current.nodes.length; i++) {
    if (s.current.nodes[i]?.persistence === 'none') continue;
    const nodes = s.current.nodes.map((n, j) => (j === i ? { ...n, persistence: 'none' as const } : n));
    if (s.attempt({ ...s.current, nodes })) changed = true;
  }
  for (let i = 0; i < s.current.clients.length; i++) {
    for (const rounds of simplerValues(s.current.clients[i]?.workload.rounds ?? 1, 1, true)) {
      const clients = s.current.clients.map((c, j) => (j === i ? { ...c, workload: { ...c.workload, rounds } } : c));
      if (s.attempt({ ...s.current, clients })) {
        changed = true;
        break;
      }
    }
  }
  return changed;
}

/** Each numeric field of a fault and the value that would make it simplest. */
const FIELD_TARGETS: Record<string, { target: number; integer: boolean; min: number }> = {
  atMs: { target: 0, integer: true, min: 0 },
  durationMs: { target: 1, integer: true, min: 1 },
  deltaMs: { target: 0, integer: true, min: Number.NEGATIVE_INFINITY },
  rate: { target: 1, integer: false, min: 0.01 },
  restartAfterMs: { target: 0, integer: true, min: 0 },
  extraMs: { target: 1, integer: true, min: 1 },
};

function simplifyFaults(s: Shrinker): boolean {
  let changed = false;
  for (let i = 0; i < s.current.timeline.length; i++) {
    for (const [field, rule] of Object.entries(FIELD_TARGETS)) {
      changed = simplifyField(s, i, field, rule) || changed;
    }
  }
  return changed;
}

/** Moves one field toward its target for as long as the run keeps failing. */
function simplifyField(s: Shrinker, index: number, field: string, rule: { target: number; integer: boolean; min: number }): boolean {
  let changed = false;
  for (;;) {
    const entry = s.current.timeline[index] as Record<string, unknown> | undefined;
    const value = entry?.[field];
    if (typeof value !== 'number') return changed;
    let moved = false;
    for (const candidate of simplerValues(value, rule.target, rule.integer)) {
      // A clock jump of 0 ms is no fault at all; dropFaults is the way to remove one.
      if (candidate < rule.min || (field === 'deltaMs' && candidate === 0)) continue;
      const timeline = s.current.timeline.map((e, j) => (j === index ? ({ ...e, [field]: candidate } as TimelineEntry) : e));
      if (s.attempt({ ...s.current, timeline })) {
        moved = true;
        changed = true;
        break;
      }
    }
    if (!moved) return changed;
  }
}

/** Ends the run soon after the violation: what comes later is not part of the story. */
function shortenRun(s: Shrinker): boolean {
  const lastFaultMs = s.current.timeline.reduce((m, e) => Math.max(m, e.atMs), 0);
  const endMs = Math.max(lastFaultMs + 1, Math.ceil((s.finding.atMs + 1_000) / 1_000) * 1_000);
  if (endMs >= s.current.durationMs) return false;
  return s.attempt({ ...s.current, durationMs: endMs });
}
