import type { ClientMessageInput } from '../../protocol/clientMessages.ts';

/** Which part of the page a message's answer belongs to: errors show where the user acted. */
export type Topic = 'connection' | 'run' | 'fault' | 'lock';

/** A message sent and not yet answered: what to call it when the bridge refuses it. */
export interface PendingRequest {
  id: string;
  type: ClientMessageInput['type'];
  topic: Topic;
  /** What the user asked for, in words: "Kill node A", "Acquire the lock as C1". */
  label: string;
}

/** The most requests remembered: an answer to an older one is still shown, only without its name. */
export const PENDING_MAX = 200;

const LOCK_OP_WORDS = { acquire: 'Acquire the lock', release: 'Release the lock', extend: 'Extend the lock' } as const;

/** A client message as the user would describe what they asked for. */
export function requestLabel(m: ClientMessageInput): string {
  switch (m.type) {
    case 'hello':
      return 'Connecting';
    case 'start-run':
      return 'Starting the run on real Redis';
    case 'stop-run':
      return 'Stopping the run';
    case 'lock-op':
      return `${LOCK_OP_WORDS[m.op]} as ${m.client}`;
    case 'ping':
      return 'Ping';
    case 'kill-node':
      return `${m.clean === true ? 'Shut down' : 'Kill'} node ${m.node}`;
    case 'restart-node':
      return `Restart node ${m.node}`;
    case 'pause-node':
      return `Pause node ${m.node}`;
    case 'resume-node':
      return `Resume node ${m.node}`;
    case 'failover':
      return m.method === 'sentinel' ? 'Failover by Sentinel' : `Promote ${m.promote ?? '?'} (REPLICAOF NO ONE)`;
    case 'pause-client':
      return `Pause client ${m.client}`;
    case 'link-delay':
      return `Delay the link ${m.from} → ${m.to}`;
    case 'link-drop':
      return `Drop messages on the link ${m.from} → ${m.to}`;
    case 'partition':
      return `Partition ${m.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
    case 'heal':
      return m.partition === null || m.partition === undefined ? 'Heal every partition' : `Heal partition ${m.partition}`;
    case 'clock-jump':
      return `Jump ${m.process}'s clock ${m.deltaMs >= 0 ? '+' : ''}${m.deltaMs} ms`;
  }
}

export function topicOf(type: ClientMessageInput['type']): Topic {
  if (type === 'hello' || type === 'ping') return 'connection';
  if (type === 'start-run' || type === 'stop-run') return 'run';
  if (type === 'lock-op') return 'lock';
  return 'fault';
}

/** The pending list with one more request, the oldest dropped past PENDING_MAX. */
export function withPending(pending: readonly PendingRequest[], m: ClientMessageInput & { id: string }): PendingRequest[] {
  const next = [...pending, { id: m.id, type: m.type, topic: topicOf(m.type), label: requestLabel(m) }];
  return next.length > PENDING_MAX ? next.slice(next.length - PENDING_MAX) : next;
}

/** The request `id` answers and the list without it (answered requests are forgotten). */
export function takePending(
  pending: readonly PendingRequest[],
  id: string | undefined,
): { request: PendingRequest | null; rest: PendingRequest[] } {
  const request = id === undefined ? undefined : pending.find((p) => p.id === id);
  if (request === undefined) return { request: null, rest: pending.slice() };
  return { request, rest: pending.filter((p) => p !== request) };
}
