import type { ScenarioInputV1 } from './schema.ts';

/**
 * The scenario the playground opens with: a lock taken on a replicated master that dies
 * before the key reaches its replica (S8, with raw commands). Sentinel promotes the
 * replica after down-after-milliseconds, and a second client takes the "same" lock.
 */
export const DEFAULT_SCENARIO: ScenarioInputV1 = {
  version: 1,
  name: 'Failover loses the lock (raw commands)',
  description:
    'C1 takes the lock on master M with SET NX PX 60000. M crashes 10 ms later, before the write has ' +
    'been replicated to R (replication lag 20 ms here). Sentinel promotes R after down-after-milliseconds ' +
    '(30 s), and C2, asking the new master, gets the same lock while C1 still believes it holds it (S8).',
  seed: 42,
  durationMs: 45_000,
  lock: { key: 'lock', ttlMs: 60_000 },
  nodes: [
    { id: 'M', persistence: 'none' },
    { id: 'R', replicaOf: 'M' },
  ],
  sentinel: { downAfterMs: 30_000, pingPeriodMs: 1_000, promotionMs: 1_000 },
  network: {
    latencyMs: { kind: 'fixed', ms: 1 },
    replicationLagMs: { kind: 'fixed', ms: 20 },
  },
  clients: [
    {
      id: 'C1',
      strategy: {
        kind: 'script',
        steps: [
          { atMs: 0, node: 'M', argv: ['SET', 'lock', 'c1-token', 'NX', 'PX', '60000'] },
          { atMs: 2, node: 'M', argv: ['PTTL', 'lock'] },
        ],
      },
    },
    {
      id: 'C2',
      strategy: {
        kind: 'script',
        steps: [
          { atMs: 5, node: 'M', argv: ['SET', 'lock', 'c2-token', 'NX', 'PX', '60000'] },
          { atMs: 40_000, node: 'R', argv: ['SET', 'lock', 'c2-token', 'NX', 'PX', '60000'] },
          { atMs: 40_010, node: 'R', argv: ['GET', 'lock'] },
        ],
      },
    },
  ],
  timeline: [{ atMs: 10, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: 35_000 }],
};
