import { type ProcessId, type Scenario, SENTINEL_ID, STORAGE_ID } from '../../sim/model/scenario.ts';

/** The processes a fault can aim at, in the scenario's order. */
export interface FaultTargets {
  nodes: ProcessId[];
  clients: ProcessId[];
  /** Nodes and clients: the processes whose clocks the timeline can move. */
  clockOwners: ProcessId[];
  /** Every process that sends or receives messages: nodes, the sentinel (if any), clients, the storage. */
  all: ProcessId[];
}

export function faultTargets(scenario: Scenario): FaultTargets {
  const nodes = scenario.nodes.map((n) => n.id);
  const clients = scenario.clients.map((c) => c.id);
  const sentinel = scenario.sentinel === null ? [] : [SENTINEL_ID];
  return { nodes, clients, clockOwners: [...nodes, ...clients], all: [...nodes, ...sentinel, ...clients, STORAGE_ID] };
}

/** "M (master)", "R (replica of M)", "C1 (client)", "storage (resource)": short option text for pickers in the bar. */
export function processLabel(id: ProcessId, scenario: Scenario): string {
  const node = scenario.nodes.find((n) => n.id === id);
  if (node !== undefined) return node.replicaOf === undefined ? `${id} (master)` : `${id} (replica of ${node.replicaOf})`;
  if (scenario.clients.some((c) => c.id === id)) return `${id} (client)`;
  if (id === STORAGE_ID) return `${id} (resource)`;
  return id;
}

/** The first node that starts as a master (every scenario has one: replicas must point at a master). */
export function firstMaster(scenario: Scenario): ProcessId | undefined {
  return scenario.nodes.find((n) => n.replicaOf === undefined)?.id;
}

/** The first client that takes locks (not a raw-command script), else the first client. */
export function firstLockClient(scenario: Scenario): ProcessId | undefined {
  return (scenario.clients.find((c) => c.strategy.kind !== 'script') ?? scenario.clients[0])?.id;
}

/** The partition ids the timeline uses, once each, in order of appearance. */
export function partitionIds(scenario: Scenario): string[] {
  const ids = scenario.timeline.flatMap((e) => (e.kind === 'partition' ? [e.id] : []));
  return [...new Set(ids)];
}
