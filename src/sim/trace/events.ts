import type { ProcessId } from '../model/scenario.ts';
import type { DelCause } from '../redis/change.ts';
import type { Reply } from '../redis/reply.ts';

/** What a message is for; the timeline styles arrows by it. */
export type MessageType = 'request' | 'reply' | 'repl' | 'repl-ack' | 'sync' | 'snapshot' | 'sentinel';

export type DropReason = 'loss' | 'partition' | 'process-down' | 'stale';

/** How a key change came about on a node. */
export type KeyVia = 'command' | 'replication' | 'active-expiry' | 'load' | 'crash';

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
  | { t: number; kind: 'run-end'; endMs: number; truncated: boolean };

export type TraceKind = TraceEvent['kind'];
