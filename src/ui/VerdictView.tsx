import type { CheckResult } from '../check/types.ts';

/**
 * The checker's verdict on the run: safe or not, each exclusion violation with its
 * explanation and causes (trace index, time), stale writes, fencing rejections, liveness.
 */
export function VerdictView({ verdict }: { verdict: CheckResult }) {
  const headline = verdict.safe ? 'SAFE' : 'UNSAFE';
  return (
    <section className={`verdict ${verdict.safe ? 'safe' : 'unsafe'}`} aria-label="Verdict" data-testid="verdict">
      <h3>
        <span data-testid="verdict-headline">{headline}</span>
        {' — '}
        {plural(verdict.exclusionViolations.length, 'exclusion violation')}, {plural(verdict.staleWrites.length, 'stale write')},{' '}
        {plural(verdict.fencingRejections.length, 'write rejected by fencing', 'writes rejected by fencing')}
      </h3>
      <dl className="stats">
        <Stat label="Acquisitions" value={String(verdict.acquisitions)} testId="acquisitions" />
        <Stat
          label="Longest time nobody could get the lock"
          value={`${verdict.maxUnavailableMs} ms${verdict.unavailable !== null ? ` (${verdict.unavailable.fromMs}–${verdict.unavailable.toMs})` : ''}`}
          testId="unavailable"
        />
        <Stat label="Deadlock" value={verdict.deadlocked ? `yes: ${verdict.deadlocks.map((d) => `${d.key} on ${d.node}, owner ${d.owner}`).join('; ')}` : 'no'} testId="deadlock" />
      </dl>
      {verdict.exclusionViolations.length > 0 && (
        <ol className="violations" data-testid="violations">
          {verdict.exclusionViolations.map((v) => (
            <li key={`${v.clients.join('-')}-${v.atMs}`}>
              <p>
                <strong>
                  {v.clients[0]} and {v.clients[1]} both held the lock from {v.atMs} to {v.untilMs} ms.
                </strong>{' '}
                {v.explanation}
              </p>
              <ol className="causes">
                {v.causes.map((c) => (
                  <li key={`${c.index}-${c.kind}-${c.text}`}>
                    <time>{c.t} ms</time> {c.text}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {verdict.staleWrites.length > 0 && (
        <ul className="stale-writes" data-testid="stale-writes">
          {verdict.staleWrites.map((w) => (
            <li key={w.index}>
              <time>{w.atMs} ms</time> the storage accepted {w.client}'s write from epoch {w.epoch} after {w.newerClient}'s from epoch {w.newerEpoch} (at{' '}
              {w.newerAtMs} ms)
            </li>
          ))}
        </ul>
      )}
      {verdict.fencingRejections.length > 0 && (
        <ul className="rejections" data-testid="fencing-rejections">
          {verdict.fencingRejections.map((r) => (
            <li key={r.index}>
              <time>{r.atMs} ms</time> fencing rejected {r.client}'s write (epoch {r.epoch}):{' '}
              {r.verdict === 'token-too-old' ? `token ${r.token} is lower than ${r.highestToken}` : 'the resource no longer holds its lock value'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
