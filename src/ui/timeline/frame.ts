import type { Palette } from './palette.ts';
import type { PlotGeometry } from './plotGeometry.ts';
import type { TimelineModel } from './timelineModel.ts';

/** Everything one redraw of the main plot needs: the marks, the visible range and its scale, the layout, the colours. */
export interface Frame {
  model: TimelineModel;
  geometry: PlotGeometry;
  palette: Palette;
  fromMs: number;
  toMs: number;
  /** True ms → CSS px from the plot's left edge. */
  x: (t: number) => number;
  cursorMs: number;
  selected: string | null;
}

/** A linear time scale as a bare closure: called ~20k times a frame, so no d3 scale object. */
export function timeScale(fromMs: number, toMs: number, widthPx: number): (t: number) => number {
  const k = widthPx / Math.max(1e-9, toMs - fromMs);
  return (t) => (t - fromMs) * k;
}

/** Keeps coordinates of marks far off screen small (canvas paths with huge numbers are slow and imprecise). */
export function clampX(x: number, widthPx: number): number {
  return x < -64 ? -64 : x > widthPx + 64 ? widthPx + 64 : x;
}
