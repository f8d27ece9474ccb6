import { useState } from 'react';
import { useStore } from 'zustand';
import type { ValidationIssue } from '../../scenario/issues.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { ClientsSection } from './ClientsSection.tsx';
import { fieldIdOf, pathAndAncestors, pathOfIssue } from './fieldPath.ts';
import type { FormApi } from './formApi.ts';
import { GeneralSection } from './GeneralSection.tsx';
import { IssueList } from './IssueList.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { NodesSection, SentinelSection } from './NodesSection.tsx';

/** A refused edit, shown while the scenario is still the one it was refused against. */
interface Refusal {
  against: Scenario;
  message: string;
  issues: ValidationIssue[];
}

/** Moves focus to the control an issue is about, or the nearest card or section that holds it. */
function focusField(issue: ValidationIssue): void {
  for (const path of pathAndAncestors(pathOfIssue(issue.path))) {
    const el = document.getElementById(fieldIdOf(path));
    if (el !== null) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/** The scenario as a form. Every committed change goes through the store (validated, run, undoable). */
export function FormView({ store, onEditJson }: { store: PlaygroundStore; onEditJson: () => void }) {
  const scenario = useStore(store, (s) => s.scenario);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  if (scenario === null) return null;
  const edit = (change: (s: Scenario) => unknown) => {
    const current = store.getState().scenario;
    if (current === null) return;
    const next = change(current);
    const message = store.getState().replaceScenario(next);
    if (message === null) {
      setRefusal(null);
      return;
    }
    // The store's message is text; the same check gives the paths, so each issue can lead to its field.
    const parsed = parseScenario(next);
    setRefusal({ against: current, message, issues: parsed.ok ? [] : parsed.issues });
  };
  const form: FormApi = { doc: scenario, edit };
  const shown = refusal !== null && refusal.against === scenario ? refusal : null;
  const entries = scenario.timeline.length;
  return (
    <div className="editor-form">
      {shown !== null && (
        <IssueList
          title="Not applied — the scenario is unchanged:"
          issues={shown.issues}
          message={shown.message}
          onPick={focusField}
          onDismiss={() => setRefusal(null)}
        />
      )}
      <GeneralSection form={form} />
      <NodesSection form={form} />
      <SentinelSection form={form} />
      <NetworkSection form={form} />
      <ClientsSection form={form} onEditJson={onEditJson} />
      <section id={fieldIdOf(['timeline'])} tabIndex={-1} className="editor-section" aria-labelledby={`${fieldIdOf(['timeline'])}-heading`}>
        <h3 id={`${fieldIdOf(['timeline'])}-heading`}>Faults</h3>
        <p className="editor-note">
          {entries === 0 ? 'No faults on the timeline.' : `${entries} timeline entr${entries === 1 ? 'y' : 'ies'}.`} Inject them at the
          cursor with the fault bar, move or remove them on the timeline or in the Faults tab, or{' '}
          <button type="button" className="link" onClick={onEditJson}>
            edit them in JSON
          </button>
          .
        </p>
      </section>
    </div>
  );
}
