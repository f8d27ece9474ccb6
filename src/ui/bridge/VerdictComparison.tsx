import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { isLive } from '../store/realRun.ts';
import { compareVerdicts } from '../store/verdictComparison.ts';

/**
 * Above the verdict while a real run is shown: that the verdict is real Redis's, so far or
 * final; after the run, the real verdict beside the simulation's for the same scenario and
 * seed, agree or disagree, with both sides' findings when they disagree.
 */
export function VerdictComparison({ store }: { store: PlaygroundStore }) {
  const real = useStore(store, (s) => s.real);
  const source = useStore(store, (s) => s.source);
  if (real === null || source !== 'real') return null;
  if (real.kind === 'session') {
    return (
      <p className="real-verdict-note" data-testid="verdict-comparison">
        Real Redis: the verdict of the lock operations done so far.
      </p>
    );
  }
  if (isLive(real)) {
    return (
      <p className="real-verdict-note" data-testid="verdict-comparison">
        Real Redis, live: the checker’s verdict on the trace received so far.
      </p>
    );
  }
  if (real.simulated === null) return null;
  const c = compareVerdicts(real.view.verdict, real.simulated);
  const partial = real.status === 'completed' ? '' : ` (the real run did not complete: ${real.status})`;
  return (
    <div className={`real-comparison ${c.agree ? 'agree' : 'disagree'}`} data-testid="verdict-comparison">
      <p>
        <strong>{c.line}</strong>
        {partial}
      </p>
      {!c.agree && (
        <div className="real-findings">
          <FindingList title="Real Redis found" findings={c.realFindings} />
          <FindingList title="The simulation found" findings={c.simulatedFindings} />
        </div>
      )}
      {real.hint !== null && (
        <p className="muted">
          The bridge’s own lock clients saw: {real.hint.safe ? 'safe' : 'unsafe'}
          {real.hint.note === '' ? '' : ` — ${real.hint.note}`}.
        </p>
      )}
    </div>
  );
}

function FindingList({ title, findings }: { title: string; findings: string[] }) {
  return (
    <div>
      <span>{title}:</span>
      {findings.length === 0 ? (
        <span> nothing unsafe.</span>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
