import type { TimelineKind } from '../../sim/model/scenario.ts';
import type { Preview } from './previewOf.ts';

/** A rectangle in thumbnail pixels. */
export interface MarkRect {
  xPx: number;
  yPx: number;
  widthPx: number;
  heightPx: number;
}

/** A vertical line in thumbnail pixels. */
export interface MarkLine {
  xPx: number;
  y1Px: number;
  y2Px: number;
}

export interface ThumbnailMarks {
  widthPx: number;
  heightPx: number;
  /** Where time 0 and the run's end are drawn. */
  plotLeftPx: number;
  plotRightPx: number;
  /** One per lock client: its label and the lane's middle. */
  lanes: Array<{ client: string; yPx: number; labelXPx: number }>;
  beliefs: MarkRect[];
  attempts: MarkLine[];
  violations: MarkRect[];
  faults: Array<MarkLine & { kind: TimelineKind }>;
  staleWrites: MarkLine[];
  rejectedWrites: MarkLine[];
}

/** Room for the client labels ("C1") on the left. */
const LABEL_WIDTH_PX = 18;
const RIGHT_PAD_PX = 2;
/** A strip above the lanes for the fault markers' heads, and one below for the writes. */
const TOP_STRIP_PX = 5;
const BOTTOM_STRIP_PX = 6;
/** The share of a lane a belief bar fills: the attempt ticks show above and below it. */
const BELIEF_SHARE = 0.56;
/** A very short belief still shows as a sliver rather than vanishing. */
const MIN_MARK_WIDTH_PX = 1;

const round = (px: number): number => Math.round(px * 10) / 10;

/** Lays a preview out on a widthPx × heightPx thumbnail (pure: data in, pixels out). */
export function thumbnailMarks(preview: Preview, widthPx: number, heightPx: number): ThumbnailMarks {
  const plotLeftPx = LABEL_WIDTH_PX;
  const plotWidthPx = Math.max(1, widthPx - LABEL_WIDTH_PX - RIGHT_PAD_PX);
  const lanesTopPx = TOP_STRIP_PX;
  const lanesBottomPx = Math.max(lanesTopPx + 1, heightPx - BOTTOM_STRIP_PX);
  const laneCount = Math.max(1, preview.rows.length);
  const laneHeightPx = (lanesBottomPx - lanesTopPx) / laneCount;
  const x = (fraction: number): number => round(plotLeftPx + fraction * plotWidthPx);
  const spanRect = (start: number, end: number, yPx: number, hPx: number): MarkRect => ({
    xPx: x(start),
    yPx: round(yPx),
    widthPx: round(Math.max(MIN_MARK_WIDTH_PX, (end - start) * plotWidthPx)),
    heightPx: round(hPx),
  });

  const lanes: ThumbnailMarks['lanes'] = [];
  const beliefs: MarkRect[] = [];
  const attempts: MarkLine[] = [];
  preview.rows.forEach((row, i) => {
    const laneTopPx = lanesTopPx + i * laneHeightPx;
    const middlePx = laneTopPx + laneHeightPx / 2;
    lanes.push({ client: row.client, yPx: round(middlePx), labelXPx: 1 });
    const barHeightPx = laneHeightPx * BELIEF_SHARE;
    for (const b of row.beliefs) beliefs.push(spanRect(b.start, b.end, middlePx - barHeightPx / 2, barHeightPx));
    for (const a of row.attempts) attempts.push({ xPx: x(a), y1Px: round(laneTopPx + 1), y2Px: round(laneTopPx + laneHeightPx - 1) });
  });

  const writeLine = (at: number): MarkLine => ({ xPx: x(at), y1Px: round(lanesBottomPx + 1), y2Px: round(heightPx) });
  return {
    widthPx,
    heightPx,
    plotLeftPx,
    plotRightPx: plotLeftPx + plotWidthPx,
    lanes,
    beliefs,
    attempts,
    violations: preview.violations.map((v) => spanRect(v.start, v.end, lanesTopPx, lanesBottomPx - lanesTopPx)),
    faults: preview.faults.map((f) => ({ xPx: x(f.at), y1Px: 0, y2Px: round(lanesBottomPx), kind: f.kind })),
    staleWrites: preview.staleWrites.map(writeLine),
    rejectedWrites: preview.rejectedWrites.map(writeLine),
  };
}
