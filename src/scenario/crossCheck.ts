import { type Scenario, SENTINEL_ID, STORAGE_ID } from '../sim/model/scenario.ts';
import type { ValidationIssue } from './issues.ts';

/**
 * Rules that span fields: ids are unique and refer to something that exists, replicas
 * point at masters, nothing happens after the run ends. Returns every problem found.
 */
export function crossCheck(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: Array<string | number>, message: string) => issues.push({ path: formatPath(path), message });
  const nodeIds = new Set<string>();
  const clientIds = new Set<string>();
  const reserved = new Set([SENTINEL_ID, STORAGE_ID]);

  s.nodes.forEach((n, i) => {
    if (reserved.has(n.id)) add(['nodes', i, 'id'], `"${n.id}" is reserved for a service process`);
    if (nodeIds.has(n.id)) add(['nodes', i, 'id'], `duplicate node id "${n.id}"`);
    nodeIds.add(n.id);
  });
  s.clients.forEach((c, i) => {
    if (reserved.has(c.id)) add(['clients', i, 'id'], `"${c.id}" is reserved for a service process`);
    if (nodeIds.has(c.id) || clientIds.has(c.id)) add(['clients', i, 'id'], `duplicate process id "${c.id}"`);
    clientIds.add(c.id);
  });
  s.nodes.forEach((n, i) => {
    if (n.replicaOf === undefined) return;
    const master = s.nodes.find((m) => m.id === n.replicaOf);
    // Self-replication first: otherwise the node, being "a replica", reads as a chain.
    if (n.replicaOf === n.id) add(['nodes', i, 'replicaOf'], 'a node cannot replicate itself');
    else if (master === undefined) add(['nodes', i, 'replicaOf'], `no node "${n.replicaOf}" (nodes: ${[...nodeIds].join(', ')})`);
    else if (master.replicaOf !== undefined) add(['nodes', i, 'replicaOf'], `"${n.replicaOf}" is itself a replica; chained replication is not modelled`);
  });

  const processIds = new Set([...nodeIds, ...clientIds, ...reserved]);
  const needNode = (path: Array<string | number>, ref: string | null) => {
    if (ref !== null && !nodeIds.has(ref)) add(path, `no node "${ref}" (nodes: ${[...nodeIds].join(', ')})`);
  };
  const needClient = (path: Array<string | number>, ref: string) => {
    if (!clientIds.has(ref)) add(path, `no client "${ref}" (clients: ${[...clientIds].join(', ')})`);
  };
  const needProcess = (path: Array<string | number>, ref: string) => {
    if (!processIds.has(ref)) add(path, `no process "${ref}"`);
  };
  const needClockOwner = (path: Array<string | number>, ref: string) => {
    if (!nodeIds.has(ref) && !clientIds.has(ref)) add(path, `no node or client "${ref}"`);
  };

  s.network.links.forEach((l, i) => {
    needProcess(['network', 'links', i, 'from'], l.from);
    needProcess(['network', 'links', i, 'to'], l.to);
  });
  checkLatency(s.network.latencyMs, ['network', 'latencyMs'], add);
  checkLatency(s.network.replicationLagMs, ['network', 'replicationLagMs'], add);

  s.clients.forEach((c, i) => {
    const strategy = c.strategy;
    if (strategy.kind === 'script') {
      strategy.steps.forEach((step, j) => {
        needNode(['clients', i, 'strategy', 'steps', j, 'node'], step.node);
        if (step.atMs > s.durationMs) add(['clients', i, 'strategy', 'steps', j, 'atMs'], `${step.atMs} is after the run ends (durationMs ${s.durationMs})`);
      });
    } else if (strategy.kind !== 'redlock' && strategy.kind !== 'single-failover') {
      needNode(['clients', i, 'strategy', 'node'], strategy.node);
    }
    if (strategy.kind === 'single-failover' && s.sentinel === null) {
      add(['clients', i, 'strategy', 'kind'], 'single-failover needs "sentinel" to be set (it finds the master through Sentinel)');
    }
    if (strategy.kind === 'redlock' && strategy.autoExtend !== null && strategy.autoExtend.thresholdMs >= s.lock.ttlMs) {
      add(['clients', i, 'strategy', 'autoExtend', 'thresholdMs'], `must be below lock.ttlMs (${s.lock.ttlMs})`);
    }
    if (c.workload.startMs > s.durationMs) add(['clients', i, 'workload', 'startMs'], `${c.workload.startMs} is after the run ends (durationMs ${s.durationMs})`);
  });

  s.timeline.forEach((e, i) => {
    checkEntry(e, i);
  });

  function checkEntry(e: Scenario['timeline'][number], i: number): void {
    const path = (field: string) => ['timeline', i, field];
    if (e.atMs > s.durationMs) add(path('atMs'), `${e.atMs} is after the run ends (durationMs ${s.durationMs})`);
    switch (e.kind) {
      case 'crash-node':
      case 'restart-node':
      case 'pause-node':
        return needNode(path('node'), e.node);
      case 'crash-client':
      case 'pause-client':
        return needClient(path('client'), e.client);
      case 'clock-jump':
      case 'clock-rate':
        return needClockOwner(path('process'), e.process);
      case 'partition': {
        const seen = new Set<string>();
        e.groups.forEach((g, gi) => {
          g.forEach((pid, pi) => {
            needProcess(['timeline', i, 'groups', gi, pi], pid);
            if (seen.has(pid)) add(['timeline', i, 'groups', gi, pi], `"${pid}" is in two groups`);
            seen.add(pid);
          });
        });
        return;
      }
      case 'link-delay':
      case 'link-drop':
        needProcess(path('from'), e.from);
        needProcess(path('to'), e.to);
        return;
      default:
        return;
    }
  }
  return issues;
}

function checkLatency(
  spec: Scenario['network']['latencyMs'],
  path: Array<string | number>,
  add: (path: Array<string | number>, message: string) => void,
): void {
  if (spec.kind === 'fixed') return;
  if (spec.minMs > spec.maxMs) add([...path, 'maxMs'], `must be at least minMs (${spec.minMs})`);
  if (spec.kind === 'long-tail' && spec.tailMaxMs < spec.maxMs) add([...path, 'tailMaxMs'], `must be at least maxMs (${spec.maxMs})`);
}

/** ["clients", 0, "strategy", "kind"] -> "clients[0].strategy.kind" */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}
