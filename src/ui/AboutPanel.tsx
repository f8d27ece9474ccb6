import { useStore } from 'zustand';
import type { PlaygroundStore } from './store/playgroundStore.ts';

/** The scenario's name and its story: what it sets up, what to look for, what it should show. */
export function AboutPanel({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const original = useStore(store, (s) => s.original);
  if (scenario === null) return null;
  const edited = original !== null && scenario !== original;
  return (
    <article className="about" aria-label="About this scenario">
      <h2 data-testid="scenario-name">{scenario.name}</h2>
      {edited && (
        <p className="edited">You have changed this scenario (seed, fencing or faults): the story below describes the original.</p>
      )}
      {scenario.description ? <p className="description">{scenario.description}</p> : <p className="description muted">No description.</p>}
    </article>
  );
}
