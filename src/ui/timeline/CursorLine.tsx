import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import type { PlotGeometry } from './plotGeometry.ts';

export interface CursorLineProps {
  cursorMs: number;
  endMs: number;
  geometry: PlotGeometry;
  x: (t: number) => number;
  msAt: (clientX: number) => number;
  /** The visible range's length: keyboard steps are a share of it. */
  spanMs: number;
  onSeek: (t: number) => void;
}

/**
 * The cursor: a line at the time shown, draggable (a wide invisible hit strip) and a
 * slider for the keyboard (arrows: 1% of the visible range, Page keys 10%, Home/End).
 * The axis strip under the plot also scrubs.
 */
export function CursorLine({ cursorMs, endMs, geometry: g, x, msAt, spanMs, onSeek }: CursorLineProps) {
  const dragging = useRef(false);
  const cx = x(cursorMs);

  const down = (e: PointerEvent<SVGElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
    onSeek(msAt(e.clientX));
  };
  const move = (e: PointerEvent<SVGElement>) => {
    if (dragging.current) onSeek(msAt(e.clientX));
  };
  const up = (e: PointerEvent<SVGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const key = (e: KeyboardEvent<SVGElement>) => {
    const small = Math.max(1, Math.round(spanMs / 100));
    const steps: Record<string, number> = {
      ArrowLeft: -small,
      ArrowDown: -small,
      ArrowRight: small,
      ArrowUp: small,
      PageDown: -10 * small,
      PageUp: 10 * small,
    };
    let target: number | null = null;
    if (e.key in steps) target = cursorMs + (steps[e.key] as number);
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = endMs;
    if (target === null) return;
    e.preventDefault();
    e.stopPropagation();
    onSeek(Math.min(endMs, Math.max(0, target)));
  };

  return (
    <g className="tl-cursor-group">
      <rect
        className="tl-scrub"
        data-no-zoom=""
        data-testid="timeline-axis"
        x={0}
        y={g.axis.y}
        width={g.widthPx}
        height={g.axis.height}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      >
        <title>Click or drag on the time axis to move the cursor</title>
      </rect>
      <line className="tl-cursor" x1={cx} x2={cx} y1={0} y2={g.axis.y + g.axis.height} />
      <g
        data-testid="timeline-cursor"
        data-no-zoom=""
        role="slider"
        tabIndex={0}
        aria-label="Cursor"
        aria-valuemin={0}
        aria-valuemax={endMs}
        aria-valuenow={Math.round(cursorMs)}
        aria-valuetext={`${Math.round(cursorMs)} ms`}
        className="tl-cursor-handle"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onKeyDown={key}
      >
        <rect className="tl-cursor-hit" x={cx - 5} y={0} width={10} height={g.axis.y + g.axis.height} />
        <path className="tl-cursor-knob" d={`M${cx - 6},0h12l-6,8z`} />
      </g>
    </g>
  );
}
