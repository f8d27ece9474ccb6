import { fakeClockSupport } from './fakeClock.ts';
import type { Persistence } from './redisConfig.ts';

/** A redis-server the fleet starts: a master, or a replica of another node in the same topology. */
export interface NodeSpec {
  id: string;
  replicaOf?: string;
  persistence?: Persistence;
  extraConfigLines?: readonly string[];
  /** Run it under libfaketime, so its clock can jump (startRedis's fakeClock). */
  fakeClock?: boolean;
}

/** A Sentinel watching one master of the topology (quorum 1: it decides alone). */
export interface SentinelSpec {
  id: string;
  monitors: string;
  masterName?: string;
  downAfterMs?: number;
  failoverTimeoutMs?: number;
}

export interface FleetTopology {
  nodes: readonly NodeSpec[];
  sentinels: readonly SentinelSpec[];
}

export interface DefaultTopologyOptions {
  persistence?: Persistence;
  /** Whether the redis nodes run under the fake clock; by default, whenever libfaketime is installed. */
  fakeClock?: boolean;
  downAfterMs?: number;
  failoverTimeoutMs?: number;
}

/**
 * The shortest down-after the fleet accepts. Sentinel pings and reconnects at most once a
 * second, and after a failover it resets its link to the new master without resetting that
 * reconnect throttle: with down-after near 1 s it can then call the new master down before
 * it has even reconnected, and fail over again (seen here with 1000 ms under load).
 */
export const SENTINEL_DOWN_AFTER_MIN_MS = 2000;

/** Node ids follow the presets (src/scenario/presets): A-E for Redlock, M and R for failover. */
export const REDLOCK_NODE_IDS = ['A', 'B', 'C', 'D', 'E'] as const;

/**
 * The bridge's default: five independent masters A-E for Redlock, and a master M with a
 * replica R watched by one Sentinel S for the single-instance-with-failover designs. The redis
 * nodes run under the fake clock when libfaketime is installed (Sentinel on the host's clock).
 */
export function defaultTopology(opts: DefaultTopologyOptions = {}): FleetTopology {
  const persistence = opts.persistence ?? 'none';
  const fakeClock = opts.fakeClock ?? fakeClockSupport().available;
  return {
    nodes: [
      ...REDLOCK_NODE_IDS.map((id) => ({ id, persistence, fakeClock })),
      { id: 'M', persistence, fakeClock },
      { id: 'R', replicaOf: 'M', persistence, fakeClock },
    ],
    sentinels: [{ id: 'S', monitors: 'M', downAfterMs: opts.downAfterMs, failoverTimeoutMs: opts.failoverTimeoutMs }],
  };
}

/** Problems that would make a start fail halfway: duplicate ids, a replica of nothing, chains. */
export function topologyProblems(topology: FleetTopology): string[] {
  const problems: string[] = [];
  const ids = [...topology.nodes.map((n) => n.id), ...topology.sentinels.map((s) => s.id)];
  const seen = new Set<string>();
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) problems.push(`id ${JSON.stringify(id)}: use 1-32 letters, digits, _ or -`);
    if (seen.has(id)) problems.push(`id ${id} is used twice`);
    seen.add(id);
  }
  const masters = new Set(topology.nodes.filter((n) => n.replicaOf === undefined).map((n) => n.id));
  for (const node of topology.nodes) {
    if (node.replicaOf !== undefined && !masters.has(node.replicaOf)) {
      problems.push(`node ${node.id}: replicaOf ${node.replicaOf} is not a master of this topology`);
    }
  }
  for (const sentinel of topology.sentinels) {
    if (!masters.has(sentinel.monitors)) {
      problems.push(`sentinel ${sentinel.id}: monitors ${sentinel.monitors}, not a master of this topology`);
    }
    if (sentinel.downAfterMs !== undefined && !(sentinel.downAfterMs >= SENTINEL_DOWN_AFTER_MIN_MS)) {
      problems.push(
        `sentinel ${sentinel.id}: downAfterMs ${sentinel.downAfterMs} is below ${SENTINEL_DOWN_AFTER_MIN_MS} ` +
          '(Sentinel reconnects at most once a second and would report failures that are not there)',
      );
    }
  }
  return problems;
}
