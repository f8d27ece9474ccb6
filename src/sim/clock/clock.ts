import { assert } from '../core/assert.ts';
import type { ClockSpec } from '../model/scenario.ts';

/**
 * A process's clocks as piecewise-linear functions of true time.
 * - wall: what gettimeofday() (or a JavaScript client's wall clock) reads. Redis key expiry and a Redlock
 *   client's elapsed-time measurement use it (R2, R5, R19). Jumps move it.
 * - monotonic: what event-loop timers run on (Redis >= 6.2, Node timers). Rate
 *   changes (drift) affect it; jumps do not.
 * Readings are floored to whole milliseconds, as both Redis and JavaScript clients report.
 */
export class Clock {
  private startTrueMs = 0;
  private wallBaseMs: number;
  private monoBaseMs = 0;
  private rate: number;

  constructor(spec: ClockSpec) {
    assert(spec.rate > 0, `clock rate must be positive, got ${spec.rate}`);
    this.wallBaseMs = spec.offsetMs;
    this.rate = spec.rate;
  }

  /** Wall-clock reading at true time `trueMs` (must not precede the last change). */
  wallMs(trueMs: number): number {
    return Math.floor(this.wallBaseMs + this.rate * (trueMs - this.startTrueMs));
  }

  monotonicMs(trueMs: number): number {
    return Math.floor(this.monoBaseMs + this.rate * (trueMs - this.startTrueMs));
  }

  currentRate(): number {
    return this.rate;
  }

  /** Steps the wall clock by deltaMs (NTP step, operator error): TTLs shrink or grow (R5). */
  jump(trueMs: number, deltaMs: number): void {
    this.rebase(trueMs);
    this.wallBaseMs += deltaMs;
  }

  /** Changes how fast this clock runs from now on (drift: 1.1 = 10% fast). */
  setRate(trueMs: number, rate: number): void {
    assert(rate > 0, `clock rate must be positive, got ${rate}`);
    this.rebase(trueMs);
    this.rate = rate;
  }

  /**
   * True-time delay until `localMs` more milliseconds pass on this clock at its
   * current rate. A later rate change does not move an already armed timer.
   */
  trueDelayMs(localMs: number): number {
    if (localMs <= 0) return 0;
    return Math.ceil(localMs / this.rate);
  }

  /**
   * The first true ms, not before nowTrueMs, at which the wall clock reads at least
   * wallTargetMs, assuming no later jump or rate change (the caller re-asks after one).
   */
  trueMsWhenWallReaches(wallTargetMs: number, nowTrueMs: number): number {
    if (this.wallMs(nowTrueMs) >= wallTargetMs) return nowTrueMs;
    let t = Math.max(nowTrueMs, Math.ceil(this.startTrueMs + (wallTargetMs - this.wallBaseMs) / this.rate));
    // Float rounding can land one ms off either way; settle on the exact first ms.
    while (this.wallMs(t) < wallTargetMs) t++;
    while (t - 1 > nowTrueMs && this.wallMs(t - 1) >= wallTargetMs) t--;
    return t;
  }

  private rebase(trueMs: number): void {
    assert(trueMs >= this.startTrueMs, 'clock changes must come in time order');
    this.wallBaseMs = this.wallBaseMs + this.rate * (trueMs - this.startTrueMs);
    this.monoBaseMs = this.monoBaseMs + this.rate * (trueMs - this.startTrueMs);
    this.startTrueMs = trueMs;
  }
}
