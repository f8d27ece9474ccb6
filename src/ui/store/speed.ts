/**
 * Playback speed in simulated ms per real second, on a logarithmic scale: a 40 ms Redlock
 * acquisition and a 30 s Sentinel failover both need to be watchable.
 */
export const SPEED_MIN = 10;
export const SPEED_MAX = 100_000;

/** A run plays in about 20 s by default, at a round speed (1, 2 or 5 × a power of ten). */
export function defaultSpeed(durationMs: number): number {
  return roundSpeed(durationMs / 20);
}

export function roundSpeed(speed: number): number {
  const clamped = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
  const power = 10 ** Math.floor(Math.log10(clamped));
  const mantissa = clamped / power;
  const step = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return Math.min(SPEED_MAX, step * power);
}

/** The speeds the slider offers, 1–2–5 per decade: each arrow key press is one visible step. */
export const SPEED_STEPS: readonly number[] = (() => {
  const steps: number[] = [];
  for (let power = SPEED_MIN; power <= SPEED_MAX; power *= 10) for (const m of [1, 2, 5]) if (m * power <= SPEED_MAX) steps.push(m * power);
  return steps;
})();

export function speedFromSlider(position: number): number {
  const i = Math.min(SPEED_STEPS.length - 1, Math.max(0, Math.round(position)));
  return SPEED_STEPS[i] as number;
}

export function sliderFromSpeed(speed: number): number {
  const rounded = roundSpeed(speed);
  const i = SPEED_STEPS.indexOf(rounded);
  return i < 0 ? 0 : i;
}

/** "×0.5 real time (500 ms/s)". */
export function describeSpeed(speed: number): string {
  const factor = speed / 1000;
  return `×${factor >= 1 ? factor.toFixed(0) : factor.toFixed(factor >= 0.1 ? 1 : 2)} real time`;
}
