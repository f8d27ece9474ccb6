import { type FormEvent, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Scenario, TimelineKind } from '../../sim/model/scenario.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { describeFault } from './describeFault.ts';
import { buildFault, defaultDraft, type FaultDraft, unusedPartitionId, validateDraft } from './faultDraft.ts';
import { FAULT_KIND_LABELS, FAULT_KINDS } from './faultKinds.ts';
import { FaultParams } from './FaultParams.tsx';
import { faultTargets } from './faultTargets.ts';
import { formatMs } from './faultTime.ts';
import './faults.css';

/**
 * One row to inject a fault at the cursor: pick a kind, set what it needs, press Inject.
 * The store adds it to the scenario's timeline and runs the scenario again; if the store's
 * validation refuses the edit, its reason shows in the alert at the end of the row.
 */
export function FaultToolbar({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const editError = useStore(store, (s) => s.editError);
  const idPrefix = useId();
  const [kind, setKind] = useState<TimelineKind>('kill-master');
  // The draft belongs to one kind and one cast of processes: a new scenario gets fresh defaults.
  const castKey = useMemo(() => (scenario === null ? '' : faultTargets(scenario).all.join(' ')), [scenario]);
  const [held, setHeld] = useState<{ key: string; draft: FaultDraft } | null>(null);
  const key = `${kind}|${castKey}`;
  const draft = scenario === null ? null : held !== null && held.key === key ? held.draft : defaultDraft(kind, scenario);
  const setDraft = (next: FaultDraft) => setHeld({ key, draft: next });

  const issues = scenario !== null && draft !== null ? validateDraft(draft, scenario) : [];
  const ready = scenario !== null && draft !== null && issues.length === 0;

  const inject = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    store.getState().injectFault(buildFault(draft, store.getState().cursor.t));
    const after = store.getState();
    // A second partition with the same id would replace the first: offer the next free id.
    if (after.editError === null && draft.kind === 'partition' && after.scenario !== null) {
      setDraft({ ...draft, id: unusedPartitionId(after.scenario) });
    }
  };

  return (
    <form className="fault-toolbar" aria-label="Inject a fault" onSubmit={inject}>
      <span className="fault-field">
        <label htmlFor={`${idPrefix}-kind`}>Fault</label>
        <select
          id={`${idPrefix}-kind`}
          className="fault-kind"
          value={kind}
          disabled={scenario === null}
          onChange={(e) => setKind(e.target.value as TimelineKind)}
        >
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {FAULT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </span>
      {scenario !== null && draft !== null && (
        <FaultParams idPrefix={idPrefix} draft={draft} scenario={scenario} issues={issues} onChange={setDraft} />
      )}
      <InjectButton store={store} disabled={!ready} />
      {ready && <Preview draft={draft} scenario={scenario} />}
      <p role="alert" className="fault-edit-error">
        {editError === null ? '' : `The last edit was refused: ${editError}`}
      </p>
    </form>
  );
}

/** The button follows the cursor, so only it re-renders while the run plays. */
function InjectButton({ store, disabled }: { store: PlaygroundStore; disabled: boolean }) {
  const atMs = useStore(store, (s) => Math.round(s.cursor.t));
  return (
    <button type="submit" className="fault-inject" aria-label="Inject fault at cursor" disabled={disabled}>
      Inject at {formatMs(atMs)} ms
    </button>
  );
}

/** What the fault will do, in the fault list's words, before it is injected. */
function Preview({ draft, scenario }: { draft: FaultDraft; scenario: Scenario }) {
  // The sentence does not depend on the time, so the preview need not follow the cursor.
  const text = describeFault(buildFault(draft, 0), scenario);
  return (
    <span className="fault-preview-box">
      <output className="fault-preview" title={text}>
        {text}
      </output>
    </span>
  );
}
