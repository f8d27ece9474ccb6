import { type KeyboardEvent, type PointerEvent, useLayoutEffect, useRef } from 'react';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { FaultMarker } from './faultMarkers.ts';
import type { PlotGeometry } from './plotGeometry.ts';

export interface FaultMarkersProps {
  store: PlaygroundStore;
  markers: readonly FaultMarker[];
  geometry: PlotGeometry;
  rowOf: ReadonlyMap<string, number>;
  x: (t: number) => number;
  /** The true time under a pointer's clientX. */
  msAt: (clientX: number) => number;
  durationMs: number;
  cursorMs: number;
}

interface Drag {
  i: number;
  startX: number;
  started: boolean;
  atMs: number;
  pending: number | null;
  frame: number;
}

/** Pointer travel before a press on a marker becomes a drag (a plain click only focuses it). */
const DRAG_THRESHOLD_PX = 3;

/**
 * The scenario's faults as sliders on their lanes (partitions and heals across the top).
 * Drag one and the run follows live (moveFault 'start', 'move'…, 'end'); arrows move it by
 * 100 ms (shift: 1 s); Delete removes it. Keys handled here stop, so the page's own arrow
 * keys (step through the trace) do not fire as well.
 */
export function FaultMarkers({ store, markers, geometry: g, rowOf, x, msAt, durationMs, cursorMs }: FaultMarkersProps) {
  const drag = useRef<Drag | null>(null);
  const group = useRef<SVGGElement>(null);
  const focusAfter = useRef<number | null>(null);

  // After a move re-sorted the timeline, keep the keyboard focus on the fault that moved.
  useLayoutEffect(() => {
    const i = focusAfter.current;
    if (i === null) return;
    focusAfter.current = null;
    group.current?.querySelector<SVGGElement>(`[data-fault-index="${i}"]`)?.focus();
  });

  const clamp = (t: number) => Math.min(durationMs, Math.max(0, Math.round(t)));

  /** Ends a move: the store re-sorts the timeline; find where the moved entry went. */
  const finish = (i: number, atMs: number) => {
    const moved = store.getState().scenario?.timeline[i];
    store.getState().moveFault(i, atMs, 'end');
    const j = moved === undefined ? -1 : (store.getState().scenario?.timeline.indexOf(moved) ?? -1);
    focusAfter.current = j >= 0 ? j : i;
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, m: FaultMarker) => {
    const direction = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : 0;
    if (direction !== 0) {
      e.preventDefault();
      e.stopPropagation();
      const atMs = clamp(m.atMs + direction * (e.shiftKey ? 1000 : 100));
      if (atMs === m.atMs) return;
      store.getState().moveFault(m.i, atMs, 'start');
      finish(m.i, atMs);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      store.getState().removeFault(m.i);
      const next = Math.min(m.i, markers.length - 2);
      focusAfter.current = next >= 0 ? next : null;
    }
  };

  const onPointerDown = (e: PointerEvent<SVGGElement>, m: FaultMarker) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { i: m.i, startX: e.clientX, started: false, atMs: m.atMs, pending: null, frame: 0 };
  };

  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    const d = drag.current;
    if (d === null) return;
    if (!d.started && Math.abs(e.clientX - d.startX) < DRAG_THRESHOLD_PX) return;
    const atMs = clamp(msAt(e.clientX));
    if (!d.started) {
      d.started = true;
      d.atMs = atMs;
      store.getState().moveFault(d.i, atMs, 'start');
      return;
    }
    // Each move re-runs the scenario: at most one per animation frame, the latest position.
    d.pending = atMs;
    if (d.frame === 0) {
      d.frame = requestAnimationFrame(() => {
        d.frame = 0;
        if (d.pending !== null && d.pending !== d.atMs) {
          d.atMs = d.pending;
          store.getState().moveFault(d.i, d.atMs, 'move');
        }
        d.pending = null;
      });
    }
  };

  const onPointerUp = (e: PointerEvent<SVGGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (d === null || !d.started) return;
    if (d.frame !== 0) cancelAnimationFrame(d.frame);
    if (d.pending !== null && d.pending !== d.atMs) {
      d.atMs = d.pending;
      store.getState().moveFault(d.i, d.atMs, 'move');
    }
    finish(d.i, d.atMs);
  };

  return (
    <g ref={group} className="tl-faults">
      {markers.map((m) => {
        const row = m.lane === null ? undefined : rowOf.get(m.lane);
        const box = row === undefined ? undefined : g.boxes[row];
        const top = box === undefined ? g.topRow.y : box.y;
        const height = box === undefined ? g.topRow.height : box.height;
        return (
          <g
            key={m.i}
            data-fault-index={m.i}
            data-testid="fault-marker"
            data-no-zoom=""
            role="slider"
            tabIndex={0}
            aria-label={m.label}
            aria-valuemin={0}
            aria-valuemax={durationMs}
            aria-valuenow={m.atMs}
            aria-valuetext={`${m.atMs} ms`}
            className={`tl-fault${m.atMs > cursorMs ? ' tl-future' : ''}`}
            transform={`translate(${x(m.atMs).toFixed(1)},0)`}
            onPointerDown={(e) => onPointerDown(e, m)}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={(e) => onKeyDown(e, m)}
          >
            <title>{`${m.label}: ${m.detail}. Drag it, or use the arrow keys (shift: 1 s); Delete removes it.`}</title>
            <rect className="tl-fault-hit" x={-6} y={top} width={12} height={height} />
            <line className="tl-fault-line" x1={0} x2={0} y1={top} y2={top + height} />
            <path className="tl-fault-handle" d={`M0,${top}l6,6l-6,6l-6,-6z`} />
          </g>
        );
      })}
    </g>
  );
}
