import type { Scenario } from '../../sim/model/scenario.ts';
import type { KeyVia, TraceEvent } from '../../sim/trace/events.ts';
import { clockOf, jumped, type LocalClock, rated, wallAt } from './localClock.ts';

/**
 * The state of the deployment that the trace has revealed up to some event, as plain
 * mutable data: folding events into it one by one is the whole replay. Kept small on
 * purpose (a few maps per process), so a checkpoint is a cheap copy.
 */

export interface KeyFold {
  value: string;
  /** On the node's wall clock; -1 = no TTL. */
  expireAtMs: number;
  /** The TTL as set (or last extended): expireAtMs minus the node's clock then; null = no TTL. */
  ttlMs: number | null;
  via: KeyVia;
  setAtMs: number;
}

export interface NodeFold {
  role: 'master' | 'replica';
  master: string | null;
  /** Became master through a Sentinel failover (not configured so). */
  promoted: boolean;
  up: boolean;
  pausedUntilMs: number | null;
  /** A restart asked for too early waits until this true time (restart-delayed); null if none pending. */
  restartAtMs: number | null;
  clock: LocalClock;
  keys: Map<string, KeyFold>;
}

/**
 * What the client process believes about its lock: from lock-acquired until it releases,
 * learns it lost it, or crashes. Its validity running out (lease-expired) is an observation
 * the client itself does not make — a paused client goes on believing: Kleppmann's moment.
 */
export interface LeaseFold {
  value: string;
  epoch: number;
  sinceMs: number;
  nodes: string[];
  /** On the client's own wall clock; extensions move it. */
  validUntilMs: number;
  /** When lease-expired was observed (true time), or null. */
  expiredAtMs: number | null;
}

export interface ClientFold {
  state: string | null;
  up: boolean;
  pausedUntilMs: number | null;
  done: boolean;
  clock: LocalClock;
  lease: LeaseFold | null;
}

export interface SentinelGroupFold {
  /** The initial master, as `sentinel monitor NAME`. */
  name: string;
  master: string;
  members: string[];
  down: { node: string; sinceMs: number; atMs: number } | null;
  lastFailover: { from: string; to: string; atMs: number } | null;
  lastFailedAtMs: number | null;
}

export interface LinkFaultFold {
  from: string;
  to: string;
  extraMs: number;
  dropRate: number;
  atMs: number;
  untilMs: number;
}

export interface TopologyFold {
  nodes: Map<string, NodeFold>;
  clients: Map<string, ClientFold>;
  /** null when the scenario has no Sentinel. */
  sentinel: SentinelGroupFold[] | null;
  partitions: Map<string, string[][]>;
  linkFaults: LinkFaultFold[];
}

/** Sentinel's groups as it builds them: each configured master that has replicas. */
function sentinelGroups(scenario: Scenario): SentinelGroupFold[] {
  const groups: SentinelGroupFold[] = [];
  for (const node of scenario.nodes) {
    if (node.replicaOf !== undefined) continue;
    const replicas = scenario.nodes.filter((n) => n.replicaOf === node.id).map((n) => n.id);
    if (replicas.length === 0) continue;
    groups.push({ name: node.id, master: node.id, members: [node.id, ...replicas], down: null, lastFailover: null, lastFailedAtMs: null });
  }
  return groups;
}

/** The state before the first event: every process up, roles and clocks as configured. */
export function initialFold(scenario: Scenario): TopologyFold {
  const nodes = new Map<string, NodeFold>();
  for (const n of scenario.nodes) {
    nodes.set(n.id, {
      role: n.replicaOf === undefined ? 'master' : 'replica',
      master: n.replicaOf ?? null,
      promoted: false,
      up: true,
      pausedUntilMs: null,
      restartAtMs: null,
      clock: clockOf(n.clock),
      keys: new Map(),
    });
  }
  const clients = new Map<string, ClientFold>();
  for (const c of scenario.clients) {
    clients.set(c.id, { state: null, up: true, pausedUntilMs: null, done: false, clock: clockOf(c.clock), lease: null });
  }
  return {
    nodes,
    clients,
    sentinel: scenario.sentinel === null ? null : sentinelGroups(scenario),
    partitions: new Map(),
    linkFaults: [],
  };
}

/** A deep copy: checkpoints must not change when a replay from them goes on. */
export function cloneFold(fold: TopologyFold): TopologyFold {
  const nodes = new Map<string, NodeFold>();
  for (const [id, n] of fold.nodes) {
    const keys = new Map<string, KeyFold>();
    for (const [k, v] of n.keys) keys.set(k, { ...v });
    nodes.set(id, { ...n, keys });
  }
  const clients = new Map<string, ClientFold>();
  for (const [id, c] of fold.clients)
    clients.set(id, { ...c, lease: c.lease === null ? null : { ...c.lease, nodes: c.lease.nodes.slice() } });
  return {
    nodes,
    clients,
    sentinel:
      fold.sentinel === null
        ? null
        : fold.sentinel.map((g) => ({
            ...g,
            members: g.members.slice(),
            down: g.down === null ? null : { ...g.down },
            lastFailover: g.lastFailover === null ? null : { ...g.lastFailover },
          })),
    partitions: new Map([...fold.partitions].map(([id, groups]) => [id, groups.map((g) => g.slice())])),
    linkFaults: fold.linkFaults.map((f) => ({ ...f })),
  };
}

/** Sentinel sees the master again once the reason it was unreachable ends; the trace has no event for that moment. */
function clearSentinelDown(fold: TopologyFold, node: string | null): void {
  for (const g of fold.sentinel ?? []) if (g.down !== null && (node === null || g.down.node === node)) g.down = null;
}

/** Folds one event into the state, in place. Events the view does not show are ignored. */
export function applyEvent(fold: TopologyFold, e: TraceEvent): void {
  switch (e.kind) {
    case 'key-set': {
      const node = fold.nodes.get(e.node);
      if (node === undefined) return;
      const wall = wallAt(node.clock, e.t);
      node.keys.set(e.key, {
        value: e.value,
        expireAtMs: e.expireAtMs,
        ttlMs: e.expireAtMs < 0 ? null : e.expireAtMs - wall,
        via: e.via,
        setAtMs: e.t,
      });
      return;
    }
    case 'key-expire': {
      const node = fold.nodes.get(e.node);
      const key = node?.keys.get(e.key);
      if (node === undefined || key === undefined) return;
      key.expireAtMs = e.expireAtMs;
      key.ttlMs = e.expireAtMs < 0 ? null : e.expireAtMs - wallAt(node.clock, e.t);
      return;
    }
    case 'key-del':
      fold.nodes.get(e.node)?.keys.delete(e.key);
      return;
    case 'role': {
      const node = fold.nodes.get(e.node);
      if (node === undefined) return;
      node.role = e.role;
      node.master = e.master;
      // A failover event follows the promotion's role event; any other role change undoes it.
      node.promoted = false;
      return;
    }
    case 'failover': {
      const node = fold.nodes.get(e.to);
      if (node !== undefined) node.promoted = true;
      for (const g of fold.sentinel ?? []) {
        if (g.master !== e.from) continue;
        g.master = e.to;
        g.down = null;
        g.lastFailover = { from: e.from, to: e.to, atMs: e.t };
      }
      return;
    }
    case 'failover-failed':
      for (const g of fold.sentinel ?? []) if (g.master === e.from) g.lastFailedAtMs = e.t;
      return;
    case 'sentinel-down':
      for (const g of fold.sentinel ?? []) if (g.master === e.node) g.down = { node: e.node, sinceMs: e.downSinceMs, atMs: e.t };
      return;
    case 'crash': {
      const node = fold.nodes.get(e.process);
      if (node !== undefined) {
        node.up = false;
        node.pausedUntilMs = null;
        node.restartAtMs = null;
        node.keys.clear();
        return;
      }
      const client = fold.clients.get(e.process);
      if (client !== undefined) {
        client.up = false;
        client.pausedUntilMs = null;
        client.lease = null;
      }
      return;
    }
    case 'restart': {
      const node = fold.nodes.get(e.process);
      if (node === undefined) return;
      node.up = true;
      node.restartAtMs = null;
      clearSentinelDown(fold, e.process);
      return;
    }
    case 'restart-delayed': {
      const node = fold.nodes.get(e.process);
      if (node !== undefined) node.restartAtMs = e.untilMs;
      return;
    }
    case 'pause':
    case 'resume': {
      const proc = fold.nodes.get(e.process) ?? fold.clients.get(e.process);
      if (proc !== undefined) proc.pausedUntilMs = e.kind === 'pause' ? e.untilMs : null;
      if (e.kind === 'resume') clearSentinelDown(fold, e.process);
      return;
    }
    case 'clock-jump':
    case 'clock-rate': {
      const proc = fold.nodes.get(e.process) ?? fold.clients.get(e.process);
      if (proc === undefined) return;
      proc.clock = e.kind === 'clock-jump' ? jumped(proc.clock, e.t, e.deltaMs) : rated(proc.clock, e.t, e.rate);
      return;
    }
    case 'partition':
      fold.partitions.set(
        e.id,
        e.groups.map((g) => g.slice()),
      );
      return;
    case 'heal':
      fold.partitions.delete(e.id);
      clearSentinelDown(fold, null);
      return;
    case 'link-fault':
      // Ended faults are dropped as time goes on, so the list stays as short as what is active.
      fold.linkFaults = fold.linkFaults.filter((f) => f.untilMs > e.t);
      fold.linkFaults.push({ from: e.from, to: e.to, extraMs: e.extraMs, dropRate: e.dropRate, atMs: e.t, untilMs: e.untilMs });
      return;
    case 'client-state': {
      const client = fold.clients.get(e.client);
      if (client !== undefined) client.state = e.state;
      return;
    }
    case 'client-done': {
      const client = fold.clients.get(e.client);
      if (client === undefined) return;
      client.done = true;
      client.lease = null;
      return;
    }
    case 'lock-acquired': {
      const client = fold.clients.get(e.client);
      if (client !== undefined) {
        client.lease = {
          value: e.value,
          epoch: e.epoch,
          sinceMs: e.t,
          nodes: e.nodes.slice(),
          validUntilMs: e.validUntilMs,
          expiredAtMs: null,
        };
      }
      return;
    }
    case 'lock-extended': {
      const lease = fold.clients.get(e.client)?.lease;
      if (lease !== null && lease !== undefined && lease.value === e.value) lease.validUntilMs = e.validUntilMs;
      return;
    }
    case 'lock-released':
    case 'lock-lost': {
      const client = fold.clients.get(e.client);
      if (client?.lease?.value === e.value) client.lease = null;
      return;
    }
    case 'lease-expired': {
      const lease = fold.clients.get(e.client)?.lease;
      if (lease !== null && lease !== undefined && lease.value === e.value) lease.expiredAtMs = e.t;
      return;
    }
    default:
      return;
  }
}
