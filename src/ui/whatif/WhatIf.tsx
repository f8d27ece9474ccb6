import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Fencing, Persistence, Scenario } from '../../sim/model/scenario.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store/playgroundStore.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { differences, withClockRate, withFencingMode, withoutTimelineEntry, withPersistenceAll } from './forkChanges.ts';
import './whatif.css';

/** A store of its own for one side of the comparison, opened on `scenario` at `cursorMs`. */
function sideStore(scenario: Scenario, cursorMs: number, theme: 'light' | 'dark', label: string): PlaygroundStore {
  const store = createPlaygroundStore('busy-redlock', theme);
  const error = store.getState().openDocument(scenario, label, cursorMs);
  if (error !== null) throw new Error(error);
  return store;
}

/** Keeps the two sides' cursors at the same time: moving one moves the other. */
function useLinkedCursors(a: PlaygroundStore, b: PlaygroundStore): void {
  useEffect(() => {
    const follow = (from: PlaygroundStore, to: PlaygroundStore) =>
      from.subscribe((s, prev) => {
        if (s.cursor.t !== prev.cursor.t && to.getState().cursor.t !== s.cursor.t) to.getState().seek(s.cursor.t);
      });
    const offA = follow(a, b);
    const offB = follow(b, a);
    return () => {
      offA();
      offB();
    };
  }, [a, b]);
}

/**
 * What if: the current scenario and a fork of it with one thing changed (fencing, persistence,
 * a fault removed, a clock's drift), run side by side on aligned timelines with both verdicts.
 * "Keep the fork" makes the fork the playground's scenario (undoable).
 */
export function WhatIf({ store, onClose }: { store: PlaygroundStore; onClose: () => void }) {
  const theme = useStore(store, (s) => s.theme);
  const [base, fork] = useMemo(() => {
    const { scenario, cursor } = store.getState();
    if (scenario === null) throw new Error('no scenario to fork');
    return [sideStore(scenario, cursor.t, theme, 'original'), sideStore(scenario, cursor.t, theme, 'fork')];
  }, [store, theme]);
  useLinkedCursors(base, fork);
  const baseScenario = useStore(base, (s) => s.scenario);
  const forkScenario = useStore(fork, (s) => s.scenario);
  const [error, setError] = useState<string | null>(null);
  if (baseScenario === null || forkScenario === null) return null;
  const change = (next: Scenario) => setError(fork.getState().replaceScenario(next));
  const changed = differences(baseScenario, forkScenario);
  return (
    <div className="whatif" data-testid="whatif">
      <form className="whatif-controls" aria-label="Change the fork" onSubmit={(e) => e.preventDefault()}>
        <label>
          Fencing
          <select
            aria-label="Fork fencing"
            value={forkScenario.fencing}
            onChange={(e) => change(withFencingMode(forkScenario, e.target.value as Fencing))}
          >
            <option value="none">none</option>
            <option value="token">token</option>
            <option value="cas">cas</option>
          </select>
        </label>
        <label>
          Persistence of every node
          <select
            aria-label="Fork persistence"
            value=""
            onChange={(e) => e.target.value !== '' && change(withPersistenceAll(forkScenario, e.target.value as Persistence))}
          >
            <option value="">as it is</option>
            <option value="none">none</option>
            <option value="aof-everysec">AOF everysec</option>
            <option value="aof-always">AOF always</option>
          </select>
        </label>
        <label>
          Remove a fault
          <select
            aria-label="Fork: remove a fault"
            value=""
            onChange={(e) => e.target.value !== '' && change(withoutTimelineEntry(forkScenario, Number(e.target.value)))}
          >
            <option value="">{forkScenario.timeline.length === 0 ? 'no faults' : 'choose…'}</option>
            {forkScenario.timeline.map((entry, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the entry's position is its identity here
              <option key={i} value={i}>
                {entry.kind} at {entry.atMs} ms
              </option>
            ))}
          </select>
        </label>
        <ClockRate scenario={forkScenario} onChange={change} />
        <button type="button" onClick={() => fork.getState().reset()} disabled={changed.length === 0}>
          Undo all changes
        </button>
        <button
          type="button"
          disabled={changed.length === 0}
          onClick={() => {
            store.getState().replaceScenario(forkScenario);
            onClose();
          }}
        >
          Keep the fork
        </button>
      </form>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="whatif-diff" data-testid="whatif-diff">
        {changed.length === 0 ? 'The fork is the same as the original: change one thing above.' : `What if: ${changed.join('; ')}`}
      </p>
      <Side title="Original" store={base} testId="whatif-base" />
      <Side title="Fork" store={fork} testId="whatif-fork" />
    </div>
  );
}

function ClockRate({ scenario, onChange }: { scenario: Scenario; onChange: (s: Scenario) => void }) {
  const processes = [...scenario.nodes.map((n) => n.id), ...scenario.clients.map((c) => c.id)];
  const [process, setProcess] = useState(processes[0] ?? '');
  const [rate, setRate] = useState('1.05');
  const value = Number(rate);
  const valid = rate.trim() !== '' && Number.isFinite(value) && value > 0 && value <= 10;
  return (
    <span className="whatif-clock">
      <label>
        Clock of
        <select aria-label="Fork: clock of" value={process} onChange={(e) => setProcess(e.target.value)}>
          {processes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        rate
        <input aria-label="Fork: clock rate" aria-invalid={!valid} value={rate} onChange={(e) => setRate(e.target.value)} size={5} />
      </label>
      <button
        type="button"
        disabled={!valid}
        onClick={() => onChange(withClockRate(scenario, process, value))}
        title="A rate above 1 runs fast, below 1 slow"
      >
        Set rate
      </button>
    </span>
  );
}

function Side({ title, store, testId }: { title: string; store: PlaygroundStore; testId: string }) {
  const run = useStore(store, (s) => s.run);
  if (run === null) return null;
  const v = run.verdict;
  return (
    <section className="whatif-side" aria-label={`${title} run`} data-testid={testId}>
      <h3>
        {title}:{' '}
        <span className={v.safe ? 'safe' : 'unsafe'} data-testid="whatif-verdict">
          {v.safe ? 'SAFE' : 'UNSAFE'}
        </span>{' '}
        <span className="counts">
          <span data-testid="whatif-violations">{v.exclusionViolations.length}</span> exclusion violations,{' '}
          <span data-testid="whatif-stale">{v.staleWrites.length}</span> stale writes,{' '}
          <span data-testid="whatif-rejections">{v.fencingRejections.length}</span> writes rejected by fencing, {v.acquisitions}{' '}
          acquisitions
        </span>
      </h3>
      <div className="whatif-timeline">
        <Timeline store={store} />
      </div>
    </section>
  );
}
