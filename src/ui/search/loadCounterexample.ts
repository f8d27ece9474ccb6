/**
 * Puts a counterexample on the timeline: opened like a link or a file (validated, run,
 * checked; undoable), the cursor at the moment the lock broke and the Faults tab open, so the
 * few faults that break it are in view. Its link is the ordinary scenario link of what was
 * loaded, so a fresh page opens the same run at the same moment.
 */
import { linkOfState } from '../share/linkOfState.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { Finding } from '../../search/evaluate.ts';

/** The name the playground shows for a loaded counterexample (the scenario picker's "Your scenario (…)"). */
export const SEARCH_ORIGIN = 'search';

export type Loaded = { ok: true; fragment: string } | { ok: false; error: string };

export function loadCounterexample(store: PlaygroundStore, scenario: Scenario, finding: Finding): Loaded {
  const state = store.getState();
  const error = state.openDocument(scenario, SEARCH_ORIGIN, finding.atMs);
  if (error !== null) return { ok: false, error };
  state.setPanel('faults');
  const fragment = linkOfState(store.getState());
  if (fragment === null) return { ok: false, error: 'the counterexample was loaded but has no link' };
  return { ok: true, fragment };
}
