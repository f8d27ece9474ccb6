import { type KeyboardEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { clientMachine } from './clientMachine.ts';
import { StatechartDrawing } from './StatechartDrawing.tsx';
import { haltText, readStatechart } from './readStatechart.ts';
import { stateIndexAt } from './lastTransition.ts';
import { cachedLayout } from './layoutCache.ts';
import { focusRect, scrollTarget } from './scrollFocus.ts';
import './statechart.css';

/** Width the drawing is laid out for before the panel has been measured (the panel is ~340 px). */
const DEFAULT_WIDTH_PX = 320;

/**
 * Tracks an element's content width: the drawing is re-laid out to fill it, in the side panel
 * and in the enlarged overlay alike. While the element is hidden (its tab not chosen) it has no
 * width, and the last one measured is kept.
 */
function useContentWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH_PX);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The selected client's lock machine as a statechart: its current state lit and the
 * transition that brought it there highlighted, following the cursor. The store selectors
 * return the index of the client's last state change, so the drawing re-renders only when
 * the machine moves, not on every frame of playback.
 */
export function StatechartView({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const selected = useStore(store, (s) => s.selected);
  const trace = useStore(store, (s) => s.run?.trace ?? null);
  const select = useStore(store, (s) => s.select);
  const machine = useMemo(() => clientMachine(scenario, selected), [scenario, selected]);
  const client = machine.kind === 'machine' ? machine.client : null;
  const stateIndex = useStore(store, (s) => (client === null || s.run === null ? -1 : stateIndexAt(s.run.trace, client, s.cursor.index)));
  const halt = useStore(store, (s) => (client === null || s.run === null ? '' : haltText(s.run.trace, client, s.cursor.index, stateIndex)));
  const [allEdges, setAllEdges] = useState(false);
  const [enlarged, setEnlarged] = useState(false);
  const [scrollRef, widthPx] = useContentWidth();

  const chart = machine.kind === 'machine' ? machine.chart : null;
  const layout = useMemo(() => (chart === null ? null : cachedLayout(chart, widthPx)), [chart, widthPx]);
  const reading = useMemo(
    () => (chart === null || client === null || trace === null ? null : readStatechart(chart, trace, client, stateIndex)),
    [chart, client, trace, stateIndex],
  );

  // Keep the lit states in view as the machine moves (the drawing is taller than the panel).
  useEffect(() => {
    const view = scrollRef.current;
    if (view === null || layout === null || reading === null) return;
    const rect = focusRect(layout, reading.active, reading.takenFrom, view.clientHeight);
    const target = rect === null ? null : scrollTarget(rect, view);
    if (target !== null) view.scrollTo(target);
  }, [layout, reading, scrollRef]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && enlarged) {
      e.stopPropagation();
      setEnlarged(false);
    }
  };
  const clients = scenario?.clients ?? [];
  const isClient = clients.some((c) => c.id === selected);

  return (
    <section className={enlarged ? 'statechart enlarged' : 'statechart'} aria-label="Client statechart" onKeyDown={onKeyDown}>
      <div className="statechart-head">
        <h3 className="statechart-title" data-testid="statechart-title">
          {machine.kind === 'machine'
            ? `${machine.client} · ${machine.name}`
            : machine.kind === 'script'
              ? `${machine.client} · script`
              : 'Statechart'}
        </h3>
        <select
          aria-label="Client"
          value={isClient ? (selected ?? '') : ''}
          onChange={(e) => select(e.target.value === '' ? null : e.target.value)}
        >
          {!isClient && <option value="">(none)</option>}
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={allEdges}
          aria-label="Show all transitions"
          title="Show all transitions (otherwise only those out of the current state and the one just taken)"
          disabled={chart === null}
          onClick={() => setAllEdges(!allEdges)}
        >
          All
        </button>
        <button
          type="button"
          aria-pressed={enlarged}
          aria-label="Enlarge statechart"
          title={enlarged ? 'Back to the panel (Esc)' : 'Enlarge the statechart'}
          onClick={() => setEnlarged(!enlarged)}
        >
          {enlarged ? '✕' : '⤢'}
        </button>
      </div>
      {machine.kind === 'none' && <p className="statechart-note">Select a client to see its lock machine.</p>}
      {machine.kind === 'script' && (
        <p className="statechart-note" data-testid="statechart-note">
          {machine.client} sends a script of raw commands: it has no lock machine.
        </p>
      )}
      {reading !== null && (
        <dl className="statechart-reading">
          <dt>State</dt>
          <dd>
            <code data-testid="statechart-state">{reading.stateText}</code>
          </dd>
          <dt>Last</dt>
          <dd data-testid="statechart-transition">{reading.transitionText}</dd>
        </dl>
      )}
      {halt !== '' && (
        <p className="statechart-note statechart-halt" data-testid="statechart-halt">
          {halt}
        </p>
      )}
      <div className="statechart-scroll" ref={scrollRef}>
        {chart !== null && layout !== null && reading !== null && (
          <StatechartDrawing
            chart={chart}
            layout={layout}
            active={reading.active}
            taken={reading.taken}
            allEdges={allEdges}
            label={`Statechart of ${client} (${chart.name}), now in ${reading.stateText}`}
          />
        )}
      </div>
    </section>
  );
}
