import { type LaneBox, laneLayout } from './laneLayout.ts';
import type { Lane } from './lanes.ts';

/** Heights of the plot's fixed strips, in CSS px. */
export const TOP_ROW_PX = 16;
export const AXIS_PX = 18;

export interface Strip {
  y: number;
  height: number;
}

/** The main plot's vertical layout: a row for partitions and the faults that affect everyone, the lanes, the time axis. */
export interface PlotGeometry {
  widthPx: number;
  heightPx: number;
  topRow: Strip;
  /** Indexed by lane row. */
  boxes: LaneBox[];
  lanesTop: number;
  lanesBottom: number;
  axis: Strip;
}

export function plotGeometry(lanes: readonly Lane[], widthPx: number, heightPx: number): PlotGeometry {
  const lanesHeight = Math.max(0, heightPx - TOP_ROW_PX - AXIS_PX);
  const boxes = laneLayout(lanes, TOP_ROW_PX, lanesHeight);
  return {
    widthPx,
    heightPx,
    topRow: { y: 0, height: TOP_ROW_PX },
    boxes,
    lanesTop: TOP_ROW_PX,
    lanesBottom: TOP_ROW_PX + lanesHeight,
    axis: { y: TOP_ROW_PX + lanesHeight, height: AXIS_PX },
  };
}
