import { type MouseEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { RunView } from '../store/compute.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { CauseMarkers } from './CauseMarkers.tsx';
import { CursorLine } from './CursorLine.tsx';
import { FaultMarkers } from './FaultMarkers.tsx';
import { timeScale } from './frame.ts';
import { LaneLabels } from './LaneLabels.tsx';
import { causeMarks } from './overlayMarks.ts';
import { ownerColors } from './palette.ts';
import { type PaintInput, PlotPainter } from './plotPainter.ts';
import { plotGeometry } from './plotGeometry.ts';
import { RealFaultMarks } from './RealFaultMarks.tsx';
import { realFaultMarks } from './realFaultMarks.ts';
import { TimelineLegend } from './TimelineLegend.tsx';
import { timelineModel } from './timelineModel.ts';
import { useZoomBrush } from './useZoomBrush.ts';
import { ViolationBands } from './ViolationBands.tsx';
import { type Domain, fullDomain, zoomedDomain } from './viewDomain.ts';
import './timeline.css';

/** Height of the overview strip under the plot, in CSS px. */
const OVERVIEW_PX = 34;

/**
 * The space-time diagram: one lane per process on a true-time axis, marks on a canvas
 * (timelineModel → draw*), the things one interacts with or tests look for in an SVG on
 * top (violation bands, fault markers, the cursor, highlighted causes), a brushable overview
 * underneath. Fills its parent.
 */
export function Timeline({ store }: { store: PlaygroundStore }) {
  const run = useStore(store, (s) => s.run);
  const scenario = useStore(store, (s) => s.scenario);
  if (run === null || scenario === null) {
    return (
      <div className="tl tl-empty" data-testid="timeline">
        No run to show.
      </div>
    );
  }
  return <TimelineView store={store} run={run} scenario={scenario} />;
}

function TimelineView({ store, run, scenario }: { store: PlaygroundStore; run: RunView; scenario: Scenario }) {
  // Another example, or the other trace source (the simulation, a real run), shows the whole run again.
  const viewKey = useStore(store, (s) => `${s.exampleId}|${s.source === 'real' ? (s.real?.key ?? '') : 'simulated'}`);
  const cursorMs = useStore(store, (s) => s.cursor.t);
  const playing = useStore(store, (s) => s.playing);
  const selected = useStore(store, (s) => s.selected);
  const real = useStore(store, (s) => s.source === 'real');
  const highlight = useStore(store, (s) => s.highlight);
  const theme = useStore(store, (s) => s.theme);

  const model = useMemo(() => timelineModel(scenario, run.trace, run.verdict), [scenario, run]);
  const rowOf = useMemo(() => new Map(model.lanes.map((l) => [l.id, l.row])), [model]);
  const realFaults = useMemo(() => (real ? realFaultMarks(run.trace) : []), [real, run.trace]);
  const clientSlots = useMemo(() => new Map(scenario.clients.map((c, i) => [c.id, i])), [scenario]);

  const plotBox = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = plotBox.current;
    if (el === null) return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect !== undefined) setSize({ w: Math.floor(rect.width), h: Math.floor(rect.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const geometry = useMemo(() => plotGeometry(model.lanes, size.w, size.h), [model.lanes, size]);

  const plotCanvas = useRef<HTMLCanvasElement>(null);
  const overviewCanvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<PlotPainter | null>(null);
  useEffect(() => {
    if (plotCanvas.current === null || overviewCanvas.current === null) return;
    const p = new PlotPainter(plotCanvas.current, overviewCanvas.current);
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
    };
  }, []);

  const [domain, setDomain] = useState<Domain>(() => fullDomain(model.endMs));
  const domainRef = useRef(domain);
  const inputs = useRef<PaintInput | null>(null);
  const onDomain = useCallback((d: Domain) => {
    domainRef.current = d;
    // Paint straight away (next frame), without waiting for React; the overlay follows on render.
    if (inputs.current !== null) {
      inputs.current = { ...inputs.current, domain: d };
      painter.current?.update(inputs.current);
    }
    setDomain(d);
  }, []);

  const [plotSvg, setPlotSvg] = useState<SVGSVGElement | null>(null);
  const [brushGroup, setBrushGroup] = useState<SVGGElement | null>(null);
  const view = useZoomBrush({
    plot: plotSvg,
    brush: brushGroup,
    widthPx: size.w,
    heightPx: size.h,
    overviewHeightPx: OVERVIEW_PX,
    endMs: model.endMs,
    resetKey: viewKey,
    onDomain,
  });

  useEffect(() => {
    inputs.current = {
      model,
      geometry,
      domain: domainRef.current,
      cursorMs,
      selected,
      theme,
      overviewWidthPx: size.w,
      overviewHeightPx: OVERVIEW_PX,
    };
    if (size.w > 0 && size.h > 0) painter.current?.update(inputs.current);
  }, [model, geometry, cursorMs, selected, theme, size]);

  // While playing zoomed in, page the view along so the cursor stays in sight.
  useEffect(() => {
    if (!playing) return;
    const [from, to] = view.current();
    const span = to - from;
    if (span >= model.endMs * 0.999 || (cursorMs >= from && cursorMs <= to)) return;
    view.show([cursorMs - span * 0.05, cursorMs + span * 0.95]);
  }, [playing, cursorMs, model.endMs, view]);

  const [fromMs, toMs] = domain;
  const x = useMemo(() => timeScale(fromMs, toMs, Math.max(1, size.w)), [fromMs, toMs, size.w]);
  const msAt = useCallback((clientX: number) => {
    const rect = plotBox.current?.getBoundingClientRect();
    const [from, to] = domainRef.current;
    if (rect === undefined || rect.width <= 0) return from;
    return from + ((clientX - rect.left) / rect.width) * (to - from);
  }, []);
  const seek = useCallback((t: number) => store.getState().seek(Math.round(t)), [store]);
  const onPlotClick = (e: MouseEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest('[data-no-zoom]') !== null) return;
    seek(msAt(e.clientX));
  };
  const zoomBy = (factor: number) => {
    const [from, to] = view.current();
    const centre = cursorMs >= from && cursorMs <= to ? cursorMs : (from + to) / 2;
    view.show(zoomedDomain([from, to], factor, centre, model.endMs));
  };

  const causes = useMemo(() => (highlight === null ? [] : causeMarks(run.trace, highlight.indices, model)), [highlight, run.trace, model]);
  const overviewX = (t: number) => (t / Math.max(1, model.endMs)) * size.w;
  const ready = size.w > 0 && size.h > 0;

  return (
    <div className="tl" data-testid="timeline">
      <div className="tl-bar">
        <TimelineLegend />
        <div className="tl-zoom">
          <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(0.5)}>
            −
          </button>
          <button type="button" aria-label="Zoom in" title="Zoom in (around the cursor)" onClick={() => zoomBy(2)}>
            +
          </button>
          <button
            type="button"
            aria-label="Show the whole run"
            title="Show the whole run"
            onClick={() => view.show(fullDomain(model.endMs))}
          >
            Fit
          </button>
        </div>
      </div>
      <div className="tl-main">
        <LaneLabels
          model={model}
          boxes={geometry.boxes}
          ownerColours={ownerColors(theme)}
          clientSlots={clientSlots}
          cursorMs={cursorMs}
          selected={selected}
          onSelect={(id) => store.getState().select(id)}
        />
        <div className="tl-plot" ref={plotBox}>
          <canvas ref={plotCanvas} className="tl-canvas" data-testid="timeline-canvas" />
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the cursor slider is the keyboard's way to move the cursor */}
          <svg
            ref={setPlotSvg}
            className="tl-overlay"
            width={size.w}
            height={size.h}
            aria-label="Timeline: click to move the cursor, wheel to zoom, drag to pan"
            data-testid="timeline-plot"
            onClick={onPlotClick}
          >
            <rect className="tl-hit" x={0} y={0} width={size.w} height={size.h} />
            {ready && (
              <>
                <ViolationBands model={model} geometry={geometry} x={x} cursorMs={cursorMs} />
                {highlight !== null && <CauseMarkers marks={causes} geometry={geometry} x={x} label={highlight.label} />}
                {/* The cursor under the fault markers: a fault injected at the cursor must stay draggable. */}
                <CursorLine
                  cursorMs={cursorMs}
                  endMs={model.endMs}
                  geometry={geometry}
                  x={x}
                  msAt={msAt}
                  spanMs={toMs - fromMs}
                  onSeek={seek}
                />
                {real ? (
                  // A real run's faults are what happened (read from its trace), not the scenario's draggable entries.
                  <RealFaultMarks marks={realFaults} geometry={geometry} rowOf={rowOf} x={x} cursorMs={cursorMs} />
                ) : (
                  <FaultMarkers
                    store={store}
                    markers={model.faults}
                    geometry={geometry}
                    rowOf={rowOf}
                    x={x}
                    msAt={msAt}
                    durationMs={scenario.durationMs}
                    cursorMs={cursorMs}
                  />
                )}
              </>
            )}
          </svg>
        </div>
      </div>
      <div className="tl-overview-row">
        <span className="tl-overview-label">Overview</span>
        <div className="tl-overview" style={{ height: OVERVIEW_PX }}>
          <canvas ref={overviewCanvas} />
          <svg
            width={size.w}
            height={OVERVIEW_PX}
            aria-label="Overview of the whole run: drag to choose the visible range"
            data-testid="timeline-overview"
          >
            <line className="tl-cursor" x1={overviewX(cursorMs)} x2={overviewX(cursorMs)} y1={0} y2={OVERVIEW_PX} />
            <g ref={setBrushGroup} className="tl-brush" />
          </svg>
        </div>
      </div>
    </div>
  );
}
