import { type KeyboardEvent, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { FormView } from './FormView.tsx';
import { JsonView } from './JsonView.tsx';
import { draftFollowing, freshDraft, prettyScenario } from './jsonDraft.ts';
import './editor.css';

type View = 'form' | 'json';
const VIEWS: ReadonlyArray<{ id: View; label: string }> = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'JSON' },
];
const tabId = (v: View) => `scenario-editor-tab-${v}`;
const panelId = (v: View) => `scenario-editor-panel-${v}`;

/**
 * Edits the current scenario as a form or as JSON. Every committed change is a new scenario
 * for the store (validated, run and checked at once, undoable); what the validator refuses is
 * shown beside the form or the text, and the user's input stays. Fills its container and
 * scrolls inside.
 */
export function ScenarioEditor({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const loadError = useStore(store, (s) => s.error);
  const [view, setView] = useState<View>('form');
  const [focusJson, setFocusJson] = useState(false);
  // The JSON text lives here, so switching to the form and back keeps what was typed.
  const pretty = useMemo(() => prettyScenario(scenario), [scenario]);
  const [draft, setDraft] = useState(() => freshDraft(pretty));
  const followed = draftFollowing(draft, pretty);
  if (followed !== draft) setDraft(followed);

  const choose = (v: View, focusTab: boolean) => {
    setView(v);
    setFocusJson(false);
    if (focusTab) document.getElementById(tabId(v))?.focus();
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const to =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (to === null) return;
    // Arrows and Home/End also step the page's cursor: on a tab they are the tab list's.
    e.preventDefault();
    e.stopPropagation();
    const next = VIEWS[(to + VIEWS.length) % VIEWS.length];
    if (next !== undefined) choose(next.id, true);
  };

  return (
    <section className="scenario-editor" data-testid="scenario-editor" aria-label="Scenario editor">
      <div role="tablist" aria-label="Edit the scenario as" className="editor-tabs">
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            id={tabId(v.id)}
            type="button"
            role="tab"
            aria-selected={view === v.id}
            // Only the shown view's panel is in the page.
            aria-controls={view === v.id ? panelId(v.id) : undefined}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => choose(v.id, false)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div
        id={panelId(view)}
        role="tabpanel"
        aria-labelledby={tabId(view)}
        className={view === 'json' ? 'editor-panel editor-panel-json' : 'editor-panel'}
      >
        {scenario === null ? (
          <p className="editor-note">There is no scenario to edit{loadError !== null ? `: ${loadError}` : '.'}</p>
        ) : view === 'form' ? (
          <FormView
            store={store}
            onEditJson={() => {
              setView('json');
              setFocusJson(true);
            }}
          />
        ) : (
          <JsonView store={store} draft={followed} onDraft={setDraft} focusOnOpen={focusJson} />
        )}
      </div>
    </section>
  );
}
