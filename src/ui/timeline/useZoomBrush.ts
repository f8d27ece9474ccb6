import {
  type BrushBehavior,
  brushX,
  type D3BrushEvent,
  type D3ZoomEvent,
  pointer,
  select,
  type ZoomBehavior,
  zoom,
  zoomIdentity,
} from 'd3';
import { useCallback, useEffect, useRef } from 'react';
import { clampDomain, type Domain, domainOf, fullDomain, MIN_SPAN_MS, transformFor } from './viewDomain.ts';

export interface ZoomBrushOptions {
  /** The plot's overlay: wheel zooms, drag pans (d3-zoom). */
  plot: SVGSVGElement | null;
  /** The overview's brush group (d3-brush). */
  brush: SVGGElement | null;
  widthPx: number;
  heightPx: number;
  overviewHeightPx: number;
  endMs: number;
  /** Changes when another scenario is loaded: the view goes back to the whole run. */
  resetKey: string;
  /** Called with each new visible range (every zoom or brush step). */
  onDomain: (domain: Domain) => void;
}

export interface ZoomBrush {
  /** Shows a range (buttons, playback following the cursor); the brush follows. */
  show: (domain: Domain) => void;
  current: () => Domain;
}

/**
 * The main plot's d3-zoom and the overview's d3-brush, kept in step: zooming moves the
 * brush, brushing sets the zoom. One source of truth, the visible range; d3 keeps its own
 * transform on the element, which is re-derived from the range whenever the size or the run changes.
 */
export function useZoomBrush(o: ZoomBrushOptions): ZoomBrush {
  const domainRef = useRef<Domain>(fullDomain(o.endMs));
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const brushRef = useRef<BrushBehavior<unknown> | null>(null);
  const syncing = useRef(false);
  const resetRef = useRef<string | null>(null);
  const endRef = useRef(o.endMs);
  const onDomainRef = useRef(o.onDomain);
  onDomainRef.current = o.onDomain;
  const { plot, brush: brushGroup, widthPx, heightPx, overviewHeightPx, endMs, resetKey } = o;

  const show = useCallback(
    (domain: Domain) => {
      const z = zoomRef.current;
      if (plot === null || z === null) return;
      const t = transformFor(clampDomain(domain, endMs), endMs, widthPx);
      select(plot).call(z.transform, zoomIdentity.translate(t.x, 0).scale(t.k));
    },
    [plot, endMs, widthPx],
  );

  useEffect(() => {
    if (plot === null || brushGroup === null || widthPx <= 0 || heightPx <= 0) return;
    if (resetRef.current !== resetKey) {
      resetRef.current = resetKey;
      domainRef.current = fullDomain(endMs);
    } else if (endRef.current !== endMs && isWhole(domainRef.current, endRef.current)) {
      // The run grew (a real run streaming in) while the whole of it was in view: keep showing all of it.
      domainRef.current = fullDomain(endMs);
    }
    endRef.current = endMs;
    const toPx = (t: number) => (t / Math.max(1, endMs)) * widthPx;
    const toMs = (px: number) => (px / widthPx) * Math.max(1, endMs);
    const b = brushX<unknown>()
      .extent([
        [0, 0],
        [widthPx, overviewHeightPx],
      ])
      .on('brush end', (event: D3BrushEvent<unknown>) => {
        if (syncing.current || event.sourceEvent === null || event.sourceEvent === undefined) return;
        const s = event.selection as [number, number] | null;
        let next: Domain;
        if (s === null) {
          // A click on the overview: the same span, centred where it was clicked.
          const [px] = pointer(event.sourceEvent, brushGroup);
          const [from, to] = domainRef.current;
          const centre = toMs(px);
          next = clampDomain([centre - (to - from) / 2, centre + (to - from) / 2], endMs);
          syncing.current = true;
          show(next);
          select(brushGroup).call(b.move, [toPx(next[0]), toPx(next[1])]);
          syncing.current = false;
          return;
        }
        next = [toMs(s[0]), toMs(s[1])];
        syncing.current = true;
        show(next);
        syncing.current = false;
      });
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, Math.max(1, endMs / MIN_SPAN_MS)])
      .extent([
        [0, 0],
        [widthPx, heightPx],
      ])
      .translateExtent([
        [0, 0],
        [widthPx, heightPx],
      ])
      // d3's default filter; a press on a control of the plot (fault marker, cursor, axis) drags that control instead; the wheel zooms anywhere.
      .filter(
        (event: MouseEvent) =>
          (!event.ctrlKey || event.type === 'wheel') &&
          !event.button &&
          (event.type === 'wheel' || (event.target as Element).closest?.('[data-no-zoom]') === null),
      )
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const next = domainOf(event.transform, endMs, widthPx);
        domainRef.current = next;
        onDomainRef.current(next);
        if (!syncing.current) {
          syncing.current = true;
          // The whole run in view: no selection, so a drag on the overview draws a new one (a full one could only be moved).
          const whole = event.transform.k <= 1.000001;
          select(brushGroup).call(b.move, whole ? null : [toPx(next[0]), toPx(next[1])]);
          syncing.current = false;
        }
      });
    zoomRef.current = z;
    brushRef.current = b;
    select(brushGroup).call(b);
    const plotSel = select(plot).call(z);
    const t = transformFor(clampDomain(domainRef.current, endMs), endMs, widthPx);
    plotSel.call(z.transform, zoomIdentity.translate(t.x, 0).scale(t.k));
    return () => {
      plotSel.on('.zoom', null);
      select(brushGroup).on('.brush', null);
    };
  }, [plot, brushGroup, widthPx, heightPx, overviewHeightPx, endMs, resetKey, show]);

  const current = useCallback(() => domainRef.current, []);
  return { show, current };
}

/** Whether a view shows the whole run [0, endMs] (as "Fit" leaves it). */
function isWhole([fromMs, toMs]: Domain, endMs: number): boolean {
  return fromMs <= 0 && toMs >= Math.max(1, endMs) * 0.999;
}
