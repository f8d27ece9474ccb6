import type { CheckResult } from '../check/types.ts';
import type { RunSummary } from '../sim/engine/summarize.ts';
import type { Scenario } from '../sim/model/scenario.ts';
import { BeliefsView } from './BeliefsView.tsx';

/** The engine's account of one run: counts, the faults in order, the nodes at the end, the trace hash. */
export function RunSummaryView({
  scenario,
  summary,
  verdict,
  runMs,
}: {
  scenario: Scenario;
  summary: RunSummary;
  verdict: CheckResult;
  runMs: number;
}) {
  const hasLockClients = scenario.clients.some((c) => c.strategy.kind !== 'script');
  const hasScriptClients = scenario.clients.some((c) => c.strategy.kind === 'script');
  return (
    <article className="summary" aria-label="Run details">
      <dl className="stats">
        <Stat label="Seed" value={String(summary.seed)} testId="seed" />
        <Stat label="Simulated" value={`${(summary.durationMs / 1000).toFixed(1)} s`} />
        <Stat label="Nodes / clients" value={`${scenario.nodes.length} / ${scenario.clients.length}`} />
        <Stat label="Trace events" value={String(summary.events)} testId="event-count" />
        <Stat label="Messages" value={`${summary.messages.sent} sent, ${summary.messages.dropped} dropped`} />
        <Stat label="Commands" value={`${summary.commands} (${summary.errors} errors)`} testId="command-count" />
        <Stat label="Expiries" value={`${summary.expiries.passive} passive, ${summary.expiries.active} active`} />
        <Stat label="Run + check time in this browser" value={`${runMs.toFixed(1)} ms`} />
      </dl>
      {summary.truncated && <p className="error">The run hit its event budget and was cut short.</p>}
      <h3>What happened</h3>
      {summary.faults.length === 0 ? (
        <p>No faults: every process stayed up and every clock stayed true.</p>
      ) : (
        <ol className="faults" data-testid="faults">
          {summary.faults.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for one run; rows never reorder
            <li key={i}>
              <time>{f.t} ms</time> {f.text}
            </li>
          ))}
        </ol>
      )}
      {hasLockClients && (
        <>
          <h3>Who held the lock</h3>
          <BeliefsView beliefs={verdict.beliefs} />
        </>
      )}
      {hasScriptClients && <h3>Replies the script clients saw</h3>}
      {!hasScriptClients ? null : summary.replies.length === 0 ? (
        <p>No client received a reply.</p>
      ) : (
        <table className="replies" data-testid="replies">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Client</th>
              <th scope="col">Node</th>
              <th scope="col">Command</th>
              <th scope="col">Reply</th>
            </tr>
          </thead>
          <tbody>
            {summary.replies.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for one run; rows never reorder
              <tr key={i}>
                <td>{r.t} ms</td>
                <td>{r.client}</td>
                <td>{r.node}</td>
                <td>
                  <code>{r.command}</code>
                </td>
                <td>
                  <code>{r.reply}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Nodes at the end</h3>
      <table className="nodes">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col">Role</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {summary.nodes.map((n) => (
            <tr key={n.id} data-testid={`node-${n.id}`}>
              <th scope="row">{n.id}</th>
              <td>{n.up ? 'up' : 'down'}</td>
              <td>{n.role === 'master' ? 'master' : `replica of ${n.master}`}</td>
              <td>
                {n.keys.length === 0
                  ? '—'
                  : n.keys.map((k) => `${k.key}=${k.value}${k.expireAtMs >= 0 ? ` (expires at ${k.expireAtMs})` : ''}`).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hash">
        Trace hash (SHA-256): <code data-testid="trace-hash">{summary.traceHash}</code>
      </p>
    </article>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
