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

/** The slider works on log10(speed), in tenths. */
export function speedFromSlider(value: number): number {
  return roundSpeed(10 ** value);
}

export function sliderFromSpeed(speed: number): number {
  return Math.log10(speed);
}

/** "×0.5 real time (500 ms/s)". */
export function describeSpeed(speed: number): string {
  const factor = speed / 1000;
  return `×${factor >= 1 ? factor.toFixed(0) : factor.toFixed(factor >= 0.1 ? 1 : 2)} real time`;
}
