import type { ClockSpec } from '../../sim/model/scenario.ts';

/**
 * A process's wall clock as the trace lets a viewer rebuild it: the scenario's ClockSpec,
 * then each clock-jump (a step) and clock-rate (a new slope) at its true time. The same
 * arithmetic as src/sim/clock (unfloored base, floored reading), so the view reads exactly
 * what the process read — a node's TTLs and a client's validity depend on it.
 */
export interface LocalClock {
  /** True time of the last change. */
  startTrueMs: number;
  /** Wall reading at startTrueMs, unfloored (a fractional rate leaves fractions). */
  wallBaseMs: number;
  rate: number;
}

export function clockOf(spec: ClockSpec): LocalClock {
  return { startTrueMs: 0, wallBaseMs: spec.offsetMs, rate: spec.rate };
}

/** The wall clock's reading at true time `trueMs`, floored to whole ms as Redis and clients report it. */
export function wallAt(clock: LocalClock, trueMs: number): number {
  return Math.floor(clock.wallBaseMs + clock.rate * (trueMs - clock.startTrueMs));
}

function rebased(clock: LocalClock, trueMs: number): LocalClock {
  return { startTrueMs: trueMs, wallBaseMs: clock.wallBaseMs + clock.rate * (trueMs - clock.startTrueMs), rate: clock.rate };
}

/** The clock after a step of deltaMs at trueMs. */
export function jumped(clock: LocalClock, trueMs: number, deltaMs: number): LocalClock {
  const r = rebased(clock, trueMs);
  return { ...r, wallBaseMs: r.wallBaseMs + deltaMs };
}

/** The clock running at `rate` from trueMs on. */
export function rated(clock: LocalClock, trueMs: number, rate: number): LocalClock {
  return { ...rebased(clock, trueMs), rate };
}
