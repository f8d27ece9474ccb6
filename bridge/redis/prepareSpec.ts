import { SENTINEL_DOWN_AFTER_MIN_MS } from './fleetTopology.ts';
import type { Persistence } from './redisConfig.ts';

/**
 * What a run needs from the fleet before it starts (Fleet.prepare): the nodes it uses with
 * their persistence, Sentinel's timing, and the keys it will touch.
 */
export interface PrepareSpec {
  nodes: ReadonlyArray<{ id: string; persistence: Persistence }>;
  /**
   * Sentinel's settings for this run (every Sentinel of the fleet); without it, the topology's.
   * `failoverTimeoutMs` also bounds how long Sentinel leaves a replica replicating through a
   * proxy (see Fleet.prepare).
   */
  sentinel?: { downAfterMs: number; failoverTimeoutMs?: number };
  /** The keys the run uses: deleted on external nodes (the fleet's own nodes are flushed whole). */
  keys?: readonly string[];
}

const PERSISTENCE_MODES: readonly Persistence[] = ['none', 'aof-everysec', 'aof-always'];
const KEYS_MAX = 1000;
/** Sentinel refuses a failover-timeout it cannot keep in a 32-bit millisecond count; we stay well under. */
export const FAILOVER_TIMEOUT_MAX_MS = 86_400_000;

export type NodeKind = 'redis' | 'sentinel' | 'external';

/** Problems with `spec` for a fleet whose nodes are `kindOf`; empty when it can be prepared. */
export function prepareSpecProblems(spec: PrepareSpec, kindOf: (id: string) => NodeKind | undefined, hasSentinel: boolean): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const node of spec.nodes) {
    const kind = kindOf(node.id);
    if (kind === undefined) problems.push(`node ${node.id}: not in this fleet`);
    if (kind === 'sentinel') problems.push(`node ${node.id}: a Sentinel; give its settings as sentinel, not as a node`);
    if (seen.has(node.id)) problems.push(`node ${node.id}: listed twice`);
    seen.add(node.id);
    if (!PERSISTENCE_MODES.includes(node.persistence)) {
      problems.push(`node ${node.id}: persistence ${JSON.stringify(node.persistence)} is not one of ${PERSISTENCE_MODES.join(', ')}`);
    }
  }
  const sentinel = spec.sentinel;
  if (sentinel !== undefined) {
    if (!hasSentinel) problems.push('sentinel: this fleet runs no Sentinel');
    if (!(Number.isInteger(sentinel.downAfterMs) && sentinel.downAfterMs >= SENTINEL_DOWN_AFTER_MIN_MS)) {
      problems.push(
        `sentinel: downAfterMs ${sentinel.downAfterMs} is below ${SENTINEL_DOWN_AFTER_MIN_MS} or not whole ` +
          '(Sentinel reconnects at most once a second and would report failures that are not there)',
      );
    }
    const timeout = sentinel.failoverTimeoutMs;
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 1000 && timeout <= FAILOVER_TIMEOUT_MAX_MS)) {
      problems.push(`sentinel: failoverTimeoutMs ${timeout} is not a whole number from 1000 to ${FAILOVER_TIMEOUT_MAX_MS}`);
    }
  }
  const keys = spec.keys ?? [];
  if (keys.length > KEYS_MAX) problems.push(`keys: ${keys.length} keys, more than ${KEYS_MAX}`);
  if (keys.some((k) => typeof k !== 'string' || k === '')) problems.push('keys: every key must be a non-empty string');
  return problems;
}
