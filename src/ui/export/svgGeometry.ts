import { type LaneBox, laneLayout } from '../timeline/laneLayout.ts';
import type { Strip } from '../timeline/plotGeometry.ts';
import type { TimelineModel } from '../timeline/timelineModel.ts';
import type { ExportPalette } from './exportPalette.ts';

/** Fixed parts of the exported picture, in px (the SVG's user units). */
export const PAD_PX = 16;
export const HEADER_PX = 44;
export const LABEL_COLUMN_PX = 150;
export const TOP_ROW_PX = 18;
/** A node's or client's lane; a service lane (sentinel, storage) gets the same share as on the page. */
export const LANE_PX = 44;
export const AXIS_PX = 22;
export const LEGEND_PX = 26;
export const WIDTH_PX_MIN = 480;
export const WIDTH_PX_MAX = 8000;

/** Where everything sits, in absolute document coordinates. */
export interface SvgGeometry {
  widthPx: number;
  heightPx: number;
  plotLeft: number;
  plotRight: number;
  topRow: Strip;
  /** Indexed by lane row. */
  boxes: LaneBox[];
  lanesTop: number;
  lanesBottom: number;
  axisY: number;
  legendY: number;
}

/** The picture's layout for these lanes at this width: its height follows from the number of lanes. */
export function svgGeometry(lanes: TimelineModel['lanes'], widthPx: number): SvgGeometry {
  const width = Math.round(Math.min(WIDTH_PX_MAX, Math.max(WIDTH_PX_MIN, Number.isFinite(widthPx) ? widthPx : WIDTH_PX_MIN)));
  const topRowY = PAD_PX + HEADER_PX;
  const lanesTop = topRowY + TOP_ROW_PX;
  const weight = lanes.reduce((sum, l) => sum + (l.kind === 'service' ? 0.6 : 1), 0);
  const lanesHeight = Math.round(weight * LANE_PX);
  const boxes = laneLayout(lanes, lanesTop, lanesHeight);
  const lanesBottom = lanesTop + lanesHeight;
  return {
    widthPx: width,
    heightPx: lanesBottom + AXIS_PX + LEGEND_PX + PAD_PX,
    plotLeft: PAD_PX + LABEL_COLUMN_PX,
    plotRight: width - PAD_PX,
    topRow: { y: topRowY, height: TOP_ROW_PX },
    boxes,
    lanesTop,
    lanesBottom,
    axisY: lanesBottom,
    legendY: lanesBottom + AXIS_PX,
  };
}

/** Everything a layer needs to write its marks. */
export interface SvgFrame {
  model: TimelineModel;
  geometry: SvgGeometry;
  palette: ExportPalette;
  fromMs: number;
  toMs: number;
  /** True ms → x in the document, held near the plot (marks far outside are clipped anyway). */
  x: (t: number) => number;
  /** The same scale without the clamp (for spacing decisions, where clamped marks would all look alike). */
  xFree: (t: number) => number;
}

/** The time scale [fromMs, toMs] → [plotLeft, plotRight], unclamped. */
export function svgTimeScale(g: SvgGeometry, fromMs: number, toMs: number): (t: number) => number {
  const k = (g.plotRight - g.plotLeft) / Math.max(1e-9, toMs - fromMs);
  return (t) => g.plotLeft + (t - fromMs) * k;
}

/** A scale held within 16 px of the plot: marks far outside it (clipped anyway) keep small coordinates. */
export function clamped(g: SvgGeometry, x: (t: number) => number): (t: number) => number {
  const lo = g.plotLeft - 16;
  const hi = g.plotRight + 16;
  return (t) => {
    const v = x(t);
    return v < lo ? lo : v > hi ? hi : v;
  };
}

/** The vertical centre of a lane. */
export function centreOf(box: LaneBox): number {
  return box.y + box.height / 2;
}
