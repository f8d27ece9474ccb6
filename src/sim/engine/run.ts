import { startLockActor } from '../../lock/actor.ts';
import { startInterpretedLockActor } from '../../lock/interpreter/interpretedActor.ts';
import { lockInputFor } from '../../lock/lockInput.ts';
import { LOCK_MACHINES, machineNameFor } from '../../lock/machines/index.ts';
import { LockClient } from '../client/lockClient.ts';
import { ScriptClient } from '../client/scriptClient.ts';
import type { ClientSpec, ProcessId, Scenario } from '../model/scenario.ts';
import { RedisNode } from '../redis/node.ts';
import { Sentinel } from '../sentinel/sentinel.ts';
import { Storage } from '../storage/storage.ts';
import { traceHash } from '../trace/canonical.ts';
import type { TraceEvent } from '../trace/events.ts';
import { applyFault } from './faults.ts';
import { World } from './world.ts';

export interface RunOptions {
  /** Safety valve for hostile scenarios: stop after this many scheduler events (default 5,000,000). */
  maxEvents?: number;
  /** Compute the SHA-256 trace hash (default true; benchmarks may skip it). */
  hash?: boolean;
  /**
   * How lock machines are stepped: by the engine's interpreter of the xstate machine
   * (default, fast) or by xstate's own actor (the reference; the same trace, slower).
   */
  lockRuntime?: 'interpreter' | 'xstate';
}

export interface NodeSummary {
  id: ProcessId;
  role: 'master' | 'replica';
  up: boolean;
  master: ProcessId | null;
  keys: Array<{ key: string; value: string; expireAtMs: number }>;
}

export interface RunResult {
  trace: TraceEvent[];
  traceHash: string;
  stats: {
    /** Scheduler events processed: deliveries, timers, faults. */
    schedulerEvents: number;
    traceEvents: number;
    messages: number;
    endMs: number;
    truncated: boolean;
  };
  nodes: NodeSummary[];
}

export const DEFAULT_MAX_EVENTS = 5_000_000;

/** run(scenario) -> trace: a pure function of the scenario (and its seed). */
export function run(scenario: Scenario, options: RunOptions = {}): RunResult {
  const world = new World(scenario);
  const nodes = new Map<ProcessId, RedisNode>();
  for (const spec of scenario.nodes) {
    const node = new RedisNode(spec, world);
    nodes.set(spec.id, node);
    world.add(node);
  }
  const sentinel = scenario.sentinel === null ? null : new Sentinel(scenario.sentinel, world, nodes);
  if (sentinel !== null) world.add(sentinel);
  world.add(new Storage(scenario.fencing, world));
  const clients: Array<ScriptClient | LockClient> = [];
  for (const spec of scenario.clients) {
    const client =
      spec.strategy.kind === 'script'
        ? new ScriptClient(spec, spec.strategy.steps, world)
        : lockClient(scenario, spec, world, options.lockRuntime ?? 'interpreter');
    clients.push(client);
    world.add(client);
  }

  world.emit({
    t: 0,
    kind: 'run-start',
    seed: scenario.seed,
    durationMs: scenario.durationMs,
    nodes: scenario.nodes.map((n) => n.id),
    clients: scenario.clients.map((c) => c.id),
  });
  const targets = { world, nodes, sentinel };
  // Timeline entries go in first so that a fault at time t precedes everything else at t.
  for (const entry of [...scenario.timeline].sort((a, b) => a.atMs - b.atMs)) {
    world.at(entry.atMs, () => applyFault(entry, targets));
  }
  for (const node of nodes.values()) node.boot(true);
  for (const node of nodes.values()) {
    const master = node.spec.replicaOf === undefined ? undefined : nodes.get(node.spec.replicaOf);
    if (master !== undefined) node.repl.startSyncedWith(master.repl);
  }
  sentinel?.start();
  for (const client of clients) client.start();

  const truncated = world.runUntil(scenario.durationMs, options.maxEvents ?? DEFAULT_MAX_EVENTS);
  world.emit({ t: world.nowMs, kind: 'run-end', endMs: world.nowMs, truncated });
  return {
    trace: world.trace,
    traceHash: options.hash === false ? '' : traceHash(world.trace),
    stats: {
      schedulerEvents: world.processed,
      traceEvents: world.trace.length,
      messages: world.messages,
      endMs: world.nowMs,
      truncated,
    },
    nodes: [...nodes.values()].map(summarizeNode),
  };
}

/** A lock client on its machine, given the nodes its design talks to. */
function lockClient(scenario: Scenario, spec: ClientSpec, world: World, runtime: 'interpreter' | 'xstate'): LockClient {
  const strategy = spec.strategy;
  if (strategy.kind === 'script') throw new Error('unreachable: script clients are not lock clients');
  const input = lockInputFor(scenario, spec);
  const start = runtime === 'xstate' ? startLockActor : startInterpretedLockActor;
  return new LockClient(spec, input, LOCK_MACHINES[machineNameFor(strategy)], world, start);
}

function summarizeNode(node: RedisNode): NodeSummary {
  return {
    id: node.id,
    role: node.role,
    up: node.up,
    master: node.repl.masterId,
    keys: node.keys.snapshot().map(([key, e]) => ({ key, value: e.value, expireAtMs: e.expireAtMs })),
  };
}
