/**
 * A run's trace as it happens: events go out in order with non-decreasing `t` (an answer that
 * arrives while another event is being written cannot go back in time), message ids count up,
 * and the log keeps every event so the run can give its own summary at the end.
 */
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import type { RunClock } from './runClock.ts';

type WithoutT<E> = E extends TraceEvent ? Omit<E, 't'> : never;

export class RunTrace {
  readonly events: TraceEvent[] = [];
  private lastMs = 0;
  private nextMsg = 1;
  private closed = false;

  constructor(
    private readonly clock: RunClock,
    private readonly sink: (event: TraceEvent) => void,
  ) {}

  /** Emits an event stamped with the run's time now. */
  emit(event: WithoutT<TraceEvent>): TraceEvent {
    return this.emitAt(this.clock.nowMs(), event);
  }

  /** Emits an event at `atMs`, or later if the trace has already passed it. */
  emitAt(atMs: number, event: WithoutT<TraceEvent>): TraceEvent {
    const t = Math.max(atMs, this.lastMs);
    this.lastMs = t;
    const full = { t, ...event } as TraceEvent;
    if (this.closed) return full;
    this.events.push(full);
    this.sink(full);
    return full;
  }

  get nowMs(): number {
    return Math.max(this.clock.nowMs(), this.lastMs);
  }

  messageId(): number {
    return this.nextMsg++;
  }

  /** After the run-end event nothing more is written. */
  close(): void {
    this.closed = true;
  }
}
