import { type FormEvent, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Scenario, TimelineKind } from '../../sim/model/scenario.ts';
import { latestNotice } from '../bridge/notices.ts';
import { realFaultUnavailable } from '../bridge/realFaults.ts';
import { type RealFaults, useClientStore, useRealFaults } from '../bridge/useRealFaults.ts';
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
 * validation refuses the edit, its reason shows in the alert at the end of the row. While
 * the views show a run on real Redis, Inject sends the fault to the bridge now instead; kinds
 * real Redis cannot do are disabled with the reason, and a refusal shows the bridge's words.
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

  const real = useRealFaults(store);
  const realProblem = real === null ? null : (realFaultUnavailable(kind, real.capabilities) ?? real.problem);
  const issues = scenario !== null && draft !== null ? validateDraft(draft, scenario) : [];
  const ready = scenario !== null && draft !== null && issues.length === 0 && realProblem === null;

  const inject = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    if (real !== null) {
      real.client.getState().injectFault(buildFault(draft, store.getState().cursor.t));
      return;
    }
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
          {FAULT_KINDS.map((k) => {
            const unavailable = real !== null && realFaultUnavailable(k, real.capabilities) !== null;
            return (
              <option key={k} value={k} disabled={unavailable}>
                {FAULT_KIND_LABELS[k]}
                {unavailable ? ' (not on real Redis)' : ''}
              </option>
            );
          })}
        </select>
      </span>
      {scenario !== null && draft !== null && (
        <FaultParams idPrefix={idPrefix} draft={draft} scenario={scenario} issues={issues} onChange={setDraft} />
      )}
      {real === null ? <InjectButton store={store} disabled={!ready} /> : <RealInjectButton disabled={!ready} reason={realProblem} />}
      {ready && <Preview draft={draft} scenario={scenario} />}
      {realProblem !== null && <span className="fault-real-reason">{realProblem}</span>}
      {real === null ? (
        <p role="alert" className="fault-edit-error">
          {editError === null ? '' : `The last edit was refused: ${editError}`}
        </p>
      ) : (
        <RealFaultNotice real={real} />
      )}
    </form>
  );
}

/** On real Redis the fault happens when it arrives, not at the cursor. */
function RealInjectButton({ disabled, reason }: { disabled: boolean; reason: string | null }) {
  return (
    <button
      type="submit"
      className="fault-inject"
      aria-label="Inject fault now on real Redis"
      title={reason ?? undefined}
      disabled={disabled}
    >
      Inject now on real Redis
    </button>
  );
}

/** The bridge's answer to the last fault when it refused it (or why it was not sent). */
function RealFaultNotice({ real }: { real: RealFaults }) {
  const notice = useStore(useClientStore(), (s) => latestNotice(s.notices, 'fault'));
  return (
    <p role="alert" className="fault-edit-error" data-testid="real-fault-error">
      {notice === null ? '' : `${notice.text}${notice.advice === null ? '' : ` ${notice.advice}`}`}
      {notice !== null && (
        <button type="button" className="link" onClick={() => real.client.getState().dismiss('fault')} aria-label="Dismiss this message">
          ×
        </button>
      )}
    </p>
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
