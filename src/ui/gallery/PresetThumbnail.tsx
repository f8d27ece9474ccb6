import type { Preview } from './previewOf.ts';
import { type MarkLine, thumbnailMarks } from './thumbnailMarks.ts';

/** The thumbnail's size: about the width of a card, three lanes tall. */
export const THUMBNAIL_WIDTH_PX = 200;
export const THUMBNAIL_HEIGHT_PX = 56;

/** Many thin vertical lines as one path: busy runs have hundreds of attempt ticks. */
function linesPath(lines: readonly MarkLine[]): string {
  return lines.map((l) => `M${l.xPx} ${l.y1Px}V${l.y2Px}`).join('');
}

/**
 * A run at a glance: a lane per lock client with its beliefs (bars) and attempts (ticks),
 * violations as red bands, scripted faults as markers from the top, stale and rejected
 * writes as ticks along the bottom. Decorative (aria-hidden): the card says the verdict in words.
 * Colours are the theme's CSS variables (gallery.css), so it follows light and dark.
 */
export function PresetThumbnail({ preview }: { preview: Preview }) {
  const marks = thumbnailMarks(preview, THUMBNAIL_WIDTH_PX, THUMBNAIL_HEIGHT_PX);
  return (
    <svg
      className="gallery-thumb"
      viewBox={`0 0 ${marks.widthPx} ${marks.heightPx}`}
      width={marks.widthPx}
      height={marks.heightPx}
      aria-hidden="true"
      focusable="false"
    >
      {marks.lanes.map((lane) => (
        <g key={lane.client}>
          <line className="gallery-thumb-lane" x1={marks.plotLeftPx} x2={marks.plotRightPx} y1={lane.yPx} y2={lane.yPx} />
          <text className="gallery-thumb-label" x={lane.labelXPx} y={lane.yPx} dominantBaseline="central">
            {lane.client}
          </text>
        </g>
      ))}
      {marks.violations.map((r) => (
        <rect key={`v${r.xPx}`} className="gallery-thumb-violation" x={r.xPx} y={r.yPx} width={r.widthPx} height={r.heightPx} />
      ))}
      <path className="gallery-thumb-attempt" d={linesPath(marks.attempts)} />
      {marks.beliefs.map((r) => (
        <rect
          key={`b${r.xPx},${r.yPx}`}
          className="gallery-thumb-belief"
          x={r.xPx}
          y={r.yPx}
          width={r.widthPx}
          height={r.heightPx}
          rx={1}
        />
      ))}
      {marks.faults.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two faults may share a time; the timeline's order is fixed
        <g key={i} className="gallery-thumb-fault" data-kind={f.kind}>
          <line x1={f.xPx} x2={f.xPx} y1={f.y1Px} y2={f.y2Px} />
          <path d={`M${f.xPx - 2.5} 0H${f.xPx + 2.5}L${f.xPx} 4Z`} />
        </g>
      ))}
      <path className="gallery-thumb-stale" d={linesPath(marks.staleWrites)} />
      <path className="gallery-thumb-rejected" d={linesPath(marks.rejectedWrites)} />
    </svg>
  );
}
