import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { describeFault, faultTag } from './describeFault.ts';
import { parseFaultTime } from './faultTime.ts';
import './faults.css';

/**
 * The scenario's timeline as an editable list: each fault's time (type a new one to move
 * it), what it does, "Go to" and "Remove" (undo/redo and reset: EditHistory, in the top bar).
 * Faults the cursor has passed are shown as done.
 */
export function FaultList({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  // A count, not the cursor itself: the list re-renders only when the cursor passes a fault.
  // Before the first event (index -1) nothing has happened, not even a fault at 0 ms.
  const passed = useStore(
    store,
    (s) => s.scenario?.timeline.filter((e) => e.atMs < s.cursor.t || (e.atMs === s.cursor.t && s.cursor.index >= 0)).length ?? 0,
  );
  const timeline = scenario?.timeline ?? [];
  return (
    <div className="fault-list-panel">
      <ol className="fault-list" data-testid="fault-list">
        {timeline.length === 0 && (
          <li className="fault-list-empty">No faults: every process stays up and every clock stays true. Inject one at the cursor.</li>
        )}
        {scenario !== null &&
          timeline.map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is the timeline slot i; the store keeps the timeline sorted
            <FaultRow key={i} store={store} scenario={scenario} entry={entry} index={i} done={i < passed} />
          ))}
      </ol>
    </div>
  );
}

function FaultRow({
  store,
  scenario,
  entry,
  index,
  done,
}: {
  store: PlaygroundStore;
  scenario: Scenario;
  entry: TimelineEntry;
  index: number;
  done: boolean;
}) {
  const inputId = useId();
  // The text being typed, or null when the input shows the fault's time.
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Slot `index` shows another fault after an edit elsewhere: drop what was typed for the old one.
  const [shown, setShown] = useState(entry);
  if (shown !== entry) {
    setShown(entry);
    setTyped(null);
    setProblem(null);
  }
  const name = `fault ${index + 1} (${faultTag(entry)})`;

  const commit = () => {
    if (typed === null) return;
    const parsed = parseFaultTime(typed, scenario.durationMs);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setTyped(null);
    setProblem(null);
    if (parsed.atMs === entry.atMs) return;
    store.getState().replaceFault(index, { ...entry, atMs: parsed.atMs });
    // The store keeps the old scenario when its validation refuses the edit; say why here, by the field.
    const refused = store.getState().editError;
    if (refused !== null) setProblem(`Refused: ${refused}`);
  };

  return (
    <li className={done ? 'fault-row is-done' : 'fault-row'} data-testid="fault-row">
      <span className="fault-row-time">
        <input
          id={inputId}
          className="fault-number"
          type="number"
          min={0}
          max={scenario.durationMs}
          step={1}
          aria-label={`Time of ${name}`}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? `${inputId}-error` : undefined}
          value={typed ?? String(entry.atMs)}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape' && typed !== null) {
              e.preventDefault();
              e.stopPropagation();
              setTyped(null);
              setProblem(null);
            }
          }}
        />
        <span className="fault-unit">ms</span>
      </span>
      <span className="fault-row-text">
        {describeFault(entry, scenario)}
        {done && <span className="fault-sr-only"> (already happened at the cursor)</span>}
      </span>
      <span className="fault-row-buttons">
        <button
          type="button"
          aria-label={`Go to ${name}`}
          title={`Move the cursor to ${entry.atMs} ms`}
          onClick={() => store.getState().seek(entry.atMs)}
        >
          Go to
        </button>
        <button type="button" aria-label={`Remove ${name}`} onClick={() => store.getState().removeFault(index)}>
          Remove
        </button>
      </span>
      {problem !== null && (
        <span id={`${inputId}-error`} className="fault-field-error fault-row-error">
          {problem}
        </span>
      )}
    </li>
  );
}
