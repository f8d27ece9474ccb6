import { PROTOCOL_LIMITS } from '../../src/protocol/limits.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';

export interface TraceBatcherOptions {
  /** Sends one `trace` message. */
  send(events: TraceEvent[], inReplyTo: string | undefined): void;
  /** How long an event may wait for company before its batch goes out. */
  flushAfterMs?: number;
  /** A batch goes out as soon as it has this many events. */
  eventsPerBatchMax?: number;
}

/**
 * Groups a run's trace events into `trace` messages: one message per event would cost the
 * browser a parse and a re-render each, thousands a second in a busy run; one message per
 * run would show nothing live. A batch goes out ~50 ms after its first event or at 1,000
 * events, whichever comes first, so the timeline trails reality by at most a frame or three.
 */
export class TraceBatcher {
  private events: TraceEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The message (a start-run) the next batch answers. */
  private answering: string | undefined;
  private disposed = false;
  private readonly flushAfterMs: number;
  private readonly eventsPerBatchMax: number;

  constructor(private readonly opts: TraceBatcherOptions) {
    this.flushAfterMs = opts.flushAfterMs ?? 50;
    this.eventsPerBatchMax = opts.eventsPerBatchMax ?? 1_000;
    if (!(this.eventsPerBatchMax >= 1 && this.eventsPerBatchMax <= PROTOCOL_LIMITS.traceEventsPerBatchMax)) {
      throw new RangeError(`eventsPerBatchMax must be 1-${PROTOCOL_LIMITS.traceEventsPerBatchMax}, got ${this.eventsPerBatchMax}`);
    }
  }

  /** The next batch (even an empty one sent by answerWith) answers message `id`. */
  answerNextWith(id: string): void {
    this.answering = id;
  }

  /** Forgets a pending answer (its message was answered otherwise, e.g. by an error). */
  dropAnswer(id: string): void {
    if (this.answering === id) this.answering = undefined;
  }

  push(event: TraceEvent): void {
    if (this.disposed) return;
    this.events.push(event);
    if (this.events.length >= this.eventsPerBatchMax) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushAfterMs);
  }

  /** Sends what is waiting (nothing if nothing is). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed || this.events.length === 0) return;
    const events = this.events;
    this.events = [];
    const inReplyTo = this.answering;
    this.answering = undefined;
    this.opts.send(events, inReplyTo);
  }

  /**
   * Sends what is waiting as the answer to message `id` (a fault that took effect); an empty
   * batch if its events already went out, so every fault gets an answer. A pending start-run
   * answer keeps its claim on the first events.
   */
  answerWith(id: string): void {
    if (this.answering !== undefined && this.events.length > 0) this.flush();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    const events = this.events;
    this.events = [];
    this.opts.send(events, id);
  }

  /** Sends `events` (a lock-op's outcome) as its own batches answering `id`, after what is waiting. */
  sendAnswer(id: string, events: readonly TraceEvent[]): void {
    this.flush();
    if (this.disposed) return;
    const max = PROTOCOL_LIMITS.traceEventsPerBatchMax;
    this.opts.send(events.slice(0, max), id);
    for (let at = max; at < events.length; at += max) this.opts.send(events.slice(at, at + max), undefined);
  }

  /** Stops sending: the connection is gone. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.events = [];
    this.disposed = true;
  }
}
