import { useStore } from 'zustand';
import type { CheckResult } from '../../check/types.ts';
import type { Incident } from '../store/incidents.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { verdictAt } from './verdictAt.ts';

const ms = (t: number) => `${t.toLocaleString('en-US')} ms`;

/**
 * The checker's verdict, read at the cursor: safe so far / unsafe now / unsafe since, then
 * the whole run's findings. Every finding moves the cursor when clicked; "Why?" jumps to the
 * fault behind it and lights the chain of events on the timeline.
 */
export function VerdictPanel({ store }: { store: PlaygroundStore }) {
  const run = useStore(store, (s) => s.run);
  const t = useStore(store, (s) => s.cursor.t);
  const incidents = useStore(store, (s) => s.incidents);
  const highlight = useStore(store, (s) => s.highlight);
  const actions = store.getState();
  if (run === null) return null;
  const { verdict } = run;
  const now = verdictAt(verdict, t);
  const incidentFor = (kind: Incident['kind'], position: number) => incidents.find((i) => i.kind === kind && i.position === position);
  const why = (incident: Incident | undefined) =>
    incident === undefined ? null : (
      <button
        type="button"
        className="link"
        onClick={() => actions.jumpToCause(incident)}
        aria-label={`Why? Jump to the cause of: ${incident.text}`}
      >
        Why?
      </button>
    );
  const go = (atMs: number, what: string) => (
    <button type="button" className="link" onClick={() => actions.seek(atMs)} aria-label={`Go to ${what} at ${ms(atMs)}`}>
      {ms(atMs)}
    </button>
  );
  const when = (atMs: number) => (atMs > t ? 'ahead' : 'past');
  return (
    <section className={`verdict ${verdict.safe ? 'safe' : 'unsafe'}`} aria-label="Verdict" data-testid="verdict">
      <p className={`at-cursor ${now.status}`} data-testid="cursor-verdict" aria-live="polite">
        {now.headline}
        {now.ahead > 0 && now.status === 'safe-so-far' ? (
          <span className="muted">
            {' '}
            ({now.ahead} finding{now.ahead === 1 ? '' : 's'} ahead)
          </span>
        ) : null}
      </p>
      <h3>
        Whole run: <span data-testid="verdict-headline">{verdict.safe ? 'SAFE' : 'UNSAFE'}</span>
        <span className="counts">
          {' — '}
          {plural(verdict.exclusionViolations.length, 'exclusion violation')}, {plural(verdict.staleWrites.length, 'stale write')},{' '}
          {plural(verdict.fencingRejections.length, 'write rejected by fencing', 'writes rejected by fencing')}
        </span>
      </h3>
      {verdict.deadlocked && (
        <p className="liveness-warning" data-testid="deadlock-warning">
          Safe, but deadlocked:{' '}
          {verdict.deadlocks.map((d) => `${d.key} on ${d.node} has no TTL and its owner ${d.owner} is gone`).join('; ')} — nobody can ever
          get the lock again.
        </p>
      )}
      {verdict.acquisitions === 0 && !verdict.deadlocked && <p className="liveness-warning">Nobody ever got the lock in this run.</p>}
      {highlight !== null && (
        <p className="chain" data-testid="cause-chain">
          Cause: {highlight.label} — {highlight.indices.length} events lit on the timeline.{' '}
          <button type="button" className="link" onClick={() => actions.clearHighlight()}>
            Clear
          </button>
        </p>
      )}
      {verdict.exclusionViolations.length > 0 && (
        <ol className="violations" data-testid="violations">
          {verdict.exclusionViolations.map((v, i) => (
            <li key={`${v.clients.join('-')}-${v.atMs}`} className={when(v.atMs)}>
              <p>
                <strong>
                  {v.clients[0]} and {v.clients[1]} both held the lock from {v.atMs} to {v.untilMs} ms.
                </strong>{' '}
                {go(v.atMs, `the violation of ${v.clients[0]} and ${v.clients[1]}`)} {why(incidentFor('exclusion', i))}
              </p>
              <p className="explanation">{v.explanation}</p>
              <ol className="causes">
                {v.causes.map((c) => (
                  <li key={`${c.index}-${c.kind}-${c.text}`}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => actions.seekIndex(c.index)}
                      aria-label={`Go to ${c.text} at ${ms(c.t)}`}
                    >
                      <time>{c.t} ms</time>
                    </button>{' '}
                    {c.text}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {verdict.staleWrites.length > 0 && (
        <ul className="stale-writes" data-testid="stale-writes">
          {verdict.staleWrites.map((w, i) => (
            <li key={w.index} className={when(w.atMs)}>
              {go(w.atMs, `${w.client}'s stale write`)} the storage accepted {w.client}'s write from epoch {w.epoch} after {w.newerClient}'s
              from epoch {w.newerEpoch} (at {w.newerAtMs} ms) {why(incidentFor('stale-write', i))}
            </li>
          ))}
        </ul>
      )}
      {verdict.fencingRejections.length > 0 && (
        <ul className="rejections" data-testid="fencing-rejections">
          {verdict.fencingRejections.map((r) => (
            <li key={r.index} className={when(r.atMs)}>
              {go(r.atMs, `the rejection of ${r.client}'s write`)} fencing rejected {r.client}'s write (epoch {r.epoch}):{' '}
              {r.verdict === 'token-too-old'
                ? `token ${r.token} is lower than ${r.highestToken}`
                : 'the resource no longer holds its lock value'}
            </li>
          ))}
        </ul>
      )}
      <Liveness verdict={verdict} onGo={(atMs) => actions.seek(atMs)} />
    </section>
  );
}

function Liveness({ verdict, onGo }: { verdict: CheckResult; onGo: (atMs: number) => void }) {
  return (
    <dl className="stats compact">
      <div>
        <dt>Acquisitions</dt>
        <dd data-testid="acquisitions">{verdict.acquisitions}</dd>
      </div>
      <div>
        <dt>Longest wait with nobody holding the lock</dt>
        <dd data-testid="unavailable">
          {verdict.maxUnavailableMs} ms
          {verdict.unavailable !== null && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                onClick={() => onGo(verdict.unavailable?.fromMs ?? 0)}
                aria-label="Go to the longest wait"
              >
                ({verdict.unavailable.fromMs}–{verdict.unavailable.toMs})
              </button>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Deadlock</dt>
        <dd data-testid="deadlock">
          {verdict.deadlocked ? `yes: ${verdict.deadlocks.map((d) => `${d.key} on ${d.node}, owner ${d.owner}`).join('; ')}` : 'no'}
        </dd>
      </div>
    </dl>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}
