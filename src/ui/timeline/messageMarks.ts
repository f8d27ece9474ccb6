import type { MessageType, TraceEvent } from '../../sim/trace/events.ts';

/** A message as an arrow from its sender's lane to its receiver's lane. */
export interface MessageMark {
  msg: number;
  from: string;
  to: string;
  type: MessageType;
  label: string;
  sentMs: number;
  /** When it was processed: its delivery time, later if the receiver was paused; null if dropped. */
  arrivedMs: number | null;
  /** Why it never arrived, or null. */
  dropped: 'loss' | 'partition' | 'process-down' | 'stale' | null;
  /** When it was dropped (where its arrow ends with an x), or null. */
  droppedMs: number | null;
  /** Index of the send event in the trace (for "jump to"). */
  index: number;
}

/**
 * Arrows for every message: a send event gives the sender, time and due delivery; a late
 * `deliver` event (the receiver was paused) moves the arrival; a `drop` event ends it.
 * Replication traffic is kept (the renderer may filter by type).
 */
export function messageMarks(trace: readonly TraceEvent[]): MessageMark[] {
  const marks: MessageMark[] = [];
  const byMsg = new Map<number, MessageMark>();
  trace.forEach((e, index) => {
    if (e.kind === 'send') {
      const mark: MessageMark = {
        msg: e.msg,
        from: e.from,
        to: e.to,
        type: e.type,
        label: e.label,
        sentMs: e.t,
        arrivedMs: e.deliverAtMs < 0 ? null : e.deliverAtMs,
        dropped: null,
        droppedMs: null,
        index,
      };
      marks.push(mark);
      byMsg.set(e.msg, mark);
    } else if (e.kind === 'deliver') {
      const mark = byMsg.get(e.msg);
      if (mark !== undefined) mark.arrivedMs = e.t;
    } else if (e.kind === 'drop') {
      const mark = byMsg.get(e.msg);
      if (mark !== undefined) {
        mark.dropped = e.reason;
        mark.droppedMs = e.t;
        mark.arrivedMs = null;
      }
    }
  });
  return marks;
}
