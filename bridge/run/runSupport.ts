/**
 * What a scenario asks for that the bridge cannot reproduce on real Redis, in words a user can
 * act on. A run starts only when this list is empty (RunError 'unsupported' otherwise).
 */
import type { Scenario, TimelineEntry } from '../../src/sim/model/scenario.ts';

export interface RealCapabilities {
  /** Node ids the fleet has, with the master each replica follows (null for a master). */
  nodes: ReadonlyMap<string, string | null>;
  /** Whether a node's clock can be jumped (libfaketime under redis-server). */
  nodeClockJump: boolean;
  /** Whether the nodes are the bridge's own (persistence and faults need that). */
  managed: boolean;
  sentinelDownAfterMinMs: number;
}

export function unsupportedFeatures(scenario: Scenario, speed: number, caps: RealCapabilities): string[] {
  const problems: string[] = [];
  const clients = new Set(scenario.clients.map((c) => c.id));
  const nodes = new Set(scenario.nodes.map((n) => n.id));
  for (const c of scenario.clients) {
    if (c.strategy.kind === 'script')
      problems.push(`client ${c.id} is a script client: the bridge runs only lock clients (no raw commands)`);
    if (c.clock.rate !== 1)
      problems.push(`client ${c.id}: a clock rate of ${c.clock.rate} cannot be given to a real client (only offsets and jumps)`);
  }
  for (const n of scenario.nodes) {
    if (!caps.nodes.has(n.id)) problems.push(`node ${n.id}: the bridge has no such node (it has ${[...caps.nodes.keys()].join(', ')})`);
    else if ((caps.nodes.get(n.id) ?? null) !== (n.replicaOf ?? null)) {
      problems.push(
        `node ${n.id}: the scenario makes it ${n.replicaOf ? `a replica of ${n.replicaOf}` : 'a master'}, the bridge's is ${caps.nodes.get(n.id) ? `a replica of ${caps.nodes.get(n.id)}` : 'a master'}`,
      );
    }
    if (n.clock.offsetMs !== 0 || n.clock.rate !== 1)
      problems.push(`node ${n.id}: a skewed clock at start is not reproduced on real Redis (use a clock jump)`);
    if (!caps.managed && n.persistence !== 'none')
      problems.push(`node ${n.id}: persistence is set on the existing servers, not by the bridge`);
  }
  if (scenario.sentinel !== null && scenario.sentinel !== undefined) {
    const wallMs = scenario.sentinel.downAfterMs / speed;
    if (wallMs < caps.sentinelDownAfterMinMs) {
      const maxSpeed = Math.floor((scenario.sentinel.downAfterMs / caps.sentinelDownAfterMinMs) * 10) / 10;
      problems.push(
        `sentinel: down-after ${scenario.sentinel.downAfterMs} ms at speed ${speed} is ${Math.round(wallMs)} ms of real time, below Sentinel's reliable ${caps.sentinelDownAfterMinMs} ms: run at speed ${maxSpeed} or less`,
      );
    }
  }
  const link = (from: string, to: string, what: string) => {
    const ok = (clients.has(from) && nodes.has(to)) || (nodes.has(from) && clients.has(to));
    if (!ok) problems.push(`${what} ${from}→${to}: the bridge's proxies sit only between clients and nodes`);
  };
  for (const l of scenario.network.links) link(l.from, l.to, 'network link');
  for (const entry of scenario.timeline) problems.push(...entryProblems(entry, clients, nodes, caps, link));
  problems.push(...powerLossProblems(scenario));
  return problems;
}

/**
 * The simulator's unclean crash is a power loss: a node with appendfsync everysec loses the
 * writes since its last fsync. The bridge kills the redis-server process (SIGKILL), and the
 * kernel still writes out what the process had handed it, so nothing is lost: the run would
 * tell the other story. (With persistence none or always, the two agree.)
 */
function powerLossProblems(scenario: Scenario): string[] {
  const everysec = new Set(scenario.nodes.filter((n) => n.persistence === 'aof-everysec').map((n) => n.id));
  const master = scenario.nodes.find((n) => n.replicaOf !== undefined)?.replicaOf ?? null;
  const problems: string[] = [];
  for (const entry of scenario.timeline) {
    const node = entry.kind === 'crash-node' && !entry.clean ? entry.node : entry.kind === 'kill-master' ? master : null;
    if (node === null || !everysec.has(node)) continue;
    problems.push(
      `at ${entry.atMs} ms: a power loss of node ${node} (appendfsync everysec) loses up to a second of writes in the simulation; killing a real redis-server loses none (the kernel keeps what it wrote), so this run would not show it`,
    );
  }
  return problems;
}

function entryProblems(
  entry: TimelineEntry,
  clients: Set<string>,
  nodes: Set<string>,
  caps: RealCapabilities,
  link: (from: string, to: string, what: string) => void,
): string[] {
  const at = `at ${entry.atMs} ms`;
  switch (entry.kind) {
    case 'clock-rate':
      return [`${at}: a clock rate change cannot be made on a real process (the host's clock rate is not the bridge's to change)`];
    case 'clock-jump':
      if (nodes.has(entry.process) && !caps.nodeClockJump)
        return [`${at}: a clock jump on node ${entry.process} needs libfaketime under redis-server, which this bridge does not have`];
      if (!nodes.has(entry.process) && !clients.has(entry.process))
        return [`${at}: a clock jump on ${entry.process}, which is neither a client nor a node`];
      return [];
    case 'crash-node':
    case 'restart-node':
    case 'pause-node':
    case 'kill-master':
      return caps.managed ? [] : [`${at}: ${entry.kind} needs servers the bridge started (these are existing servers)`];
    case 'partition': {
      const problems: string[] = [];
      const sides = entry.groups;
      for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) {
          for (const a of sides[i] ?? []) {
            for (const b of sides[j] ?? []) {
              const between = (clients.has(a) && nodes.has(b)) || (nodes.has(a) && clients.has(b));
              const sameKind = (clients.has(a) && clients.has(b)) || (!nodes.has(a) && !nodes.has(b) && !clients.has(a) && !clients.has(b));
              if (!between && !sameKind)
                problems.push(`${at}: partition ${entry.id} cuts ${a}↔${b}; the bridge can cut only links between clients and nodes`);
            }
          }
        }
      }
      return problems;
    }
    case 'link-delay':
    case 'link-drop':
      link(entry.from, entry.to, `${at}: ${entry.kind}`);
      return [];
    default:
      return [];
  }
}
