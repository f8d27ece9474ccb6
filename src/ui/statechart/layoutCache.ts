import type { Statechart } from '../../lock/statechart.ts';
import { layoutStatechart, MIN_WIDTH_PX, type StatechartLayout } from './layoutStatechart.ts';

/** Widths are rounded down to this step, so a panel resize re-lays out a chart only now and then. */
const WIDTH_STEP_PX = 20;

const cache = new Map<string, StatechartLayout>();

export function layoutWidth(availablePx: number): number {
  return Math.max(MIN_WIDTH_PX, Math.floor(availablePx / WIDTH_STEP_PX) * WIDTH_STEP_PX);
}

/** The layout of a machine's chart at a (rounded) width, computed once and kept. */
export function cachedLayout(chart: Statechart, availablePx: number): StatechartLayout {
  const width = layoutWidth(availablePx);
  const key = `${chart.name}@${width}`;
  let layout = cache.get(key);
  if (layout === undefined) {
    layout = layoutStatechart(chart, width);
    cache.set(key, layout);
  }
  return layout;
}
