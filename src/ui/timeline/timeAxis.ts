import { scaleLinear } from 'd3';

export interface AxisTick {
  t: number;
  label: string;
}

/**
 * Tick positions and labels for the visible range: seconds (with the decimals the step needs)
 * while ticks are 100 ms or more apart; plain ms when zoomed in closer.
 */
export function timeTicks(fromMs: number, toMs: number, count: number): AxisTick[] {
  const ticks = scaleLinear().domain([fromMs, toMs]).ticks(Math.max(2, count));
  const stepMs = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : Math.max(1, toMs - fromMs);
  return ticks.map((t) => ({ t, label: formatTickMs(t, stepMs) }));
}

export function formatTickMs(t: number, stepMs: number): string {
  if (stepMs < 100) return `${t} ms`;
  // As few decimals as show the step exactly: 5000 → "5 s", 200 → "31.2 s", 250 → "0.25 s".
  let decimals = 0;
  while (decimals < 3 && Math.abs(Math.round((stepMs / 1000) * 10 ** decimals) - (stepMs / 1000) * 10 ** decimals) > 1e-6) decimals++;
  return `${(t / 1000).toFixed(decimals)} s`;
}
