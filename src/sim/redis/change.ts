/**
 * A change to a node's keyspace. The master appends each one to its replication stream
 * and its AOF (expiry as an absolute PXAT, as Redis >= 7 replicates it, R6); the trace
 * records them so a timeline can draw every key's life.
 */
export type Change =
  | { kind: 'set'; key: string; value: string; expireAtMs: number }
  | { kind: 'expire'; key: string; expireAtMs: number }
  | { kind: 'del'; key: string; cause: DelCause };

/**
 * Why a key went away: a command, passive expiry on access (R3), active expiry (R4), the
 * node's memory lost in a crash, or the dataset discarded by a full resync (R8).
 */
export type DelCause = 'command' | 'expired-passive' | 'expired-active' | 'lost' | 'resync';
