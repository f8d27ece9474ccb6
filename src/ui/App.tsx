import { useStore } from 'zustand';
import { EXAMPLES } from './examples.ts';
import { RunSummaryView } from './RunSummaryView.tsx';
import type { PlaygroundStore } from './store.ts';

export function App({ store }: { store: PlaygroundStore }) {
  const state = useStore(store);
  return (
    <main className="page">
      <header className="masthead">
        <h1>Redlock Playground</h1>
        <p className="tagline">A deterministic simulation of Redis nodes, clocks, replication and failover, for understanding distributed locks.</p>
      </header>
      <section className="picker">
        <label htmlFor="example">Scenario</label>
        <select id="example" value={state.exampleId} onChange={(e) => state.load(e.target.value)}>
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {exampleTitle(ex.input, ex.id)}
            </option>
          ))}
        </select>
      </section>
      {state.error !== null && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {state.scenario !== null && state.summary !== null && state.verdict !== null && (
        <RunSummaryView scenario={state.scenario} summary={state.summary} verdict={state.verdict} runMs={state.runMs} />
      )}
    </main>
  );
}

function exampleTitle(input: unknown, fallback: string): string {
  const name = (input as { name?: unknown }).name;
  return typeof name === 'string' ? name : fallback;
}
