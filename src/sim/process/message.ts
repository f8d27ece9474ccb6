import type { ProcessId } from '../model/scenario.ts';
import type { Change } from '../redis/change.ts';
import type { Entry } from '../redis/keyspace.ts';
import type { Reply } from '../redis/reply.ts';
import type { MessageType } from '../trace/events.ts';

export type MessageBody =
  | { type: 'request'; reqId: number; argv: string[] }
  | { type: 'reply'; reqId: number; argv: string[]; reply: Reply }
  | { type: 'repl'; replId: string; offset: number; change: Change | null }
  | { type: 'repl-ack'; replId: string; offset: number }
  | { type: 'sync' }
  | { type: 'snapshot'; replId: string; offset: number; entries: Array<[string, Entry]> }
  | { type: 'sentinel'; reqId: number; query: 'get-master'; group: ProcessId; answer: ProcessId | null }
  /** A write to the protected resource, with the writer's lock epoch, fencing token and lock value. */
  | { type: 'write'; seq: number; epoch: number; token: number | null; value: string }
  | { type: 'write-reply'; seq: number; accepted: boolean }
  /** Fencing cas: set the resource's token to this lock value. */
  | { type: 'claim'; value: string; epoch: number };

export interface Message {
  id: number;
  from: ProcessId;
  to: ProcessId;
  body: MessageBody;
}

/** Replication-stream messages ride a TCP link with a backlog: a partition delays them, it does not lose them. */
export function isReliable(type: MessageType): boolean {
  return type === 'repl' || type === 'repl-ack' || type === 'sync' || type === 'snapshot';
}
