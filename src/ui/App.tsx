import { useStore } from 'zustand';
import type { Fencing } from '../sim/model/scenario.ts';
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
          {(['Presets', 'Raw-command examples'] as const).map((group) => (
            <optgroup key={group} label={group}>
              {EXAMPLES.filter((ex) => ex.group === group).map((ex) => (
                <option key={ex.id} value={ex.id}>
                  {ex.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="fencing">Fencing</label>
        <select id="fencing" value={state.fencing ?? 'scenario'} onChange={(e) => state.setFencing(e.target.value === 'scenario' ? null : (e.target.value as Fencing))}>
          <option value="scenario">as in the scenario{state.scenario !== null && state.fencing === null ? ` (${state.scenario.fencing})` : ''}</option>
          <option value="none">none</option>
          <option value="token">token</option>
          <option value="cas">cas</option>
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
