/**
 * A run's time: scenario milliseconds since the run started, read from the host's monotonic
 * clock and scaled by the run's speed (scenario ms per wall-clock ms). Every timer of a run goes
 * through one agenda ordered by due time (ties in the order they were set), so two things due
 * at 0 and 3 ms always happen in that order even when Node's 1 ms timer grain would fire them
 * together; stop() cancels everything, so nothing fires after a run has ended.
 */
import { performance } from 'node:perf_hooks';

interface Entry {
  dueMs: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class RunClock {
  private startWallMs: number;
  private agenda: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerDueMs = Number.POSITIVE_INFINITY;
  private seq = 0;
  private stopped = false;

  constructor(readonly speed: number) {
    if (!(speed > 0 && Number.isFinite(speed))) throw new Error(`speed must be a positive number, not ${speed}`);
    this.startWallMs = performance.now();
  }

  /** Scenario ms now (whole ms, like the engine's trace). */
  nowMs(): number {
    return Math.floor(this.exactNowMs());
  }

  /** A scenario duration as wall-clock ms. */
  wallMs(scenarioMs: number): number {
    return scenarioMs / this.speed;
  }

  /** Runs `fn` when the scenario clock reads `atMs` (soon if it already has); returns a cancel function. */
  at(atMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const entry: Entry = { dueMs: atMs, seq: this.seq++, fn, cancelled: false };
    // Insert after every entry due at the same time or earlier: ties keep their order.
    let i = this.agenda.length;
    while (i > 0 && (this.agenda[i - 1] as Entry).dueMs > atMs) i--;
    this.agenda.splice(i, 0, entry);
    this.arm();
    return () => {
      entry.cancelled = true;
    };
  }

  /** Runs `fn` after `scenarioMs` of scenario time; returns a cancel function. */
  in(scenarioMs: number, fn: () => void): () => void {
    return this.at(this.exactNowMs() + scenarioMs, fn);
  }

  /** Scenario time 0 is now: a run calls this once its links are open, just before its first event. */
  restart(): void {
    if (this.agenda.length > 0) throw new Error('RunClock.restart: timers are already set against the old origin');
    this.startWallMs = performance.now();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.agenda = [];
  }

  private exactNowMs(): number {
    return (performance.now() - this.startWallMs) * this.speed;
  }

  private arm(): void {
    const first = this.agenda[0];
    if (first === undefined || first.dueMs >= this.timerDueMs) return;
    clearTimeout(this.timer);
    this.timerDueMs = first.dueMs;
    const delayMs = Math.max(0, (first.dueMs - this.exactNowMs()) / this.speed);
    this.timer = setTimeout(() => this.fire(), delayMs);
  }

  private fire(): void {
    this.timerDueMs = Number.POSITIVE_INFINITY;
    const nowMs = this.exactNowMs();
    // Only what is due; what an entry schedules for now or earlier runs in this same pass.
    while (!this.stopped && this.agenda.length > 0 && (this.agenda[0] as Entry).dueMs <= nowMs) {
      const entry = this.agenda.shift() as Entry;
      if (!entry.cancelled) entry.fn();
    }
    if (!this.stopped) this.arm();
  }
}
