/**
 * What a scenario's lock client is started with: its design's nodes (the masters for Redlock,
 * the Sentinel group's master for single-failover, one node otherwise), key, TTL and workload.
 * Shared by the engine and the bridge, so a client locks the same nodes in both.
 */
import type { ClientSpec, ProcessId, Scenario } from '../sim/model/scenario.ts';
import type { LockInput } from './protocol.ts';

export function lockInputFor(scenario: Scenario, spec: ClientSpec): LockInput {
  const strategy = spec.strategy;
  if (strategy.kind === 'script') throw new Error(`client ${spec.id} runs a script, not a lock design`);
  const masters = scenario.nodes.filter((n) => n.replicaOf === undefined).map((n) => n.id);
  // Sentinel groups are named after their initial master: the first master with replicas.
  const group = scenario.nodes.find((n) => n.replicaOf !== undefined)?.replicaOf ?? masters[0] ?? null;
  let nodes: ProcessId[];
  if (strategy.kind === 'redlock') nodes = masters;
  else if (strategy.kind === 'single-failover') nodes = group === null ? [] : [group];
  else nodes = [strategy.node ?? (masters[0] as ProcessId)];
  return {
    client: spec.id,
    key: scenario.lock.key,
    ttlMs: scenario.lock.ttlMs,
    nodes,
    group: strategy.kind === 'single-failover' ? group : null,
    strategy,
    workload: spec.workload,
    fencing: scenario.fencing,
  };
}
