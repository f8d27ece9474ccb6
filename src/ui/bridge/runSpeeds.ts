/**
 * The speeds a real run can go at: scenario milliseconds per wall-clock millisecond
 * (start-run's `speed`, 0.1–10). ×0.5 stretches every time (TTLs, delays, pauses) to twice
 * as long, to watch it live; ×10 replays a minute in six seconds.
 */
export const RUN_SPEEDS = [0.5, 1, 2, 5, 10] as const;
export const DEFAULT_RUN_SPEED = 1;

/**
 * Restarts, Sentinel's failure detection and promotion take their real time whatever the
 * speed: at a high speed the scenario's clients move on before they finish, so the real
 * verdict can differ from the simulation's for that reason alone.
 */
export const SPEED_NOTE =
  'Speed is scenario ms per wall-clock ms. Restarts and failovers take real time whatever the speed, so high speeds can change the verdict.';

export function speedLabel(speed: number): string {
  return `×${speed}`;
}

/** How long the run takes on the wall clock: "60 s at ×1", "6 s at ×10". */
export function wallDurationText(durationMs: number, speed: number): string {
  const seconds = durationMs / speed / 1000;
  return `about ${seconds >= 10 ? Math.round(seconds) : seconds.toFixed(1)} s on the wall clock`;
}
