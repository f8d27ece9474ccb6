import { describe, expect, it } from 'vitest';
import { parseSearchSpec } from '../../search/spec.ts';
import { fragmentOf, openLink } from '../share/openLink.ts';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { verdictAt } from '../verdict/verdictAt.ts';
import { loadCounterexample, SEARCH_ORIGIN } from './loadCounterexample.ts';
import { createRequestHandler } from './workerHandler.ts';

function shrunkCounterexample() {
  const parsed = parseSearchSpec({ strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 1 });
  if (!parsed.ok) throw new Error(parsed.error);
  const reply = createRequestHandler()({ type: 'shrink', spec: parsed.spec, index: 134 });
  if (reply.type !== 'shrunk') throw new Error(JSON.stringify(reply));
  return reply;
}

describe('loading a counterexample', () => {
  const shrunk = shrunkCounterexample();

  it('opens it undoably with the cursor where the lock breaks and the faults in view; its link reproduces the run', () => {
    const store = createPlaygroundStore('busy-redlock');
    const loaded = loadCounterexample(store, shrunk.scenario, shrunk.finding);
    if (!loaded.ok) throw new Error(loaded.error);
    const s = store.getState();
    expect(s.exampleId).toBe(SEARCH_ORIGIN);
    expect(s.cursor.t).toBe(shrunk.finding.atMs);
    expect(s.panel).toBe('faults');
    expect(s.scenario?.timeline).toEqual(shrunk.scenario.timeline);
    const now = s.run === null ? null : verdictAt(s.run.verdict, s.cursor.t);
    expect(now?.status).toBe('unsafe-now');
    expect(now?.headline).toMatch(/both believe they hold the lock/);

    const fresh = createPlaygroundStore('busy-redlock');
    expect(openLink(fresh, fragmentOf(`#${loaded.fragment}`))).toBe(true);
    expect(fresh.getState().run?.summary.traceHash).toBe(s.run?.summary.traceHash);
    expect(fresh.getState().cursor).toEqual(s.cursor);

    s.undo();
    expect(store.getState().exampleId).toBe('busy-redlock');
    store.getState().redo();
    expect(store.getState().exampleId).toBe(SEARCH_ORIGIN);
  });
});
