import { parseScenario } from '../../scenario/parse.ts';
import type { ClientSpec, NodeSpec, Scenario, SentinelSpec, StrategyKind, StrategySpec } from '../../sim/model/scenario.ts';

/** The lock designs a form can switch a client to (a raw-command script is written in JSON). */
export type LockStrategyKind = Exclude<StrategyKind, 'script'>;

export const LOCK_STRATEGY_KINDS: readonly LockStrategyKind[] = [
  'setnx-expire',
  'set-nx-px-del',
  'set-nx-px-cad',
  'single-failover',
  'redlock',
];

/** What each design does, in the words of docs/scenario-format.md, for the strategy picker. */
export const STRATEGY_TITLES: Record<StrategyKind, string> = {
  script: 'raw-command script',
  'setnx-expire': 'SETNX, then EXPIRE; DEL',
  'set-nx-px-del': 'SET NX PX; plain DEL',
  'set-nx-px-cad': 'SET NX PX; compare-and-delete',
  'single-failover': 'master via Sentinel',
  redlock: 'Redlock over every master',
};

/**
 * The smallest document the schema accepts for a strategy. Every default the editor fills
 * in comes from parsing one of these, so a default changed in the schema changes here too.
 */
function minimalDocument(kind: LockStrategyKind): unknown {
  return {
    version: 1,
    nodes: [{ id: 'A' }],
    sentinel: {},
    clients: [{ id: 'C1', strategy: { kind } }],
  };
}

const parsed = new Map<LockStrategyKind, Scenario>();

function minimalScenario(kind: LockStrategyKind): Scenario {
  const cached = parsed.get(kind);
  if (cached !== undefined) return cached;
  const result = parseScenario(minimalDocument(kind));
  // A constant document, covered by the tests: failing here is a bug in the editor, not bad input.
  if (!result.ok) throw new Error(`the editor's minimal ${kind} document is not valid: ${result.issues[0]?.message ?? ''}`);
  parsed.set(kind, result.value);
  return result.value;
}

function firstClient(kind: LockStrategyKind): ClientSpec {
  const client = minimalScenario(kind).clients[0];
  if (client === undefined) throw new Error('the minimal document has a client');
  return client;
}

/** A strategy of this kind with the schema's defaults (node: null = the first master). */
export function strategyDefaults(kind: LockStrategyKind): StrategySpec {
  return structuredClone(firstClient(kind).strategy);
}

/** A lock client's workload and clock with the schema's defaults. */
export function clientDefaults(id: string, kind: LockStrategyKind): ClientSpec {
  return { ...structuredClone(firstClient(kind)), id };
}

/** A master with the schema's defaults. */
export function nodeDefaults(id: string): NodeSpec {
  const node = minimalScenario('set-nx-px-cad').nodes[0];
  if (node === undefined) throw new Error('the minimal document has a node');
  return { ...structuredClone(node), id };
}

/** A Redlock watchdog extending `thresholdMs` before validity ends, its other option at the schema's default. */
export function autoExtendDefaults(thresholdMs: number): { thresholdMs: number; maxExtensions: number } {
  const result = parseScenario({
    version: 1,
    nodes: [{ id: 'A' }],
    lock: { ttlMs: 3_600_000 },
    clients: [{ id: 'C1', strategy: { kind: 'redlock', autoExtend: { thresholdMs: 1 } } }],
  });
  const strategy = result.ok ? result.value.clients[0]?.strategy : undefined;
  if (strategy?.kind !== 'redlock' || strategy.autoExtend === null) throw new Error('the minimal redlock document has a watchdog');
  return { ...strategy.autoExtend, thresholdMs };
}

export function sentinelDefaults(): SentinelSpec {
  const sentinel = minimalScenario('set-nx-px-cad').sentinel;
  if (sentinel === null) throw new Error('the minimal document has a sentinel');
  return { ...sentinel };
}
