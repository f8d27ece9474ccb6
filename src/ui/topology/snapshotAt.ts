import type { Belief, CheckResult } from '../../check/types.ts';
import type { Scenario, StrategyKind } from '../../sim/model/scenario.ts';
import type { KeyVia, TraceEvent } from '../../sim/trace/events.ts';
import { strategyLabel } from './labels.ts';
import { wallAt } from './localClock.ts';
import { applyEvent, cloneFold, initialFold, type SentinelGroupFold, type TopologyFold } from './topologyFold.ts';

/** What the topology view shows at the cursor: every process's state, the network's faults, who holds the lock. */

export type KeyStatus = 'ttl' | 'no-ttl' | 'expired-not-removed';

export interface KeySnapshot {
  key: string;
  value: string;
  /** The lock client whose attempt drew this value, or null (a raw command's value). */
  owner: string | null;
  via: KeyVia;
  /** On the node's wall clock; -1 = no TTL. */
  expireAtMs: number;
  /** The TTL it was set (or last extended) with; null = no TTL. */
  ttlMs: number | null;
  /** expireAtMs minus the node's clock now (negative once passed); null = no TTL. */
  remainingMs: number | null;
  /** remaining / ttl in [0, 1], for the draining bar; null = no TTL. */
  fraction: number | null;
  /** 'expired-not-removed': its TTL passed on the node's clock but nothing has removed it yet (lazy expiry). */
  status: KeyStatus;
  /** The owner client has crashed: with no TTL, nobody will ever delete this key (S9's deadlock). */
  ownerCrashed: boolean;
}

export type NodeState = 'up' | 'crashed' | 'paused' | 'restarting';

export interface NodeSnapshot {
  id: string;
  role: 'master' | 'replica';
  /** The master a replica follows. */
  master: string | null;
  promotedBySentinel: boolean;
  state: NodeState;
  pausedUntilMs: number | null;
  /** When a delayed restart will happen (state 'restarting'). */
  restartAtMs: number | null;
  /** The node's wall clock now. */
  clockMs: number;
  /** clockMs minus true time. */
  skewMs: number;
  clockRate: number;
  keys: KeySnapshot[];
}

export type ClientStatus = 'running' | 'paused' | 'crashed' | 'done';

/** What a client believes about its lock, from lock-acquired until it releases it, learns it lost it, or crashes. */
export interface LeaseSnapshot {
  epoch: number;
  value: string;
  sinceMs: number;
  /** On the client's own clock, as of the latest extension at the cursor. */
  validUntilMs: number;
  /** validUntilMs minus the client's clock now; negative once passed. */
  remainingMs: number;
  /** The checker counts this as holding the lock now (a belief within its validity). */
  holds: boolean;
  /**
   * The validity has run out on the client's own clock, yet the client still believes it
   * holds the lock (it has not run since, e.g. paused): the Kleppmann moment.
   */
  expired: boolean;
  nodes: string[];
}

export interface ClientSnapshot {
  id: string;
  strategyKind: StrategyKind;
  strategy: string;
  /** The statechart's state path (client-state), or null before the first. */
  state: string | null;
  status: ClientStatus;
  pausedUntilMs: number | null;
  clockMs: number;
  skewMs: number;
  clockRate: number;
  /** Set while the client believes it holds the lock (validly or not). */
  lease: LeaseSnapshot | null;
}

export interface SentinelGroupSnapshot {
  name: string;
  /** The node Sentinel currently names as master. */
  master: string;
  members: string[];
  /** Sentinel has marked this node down (sentinel-down) and has not seen it back nor failed over yet. */
  down: { node: string; sinceMs: number; atMs: number } | null;
  lastFailover: { from: string; to: string; atMs: number } | null;
}

export interface PartitionSnapshot {
  id: string;
  groups: string[][];
}

export interface LinkFaultSnapshot {
  from: string;
  to: string;
  extraMs: number;
  dropRate: number;
  /** null = until healed by hand (no duration). */
  untilMs: number | null;
}

export interface ReplicationSnapshot {
  replica: string;
  master: string;
  /** The stream cannot flow now: either end down or paused, or a partition between them. */
  broken: boolean;
}

export interface Holder {
  client: string;
  epoch: number;
}

export interface TopologySnapshot {
  index: number;
  t: number;
  nodes: NodeSnapshot[];
  clients: ClientSnapshot[];
  sentinel: SentinelGroupSnapshot[] | null;
  partitions: PartitionSnapshot[];
  linkFaults: LinkFaultSnapshot[];
  replication: ReplicationSnapshot[];
  /** Clients that hold the lock now by the checker (a belief within validity); two or more is an exclusion violation. */
  holders: Holder[];
  /** Clients that still believe they hold it after their validity ran out on their own clock. */
  staleBelievers: Holder[];
}

/** Checkpoint spacing in events: replaying at most this many per frame is far under a millisecond. */
export const CHECKPOINT_EVERY = 256;

interface Checkpoints {
  scenario: Scenario;
  /** folds[k] = the state after events [0, k × CHECKPOINT_EVERY). */
  folds: TopologyFold[];
  /** Lock value → the client whose attempt drew it (values are unique per attempt). */
  owners: Map<string, string>;
  /** Beliefs in start order, for the holders at an index. */
  beliefs: readonly Belief[];
}

const cache = new WeakMap<readonly TraceEvent[], Checkpoints>();

function ownersOf(trace: readonly TraceEvent[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const e of trace) if (e.kind === 'lock-attempt') owners.set(e.value, e.client);
  return owners;
}

/** Built once per trace (the trace array's identity): raftscope's checkpoints for seek and rewind. */
function checkpointsOf(scenario: Scenario, trace: readonly TraceEvent[], verdict: CheckResult): Checkpoints {
  const cached = cache.get(trace);
  if (cached !== undefined && cached.scenario === scenario && cached.beliefs === verdict.beliefs) return cached;
  const folds: TopologyFold[] = [];
  const fold = initialFold(scenario);
  for (let i = 0; i < trace.length; i++) {
    if (i % CHECKPOINT_EVERY === 0) folds.push(cloneFold(fold));
    applyEvent(fold, trace[i] as TraceEvent);
  }
  const built: Checkpoints = { scenario, folds, owners: ownersOf(trace), beliefs: verdict.beliefs };
  cache.set(trace, built);
  return built;
}

function clampIndex(trace: readonly TraceEvent[], index: number): number {
  return Math.min(Math.max(-1, Math.floor(index)), trace.length - 1);
}

/**
 * The deployment at the cursor: after trace events [0, index], at true time t (t may lie
 * after the event's time when the cursor was dragged; clocks and TTLs follow t). Fast for
 * scrubbing: it replays from the nearest checkpoint at or before the index.
 */
export function snapshotAt(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  verdict: CheckResult,
  index: number,
  t: number,
): TopologySnapshot {
  const cp = checkpointsOf(scenario, trace, verdict);
  const i = clampIndex(trace, index);
  const k = Math.floor((i + 1) / CHECKPOINT_EVERY);
  const fold = cloneFold(cp.folds[k] as TopologyFold);
  for (let j = k * CHECKPOINT_EVERY; j <= i; j++) applyEvent(fold, trace[j] as TraceEvent);
  return viewOf(scenario, fold, cp.owners, verdict.beliefs, i, t);
}

/** The same snapshot by folding every event from the start (the reference the checkpoints are tested against). */
export function snapshotFromScratch(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  verdict: CheckResult,
  index: number,
  t: number,
): TopologySnapshot {
  const i = clampIndex(trace, index);
  const fold = initialFold(scenario);
  for (let j = 0; j <= i; j++) applyEvent(fold, trace[j] as TraceEvent);
  return viewOf(scenario, fold, ownersOf(trace), verdict.beliefs, i, t);
}

/** Beliefs held after event `index`: started at or before it, not yet ended (half-open, as the checker counts them). */
function beliefsAt(beliefs: readonly Belief[], index: number): Belief[] {
  // A belief the run's end cut off still holds at the last event (its end is the run's, not the client's).
  return beliefs.filter((b) => b.startIndex <= index && (index < b.endIndex || b.endReason === 'run-end'));
}

function reachable(partitions: Map<string, string[][]>, a: string, b: string): boolean {
  for (const groups of partitions.values()) {
    const ga = groups.findIndex((g) => g.includes(a));
    const gb = groups.findIndex((g) => g.includes(b));
    if (ga >= 0 && gb >= 0 && ga !== gb) return false;
  }
  return true;
}

function sentinelView(groups: SentinelGroupFold[]): SentinelGroupSnapshot[] {
  return groups.map((g) => ({
    name: g.name,
    master: g.master,
    members: g.members.slice(),
    down: g.down === null ? null : { ...g.down },
    lastFailover: g.lastFailover === null ? null : { ...g.lastFailover },
  }));
}

function viewOf(
  scenario: Scenario,
  fold: TopologyFold,
  owners: Map<string, string>,
  beliefs: readonly Belief[],
  index: number,
  t: number,
): TopologySnapshot {
  const crashed = (client: string | null) => client !== null && fold.clients.get(client)?.up === false;
  const nodes: NodeSnapshot[] = scenario.nodes.map((spec) => {
    const n = fold.nodes.get(spec.id);
    if (n === undefined) throw new Error(`node ${spec.id} is missing from the fold`);
    const clockMs = wallAt(n.clock, t);
    const keys: KeySnapshot[] = [...n.keys].map(([key, k]) => {
      const owner = owners.get(k.value) ?? null;
      const base = { key, value: k.value, owner, via: k.via, ownerCrashed: crashed(owner) };
      if (k.expireAtMs < 0 || k.ttlMs === null) {
        return { ...base, expireAtMs: -1, ttlMs: null, remainingMs: null, fraction: null, status: 'no-ttl' as const };
      }
      const remainingMs = k.expireAtMs - clockMs;
      const fraction = k.ttlMs <= 0 ? 0 : Math.min(1, Math.max(0, remainingMs / k.ttlMs));
      // Redis counts a key expired once its clock is past expireAtMs (keyspace.ts: now > expireAt).
      const status: KeyStatus = remainingMs < 0 ? 'expired-not-removed' : 'ttl';
      return { ...base, expireAtMs: k.expireAtMs, ttlMs: k.ttlMs, remainingMs, fraction, status };
    });
    keys.sort((a, b) => a.key.localeCompare(b.key));
    const state: NodeState = !n.up ? (n.restartAtMs !== null ? 'restarting' : 'crashed') : n.pausedUntilMs !== null ? 'paused' : 'up';
    return {
      id: spec.id,
      role: n.role,
      master: n.role === 'replica' ? n.master : null,
      promotedBySentinel: n.promoted && n.role === 'master',
      state,
      pausedUntilMs: n.pausedUntilMs,
      restartAtMs: n.restartAtMs,
      clockMs,
      skewMs: clockMs - t,
      clockRate: n.clock.rate,
      keys,
    };
  });

  const held = beliefsAt(beliefs, index);
  const clients: ClientSnapshot[] = scenario.clients.map((spec) => {
    const c = fold.clients.get(spec.id);
    if (c === undefined) throw new Error(`client ${spec.id} is missing from the fold`);
    const clockMs = wallAt(c.clock, t);
    const belief = held.filter((b) => b.client === spec.id).pop();
    let lease: LeaseSnapshot | null = null;
    if (c.lease !== null) {
      const remainingMs = c.lease.validUntilMs - clockMs;
      lease = {
        epoch: c.lease.epoch,
        value: c.lease.value,
        sinceMs: c.lease.sinceMs,
        validUntilMs: c.lease.validUntilMs,
        remainingMs,
        holds: belief !== undefined && belief.value === c.lease.value,
        expired: c.lease.expiredAtMs !== null || remainingMs <= 0,
        nodes: c.lease.nodes.slice(),
      };
    } else if (belief !== undefined) {
      // The checker and the fold read the same events, so this should not happen; show the checker's word if it does.
      const remainingMs = belief.validUntilMs - clockMs;
      lease = {
        epoch: belief.epoch,
        value: belief.value,
        sinceMs: belief.startMs,
        validUntilMs: belief.validUntilMs,
        remainingMs,
        holds: true,
        expired: false,
        nodes: belief.nodes.slice(),
      };
    }
    const status: ClientStatus = !c.up ? 'crashed' : c.pausedUntilMs !== null ? 'paused' : c.done ? 'done' : 'running';
    return {
      id: spec.id,
      strategyKind: spec.strategy.kind,
      strategy: strategyLabel(spec.strategy),
      state: c.state,
      status,
      pausedUntilMs: c.pausedUntilMs,
      clockMs,
      skewMs: clockMs - t,
      clockRate: c.clock.rate,
      lease,
    };
  });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const replication: ReplicationSnapshot[] = [];
  for (const n of nodes) {
    if (n.master === null) continue;
    const master = byId.get(n.master);
    const broken = n.state !== 'up' || master === undefined || master.state !== 'up' || !reachable(fold.partitions, n.id, n.master);
    replication.push({ replica: n.id, master: n.master, broken });
  }

  return {
    index,
    t,
    nodes,
    clients,
    sentinel: fold.sentinel === null ? null : sentinelView(fold.sentinel),
    partitions: [...fold.partitions].map(([id, groups]) => ({ id, groups: groups.map((g) => g.slice()) })),
    linkFaults: fold.linkFaults
      .filter((f) => f.untilMs > t)
      .map((f) => ({
        from: f.from,
        to: f.to,
        extraMs: f.extraMs,
        dropRate: f.dropRate,
        untilMs: f.untilMs >= Number.MAX_SAFE_INTEGER ? null : f.untilMs,
      })),
    replication,
    holders: held.map((b) => ({ client: b.client, epoch: b.epoch })),
    staleBelievers: clients.flatMap((c) => (c.lease !== null && !c.lease.holds ? [{ client: c.id, epoch: c.lease.epoch }] : [])),
  };
}
