import { useRef, useState } from 'react';
import { describeCoverage } from '../../search/coverage.ts';
import { describeFinding } from '../../search/evaluate.ts';
import type { SearchSpec } from '../../search/spec.ts';
import { describeFault } from '../faults/describeFault.ts';
import { urlWithFragment } from '../share/linkOfState.ts';
import type { Found, SearchStatus, Shrunk } from './coordinator.ts';
import type { Loaded } from './loadCounterexample.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

/**
 * Where a search is: the progress bar (runs done of the budget), runs per second, the best
 * counterexample so far; then what it came to — the shrunk counterexample in words with its
 * link, nothing found with what was covered, stopped, or the error that ended it.
 */
export function SearchStatusView({
  spec,
  status,
  loaded,
  onLoadFound,
}: {
  spec: SearchSpec;
  status: SearchStatus;
  loaded: Loaded | null;
  /** Puts the best run so far on the timeline as it was found (after a stop, before shrinking). */
  onLoadFound: (found: Found) => void;
}) {
  const running = status.phase === 'searching' || status.phase === 'shrinking';
  return (
    <section className="search-status" aria-label="Search status" data-testid="search-status" data-phase={status.phase}>
      <progress
        max={status.budget}
        value={status.runsDone}
        aria-label="Runs done"
        aria-valuetext={`${n(status.runsDone)} of ${n(status.budget)} runs`}
        data-testid="search-progress"
      />
      <p className="search-runs" aria-live="off">
        <span data-testid="search-runs">
          {n(status.runsDone)} of {plural(status.budget, 'run')}
        </span>{' '}
        · {n(status.runsPerSecond)} runs/s
      </p>
      {running && <p data-testid="search-best">Best so far: {bestText(status.best, status.phase === 'shrinking')}</p>}
      {status.phase === 'shrinking' && (
        <p role="status">
          Run #{status.found.index} breaks the lock. Shrinking it to the simplest run that still does (fewer faults, smaller, earlier)…
        </p>
      )}
      {status.phase === 'found' && <FoundView found={status.found} shrunk={status.shrunk} loaded={loaded} />}
      {status.phase === 'exhausted' && (
        <div role="status" data-testid="search-none">
          <p>
            <strong>No counterexample in {plural(status.runsDone, 'run')}.</strong> The design held in every run tried; a bigger budget or
            other faults may still break it.
          </p>
          <p className="muted">Covered: {describeCoverage(spec, status.runsDone)}</p>
        </div>
      )}
      {status.phase === 'stopped' && (
        <div role="status" data-testid="search-stopped">
          <p>
            <strong>Stopped after {plural(status.runsDone, 'run')}.</strong>
            {status.best === null ? ' Nothing broke the lock in them.' : ''}
          </p>
          {status.best !== null && (
            <p>
              Run #{status.best.index} breaks the lock ({describeFinding(status.best.finding)}); the search stopped before it was shrunk.{' '}
              <button type="button" onClick={() => status.best !== null && onLoadFound(status.best)}>
                Load run #{status.best.index} as found
              </button>
            </p>
          )}
        </div>
      )}
      {status.phase === 'failed' && (
        <p role="alert" className="error" data-testid="search-error">
          The search failed: {status.error}
        </p>
      )}
      {status.phase === 'stopped' && loaded?.ok === true && (
        <>
          <p className="muted">It is on the timeline as found, not shrunk (Undo brings back what was there).</p>
          <CopyLink fragment={loaded.fragment} />
        </>
      )}
      {loaded !== null && status.phase !== 'found' && !loaded.ok && (
        <p role="alert" className="error">
          {loaded.error}
        </p>
      )}
    </section>
  );
}

function bestText(best: Found | null, confirmed: boolean): string {
  if (best === null) return 'nothing yet';
  return `run #${best.index}: ${describeFinding(best.finding)}${confirmed ? '' : ' (checking the runs below it)'}`;
}

function FoundView({ found, shrunk, loaded }: { found: Found; shrunk: Shrunk; loaded: Loaded | null }) {
  const faults = shrunk.scenario.timeline;
  return (
    <div className="search-found" data-testid="search-found">
      <p className="search-finding" role="status" data-testid="search-finding">
        {describeFinding(shrunk.finding)}
        {shrunk.finding.kind === 'exclusion' ? '.' : ''}
      </p>
      <p>
        First found at run #{found.index}; shrunk from {plural(shrunk.faultsBefore, 'fault')} to {plural(faults.length, 'fault')}
        {', '}
        {shrunk.scenario.clients.length} clients and {plural(shrunk.scenario.nodes.length, 'node')} in {plural(shrunk.runs, 'run')}
        {shrunk.budgetExhausted ? ' (the shrinking budget ran out: it may shrink further)' : ''}.
      </p>
      {faults.length === 0 ? (
        <p>No faults at all: the design breaks on a healthy network.</p>
      ) : (
        <ul className="search-faults">
          {faults.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the faults of one result never change
            <li key={i}>
              at {n(e.atMs)} ms: {describeFault(e, shrunk.scenario)}
            </li>
          ))}
        </ul>
      )}
      {loaded === null ? null : loaded.ok ? (
        <>
          <p className="muted">It is on the timeline now, the cursor at {n(shrunk.finding.atMs)} ms (Undo brings back what was there).</p>
          <CopyLink fragment={loaded.fragment} />
        </>
      ) : (
        <p role="alert" className="error">
          It could not be loaded: {loaded.error}
        </p>
      )}
    </div>
  );
}

/** The counterexample's link (the ordinary scenario link, as Copy link makes it), in the address bar and the clipboard. */
function CopyLink({ fragment }: { fragment: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const url = urlWithFragment(window.location.href, fragment);
    window.history.replaceState(null, '', url);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setNote(`Link copied (${url.length} characters).`);
    } catch {
      setNote('Select the link and copy it.');
    }
    requestAnimationFrame(() => field.current?.select());
  };
  return (
    <div className="search-link">
      <button type="button" onClick={copy} title="Copy a link to this counterexample, at the moment the lock breaks">
        Copy link
      </button>
      {link !== null && (
        <>
          <input
            ref={field}
            readOnly
            value={link}
            aria-label="Link to this counterexample"
            data-testid="search-link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <span role="status">{note}</span>
        </>
      )}
    </div>
  );
}
