import type { ProcessId } from '../model/scenario.ts';
import type { DelCause } from '../redis/change.ts';
import type { Reply } from '../redis/reply.ts';

/** What a message is for; the timeline styles arrows by it. */
export type MessageType = 'request' | 'reply' | 'repl' | 'repl-ack' | 'sync' | 'snapshot' | 'sentinel' | 'write' | 'write-reply' | 'claim';

export type DropReason = 'loss' | 'partition' | 'process-down' | 'stale';

/** How a key change came about on a node. */
export type KeyVia = 'command' | 'replication' | 'active-expiry' | 'load' | 'crash';

/** Why one acquisition attempt failed. */
export type AttemptFailure =
  /** Fewer than a quorum of the Redlock nodes said yes. */
  | 'no-quorum'
  /** The single node said no: the key is held (SET NX answered nil, SETNX answered 0). */
  | 'refused'
  /** A quorum said yes, but the attempt took so long that no validity was left (R12). */
  | 'no-validity'
  /** No answer in time (the request or the sentinel query timed out). */
  | 'timeout'
  /** Sentinel did not name a master. */
  | 'no-master'
  /** The lock was set but WAIT saw fewer replica acknowledgements than asked (Redisson's synced-replicas check). */
  | 'wait-no-ack';

/** How a client learned that it no longer holds the lock (its belief ends). */
export type LossReason =
  /** The (auto-)extension did not reach a quorum within validity (R16, node-redlock using()). */
  | 'extend-failed'
  /** Its own pre-write check found no validity left. */
  | 'validity-check';

/** What the storage service decided about a write (fencing: none, token, cas). */
export type WriteVerdict = 'accepted' | 'token-too-old' | 'value-mismatch';

/**
 * One entry of a run's trace. `t` is true time in ms; events are in scheduler order.
 * Every field is plain data so the trace serializes canonically (trace/canonical.ts).
 */
export type TraceEvent =
  | { t: number; kind: 'run-start'; seed: number; durationMs: number; nodes: ProcessId[]; clients: ProcessId[] }
  | { t: number; kind: 'send'; msg: number; type: MessageType; from: ProcessId; to: ProcessId; deliverAtMs: number; label: string }
  /** Only for a message processed later than its send event's deliverAtMs (the receiver was paused). */
  | { t: number; kind: 'deliver'; msg: number; from: ProcessId; to: ProcessId; dueMs: number }
  | { t: number; kind: 'drop'; msg: number; from: ProcessId; to: ProcessId; reason: DropReason }
  | { t: number; kind: 'command'; node: ProcessId; client: ProcessId; argv: string[]; reply: Reply; nodeMs: number }
  | { t: number; kind: 'reply'; client: ProcessId; node: ProcessId; argv: string[]; reply: Reply; clientMs: number }
  | { t: number; kind: 'key-set'; node: ProcessId; key: string; value: string; expireAtMs: number; via: KeyVia }
  | { t: number; kind: 'key-expire'; node: ProcessId; key: string; expireAtMs: number; via: KeyVia }
  | { t: number; kind: 'key-del'; node: ProcessId; key: string; cause: DelCause; via: KeyVia }
  | { t: number; kind: 'full-sync'; node: ProcessId; master: ProcessId; keys: number; discarded: number }
  | { t: number; kind: 'role'; node: ProcessId; role: 'master' | 'replica'; master: ProcessId | null }
  | { t: number; kind: 'sentinel-down'; node: ProcessId; downSinceMs: number }
  | { t: number; kind: 'failover'; from: ProcessId; to: ProcessId }
  | { t: number; kind: 'failover-failed'; from: ProcessId; reason: string }
  | { t: number; kind: 'crash'; process: ProcessId; clean: boolean; keysLost: number }
  | { t: number; kind: 'restart'; process: ProcessId; keysLoaded: number; persistence: string }
  | { t: number; kind: 'restart-delayed'; process: ProcessId; untilMs: number }
  | { t: number; kind: 'pause'; process: ProcessId; untilMs: number }
  | { t: number; kind: 'resume'; process: ProcessId; queued: number }
  | { t: number; kind: 'clock-jump'; process: ProcessId; deltaMs: number; wallMs: number }
  | { t: number; kind: 'clock-rate'; process: ProcessId; rate: number; wallMs: number }
  | { t: number; kind: 'partition'; id: string; groups: ProcessId[][] }
  | { t: number; kind: 'heal'; id: string }
  | { t: number; kind: 'link-fault'; from: ProcessId; to: ProcessId; extraMs: number; dropRate: number; untilMs: number }
  | { t: number; kind: 'wait-done'; node: ProcessId; client: ProcessId; acked: number; timedOut: boolean }
  | { t: number; kind: 'aof-fsync'; node: ProcessId; entries: number }
  /** A lock client's statechart moved to a new state (dotted path; parallel regions in braces). */
  | { t: number; kind: 'client-state'; client: ProcessId; state: string }
  /** A lock client starts an acquisition attempt with a fresh random value. Attempt 1 starts a round. */
  | { t: number; kind: 'lock-attempt'; client: ProcessId; round: number; attempt: number; value: string; clientMs: number }
  /**
   * The client now believes it holds the lock until its own wall clock reads validUntilMs.
   * `epoch` counts successful acquisitions in the run (1, 2, …, in true-time order); with
   * fencing `token` it is the fencing token (see docs/lock-clients.md for why).
   */
  | {
      t: number;
      kind: 'lock-acquired';
      client: ProcessId;
      value: string;
      epoch: number;
      votes: number;
      nodes: ProcessId[];
      validityMs: number;
      validUntilMs: number;
      clientMs: number;
    }
  | { t: number; kind: 'lock-failed'; client: ProcessId; value: string; votes: number; reason: AttemptFailure; validityMs: number | null; clientMs: number }
  /** The client stops trying in this round (attempts or acquireTimeoutMs used up). */
  | { t: number; kind: 'lock-gave-up'; client: ProcessId; round: number; attempts: number; clientMs: number }
  | { t: number; kind: 'lock-extended'; client: ProcessId; value: string; votes: number; validityMs: number; validUntilMs: number; clientMs: number }
  | { t: number; kind: 'lock-lost'; client: ProcessId; value: string; reason: LossReason; clientMs: number }
  /** The client gives the lock up (its belief ends here) and sends the release. */
  | { t: number; kind: 'lock-released'; client: ProcessId; value: string; clientMs: number }
  /** The client's own wall clock passed validUntilMs while it still believed it held the lock. */
  | { t: number; kind: 'lease-expired'; client: ProcessId; value: string; validUntilMs: number }
  /** The workload is finished: every round done. */
  | { t: number; kind: 'client-done'; client: ProcessId }
  /** Fencing cas: the storage now keeps this lock value as the resource's token (antirez's check-and-set). */
  | { t: number; kind: 'storage-claim'; client: ProcessId; value: string; epoch: number }
  /** The storage service decided on a write. token: the fencing token sent (fencing token), else null. */
  | {
      t: number;
      kind: 'storage-write';
      client: ProcessId;
      seq: number;
      epoch: number;
      token: number | null;
      value: string;
      verdict: WriteVerdict;
      /** Highest token accepted before this write (fencing token), else null. */
      highestToken: number | null;
      /** The resource's token before this write (fencing cas), else null. */
      currentValue: string | null;
    }
  | { t: number; kind: 'run-end'; endMs: number; truncated: boolean };

export type TraceKind = TraceEvent['kind'];
