import { LIMITS } from '../../scenario/limits.ts';
import {
  type ClientSpec,
  type LatencySpec,
  type Scenario,
  SENTINEL_ID,
  STORAGE_ID,
  type StrategySpec,
  type TimelineEntry,
} from '../../sim/model/scenario.ts';
import {
  autoExtendDefaults,
  clientDefaults,
  type LockStrategyKind,
  nodeDefaults,
  sentinelDefaults,
  strategyDefaults,
} from './scenarioDefaults.ts';

/**
 * The editor's structural edits, as pure functions: each returns a new scenario and leaves
 * its input alone. They do not repair references the user breaks (removing a node a client
 * uses): the store validates the result and the validator's message says what is wrong.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function usedIds(s: Scenario): Set<string> {
  return new Set([...s.nodes.map((n) => n.id), ...s.clients.map((c) => c.id), SENTINEL_ID, STORAGE_ID]);
}

/** The first free id among A, B, C … Z, then N1, N2 … (node ids). */
export function nextNodeId(s: Scenario): string {
  const used = usedIds(s);
  for (const letter of LETTERS) if (!used.has(letter)) return letter;
  for (let i = 1; ; i++) if (!used.has(`N${i}`)) return `N${i}`;
}

/** The first free id among C1, C2 … (client ids, as the presets name them). */
export function nextClientId(s: Scenario): string {
  const used = usedIds(s);
  for (let i = 1; ; i++) if (!used.has(`C${i}`)) return `C${i}`;
}

/**
 * The scenario with `n` nodes: existing nodes keep their ids and settings; new ones are
 * masters with the schema's defaults named A, B, C … (the first free letters). Fewer nodes
 * drops the last ones, and whatever referred to them is left for the validator to report.
 */
export function withNodeCount(s: Scenario, n: number): Scenario {
  const count = Math.max(0, Math.floor(n));
  if (count <= s.nodes.length) return { ...s, nodes: s.nodes.slice(0, count) };
  let next = s;
  while (next.nodes.length < count) next = { ...next, nodes: [...next.nodes, nodeDefaults(nextNodeId(next))] };
  return next;
}

/** The scenario without node `index` (references to it are the validator's to report). */
export function withNodeRemoved(s: Scenario, index: number): Scenario {
  return { ...s, nodes: s.nodes.filter((_, i) => i !== index) };
}

/**
 * The scenario with one more lock client: the same design as the last lock client (or the
 * correct single-instance lock, compare-and-delete), all options at the schema's defaults.
 */
export function withClientAdded(s: Scenario): Scenario {
  const last = [...s.clients].reverse().find((c) => c.strategy.kind !== 'script');
  const kind: LockStrategyKind = last === undefined || last.strategy.kind === 'script' ? 'set-nx-px-cad' : last.strategy.kind;
  return { ...s, clients: [...s.clients, clientDefaults(nextClientId(s), kind)] };
}

export function withClientRemoved(s: Scenario, index: number): Scenario {
  return { ...s, clients: s.clients.filter((_, i) => i !== index) };
}

/**
 * Renames client `index` and every reference to it (faults aimed at it, partitions, link
 * rules and link faults), so renaming does not break a scenario that was valid.
 */
export function withClientRenamed(s: Scenario, index: number, id: string): Scenario {
  const old = s.clients[index]?.id;
  if (old === undefined || old === id) return s;
  const ref = (pid: string) => (pid === old ? id : pid);
  const timeline = s.timeline.map((e): TimelineEntry => {
    switch (e.kind) {
      case 'crash-client':
      case 'pause-client':
        return { ...e, client: ref(e.client) };
      case 'clock-jump':
      case 'clock-rate':
        return { ...e, process: ref(e.process) };
      case 'partition':
        return { ...e, groups: e.groups.map((g) => g.map(ref)) };
      case 'link-delay':
      case 'link-drop':
        return { ...e, from: ref(e.from), to: ref(e.to) };
      default:
        return e;
    }
  });
  const links = s.network.links.map((l) => ({ ...l, from: ref(l.from), to: ref(l.to) }));
  const clients = s.clients.map((c, i) => (i === index ? { ...c, id } : c));
  return { ...s, clients, timeline, network: { ...s.network, links } };
}

type PollFields = { requestTimeoutMs: number; retryDelayMs: number };

/** The single-instance options a client keeps when it switches between those designs. */
function pollOf(strategy: StrategySpec): PollFields | null {
  return strategy.kind === 'script' || strategy.kind === 'redlock'
    ? null
    : { requestTimeoutMs: strategy.requestTimeoutMs, retryDelayMs: strategy.retryDelayMs };
}

function nodeOf(strategy: StrategySpec): string | null | undefined {
  return strategy.kind === 'setnx-expire' || strategy.kind === 'set-nx-px-del' || strategy.kind === 'set-nx-px-cad'
    ? strategy.node
    : undefined;
}

/**
 * The client with another lock design, its options at the schema's defaults. Between the
 * single-instance designs the request timeout, retry delay and node carry over (they mean
 * the same there); Redlock's timeouts are a different scale and start from its own defaults.
 */
export function withStrategyKind(client: ClientSpec, kind: LockStrategyKind): ClientSpec {
  if (client.strategy.kind === kind) return client;
  const fresh = strategyDefaults(kind);
  const poll = pollOf(client.strategy);
  const node = nodeOf(client.strategy);
  let strategy: StrategySpec = fresh;
  if (fresh.kind !== 'script' && fresh.kind !== 'redlock' && poll !== null) strategy = { ...fresh, ...poll };
  if ((strategy.kind === 'setnx-expire' || strategy.kind === 'set-nx-px-del' || strategy.kind === 'set-nx-px-cad') && node !== undefined) {
    strategy = { ...strategy, node };
  }
  return { ...client, strategy };
}

export type LatencyKind = LatencySpec['kind'];
export const LATENCY_KINDS: readonly LatencyKind[] = ['fixed', 'uniform', 'long-tail'];

/**
 * A latency model of another shape that keeps the numbers it had: fixed ms becomes the
 * uniform range [ms, ms]; a range becomes its midpoint; a long tail starts as rare (1 %)
 * and ten times the usual maximum (at least 100 ms), which is what makes it a tail.
 */
export function withLatencyKind(spec: LatencySpec, kind: LatencyKind): LatencySpec {
  if (spec.kind === kind) return spec;
  const minMs = spec.kind === 'fixed' ? spec.ms : spec.minMs;
  const maxMs = spec.kind === 'fixed' ? spec.ms : spec.maxMs;
  switch (kind) {
    case 'fixed':
      return { kind, ms: Math.round((minMs + maxMs) / 2) };
    case 'uniform':
      return { kind, minMs, maxMs };
    case 'long-tail':
      return { kind, minMs, maxMs, tailProbability: 0.01, tailMaxMs: Math.min(LIMITS.latencyMsMax, Math.max(maxMs * 10, maxMs + 100)) };
  }
}

/** Sentinel on (with the schema's defaults) or off. */
export function withSentinel(s: Scenario, on: boolean): Scenario {
  if (on === (s.sentinel !== null)) return s;
  return { ...s, sentinel: on ? sentinelDefaults() : null };
}

/**
 * A Redlock client's watchdog on or off. On, it extends when a third of the TTL is left
 * (the schema has no default threshold; a third leaves room for a slow extension).
 */
export function withAutoExtend(s: Scenario, clientIndex: number, on: boolean): Scenario {
  const client = s.clients[clientIndex];
  if (client === undefined || client.strategy.kind !== 'redlock') return s;
  if (on === (client.strategy.autoExtend !== null)) return s;
  const autoExtend = on ? autoExtendDefaults(Math.max(1, Math.floor(s.lock.ttlMs / 3))) : null;
  const strategy = { ...client.strategy, autoExtend };
  return { ...s, clients: s.clients.map((c, i) => (i === clientIndex ? { ...c, strategy } : c)) };
}
