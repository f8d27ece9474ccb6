/**
 * A run's time: scenario milliseconds since the run started, read from the host's monotonic
 * clock and scaled by the run's speed (scenario ms per wall-clock ms). Every timer of a run goes
 * through here, so stop() cancels all of them and nothing fires after a run has ended.
 */
import { performance } from 'node:perf_hooks';

export class RunClock {
  private readonly startWallMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(readonly speed: number) {
    if (!(speed > 0 && Number.isFinite(speed))) throw new Error(`speed must be a positive number, not ${speed}`);
    this.startWallMs = performance.now();
  }

  /** Scenario ms now (whole ms, like the engine's trace). */
  nowMs(): number {
    return Math.floor((performance.now() - this.startWallMs) * this.speed);
  }

  /** A scenario duration as wall-clock ms. */
  wallMs(scenarioMs: number): number {
    return scenarioMs / this.speed;
  }

  /** Runs `fn` when the scenario clock reads `atMs` (at once if it already has). */
  at(atMs: number, fn: () => void): () => void {
    const delayMs = Math.max(0, (atMs - (performance.now() - this.startWallMs) * this.speed) / this.speed);
    return this.after(delayMs, fn);
  }

  /** Runs `fn` after `scenarioMs` of scenario time; returns a cancel function. */
  in(scenarioMs: number, fn: () => void): () => void {
    return this.after(this.wallMs(scenarioMs), fn);
  }

  private after(delayMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) fn();
    }, delayMs);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
