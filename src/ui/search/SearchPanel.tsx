import { useMemo, useState } from 'react';
import { baseScenario } from '../../search/baseScenario.ts';
import { sampleRun } from '../../search/sampleRun.ts';
import { DEFAULT_SEARCH_SPEC } from '../../search/spec.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { Found } from './coordinator.ts';
import { labelOfPath } from './fieldLabels.ts';
import { type Loaded, loadCounterexample } from './loadCounterexample.ts';
import { SearchStatusView } from './SearchStatusView.tsx';
import { SpecForm } from './SpecForm.tsx';
import { commandLineOf, draftOf, type SpecDraft, specOfDraft } from './specDraft.ts';
import { useSearchSession } from './useSearchSession.ts';
import './search.css';

/** The settings survive closing the panel (for this page's life), as a search tool's last query does. */
let lastDraft: SpecDraft = draftOf(DEFAULT_SEARCH_SPEC);

/**
 * Search for a counterexample: choose a lock design, the faults a run may draw and a budget;
 * Start runs the search in workers, shows its progress, and puts the shrunk counterexample on
 * the timeline with its link. Not modal: the playground stays usable beside it. Closing it
 * stops a running search. Loaded lazily (the top bar imports it on first open).
 */
export default function SearchPanel({ store, onClose }: { store: PlaygroundStore; onClose: () => void }) {
  const [draft, setDraftState] = useState(lastDraft);
  const setDraft = (next: SpecDraft) => {
    lastDraft = next;
    setDraftState(next);
  };
  const result = useMemo(() => specOfDraft(draft), [draft]);
  const session = useSearchSession(store);
  const [foundLoaded, setFoundLoaded] = useState<Loaded | null>(null);
  const [copied, setCopied] = useState('');
  const running = session.status?.phase === 'searching' || session.status?.phase === 'shrinking';
  const loadFound = (found: Found) => {
    if (session.spec === null) return;
    const scenario = sampleRun(session.spec, baseScenario(session.spec), found.index);
    setFoundLoaded(loadCounterexample(store, scenario, found.finding));
  };
  const copySpec = async () => {
    if (!result.ok) return;
    try {
      await navigator.clipboard.writeText(`${JSON.stringify(result.spec, null, 2)}\n`);
      setCopied('Spec copied: save it as a file and run npm run search -- --spec FILE.');
    } catch {
      setCopied('The clipboard is not available here: the command line below is the same search.');
    }
  };
  return (
    <section
      id="search-panel" // the top bar's Search button controls it (aria-controls)
      className="search-panel"
      aria-label="Search for a counterexample"
      data-testid="search-panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="search-panel-head">
        <h2>Search for a counterexample</h2>
        <button type="button" onClick={onClose} aria-label="Close the search panel">
          ×
        </button>
      </header>
      <p className="muted">
        Tries runs of a lock design with random faults, in order, until one breaks the lock; shrinks it to the simplest run that still does
        and puts it on the timeline. Runs in {session.workers} background {session.workers === 1 ? 'worker' : 'workers'}.
      </p>
      <div className="search-actions">
        <button
          type="button"
          className="search-start"
          disabled={!result.ok || running}
          onClick={() => {
            if (!result.ok) return;
            setFoundLoaded(null);
            session.start(result.spec);
          }}
        >
          Start
        </button>
        <button type="button" disabled={!running} onClick={session.stop}>
          Stop
        </button>
        <button type="button" disabled={!result.ok} onClick={copySpec} title="The settings as JSON, for npm run search -- --spec FILE">
          Copy spec
        </button>
        {copied !== '' && <span role="status">{copied}</span>}
      </div>
      {!result.ok && (
        <ul className="search-errors" role="alert" aria-label="Settings to fix" data-testid="search-errors">
          {result.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <strong>{labelOfPath(e.path)}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {session.status !== null && session.spec !== null && (
        <SearchStatusView
          spec={session.spec}
          status={session.status}
          loaded={session.status.phase === 'found' ? session.loaded : foundLoaded}
          onLoadFound={loadFound}
        />
      )}
      <SpecForm draft={draft} errors={result.ok ? [] : result.errors} disabled={running} onChange={setDraft} />
      <p className="search-cli">
        The same search on the command line:{' '}
        <code data-testid="search-command">{result.ok ? commandLineOf(result.spec, DEFAULT_SEARCH_SPEC) : '(fix the settings first)'}</code>
      </p>
    </section>
  );
}
