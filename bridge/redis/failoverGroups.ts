import type { FleetTopology } from './fleetTopology.ts';

/** A master with the replicas that follow it and the Sentinels that watch it. */
export interface FailoverGroup {
  master: string;
  replicas: readonly string[];
  sentinels: readonly string[];
}

/** The topology's failover groups: every master that has a replica or a Sentinel (M + R + S by default). */
export function failoverGroups(topology: FleetTopology): FailoverGroup[] {
  return topology.nodes
    .filter((n) => n.replicaOf === undefined)
    .map((m) => ({
      master: m.id,
      replicas: topology.nodes.filter((n) => n.replicaOf === m.id).map((n) => n.id),
      sentinels: topology.sentinels.filter((s) => s.monitors === m.id).map((s) => s.id),
    }))
    .filter((g) => g.replicas.length > 0 || g.sentinels.length > 0);
}

/** Every id in the group: master, replicas, Sentinels. */
export function groupMembers(group: FailoverGroup): string[] {
  return [group.master, ...group.replicas, ...group.sentinels];
}
