/**
 * Simpler values to try for one number, simplest first: the target itself (0 ms, no drift),
 * then the value rounded toward the target to ever finer steps (20,000 before 23,117), then
 * halfway. Every candidate is strictly closer to the target or a rounder number no farther
 * away, so a shrinker that only ever accepts candidates always ends.
 */

const STEPS = [10_000, 5_000, 1_000, 500, 100, 50, 10, 5, 1, 0.5, 0.1, 0.05, 0.01];

export function simplerValues(value: number, target: number, integer: boolean): number[] {
  if (value === target) return [];
  const out: number[] = [target];
  const gap = value - target;
  for (const step of STEPS) {
    if (integer && step < 1) break;
    const rounded = target + Math.trunc(gap / step) * step;
    const clean = integer ? Math.round(rounded) : Math.round(rounded * 100) / 100;
    if (clean !== value && !out.includes(clean)) out.push(clean);
  }
  const half = target + (integer ? Math.trunc(gap / 2) : Math.round((gap / 2) * 100) / 100);
  if (half !== value && !out.includes(half)) out.push(half);
  return out;
}
