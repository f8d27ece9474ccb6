import { describe, expect, it } from 'vitest';
import { run } from '../sim/engine/run.ts';
import type { Scenario } from '../sim/model/scenario.ts';
import { loadPreset } from '../scenario/presets/index.ts';
import { anchorProblems, clientAnchorsFor } from './clientAnchors.ts';

function preset(name: string, timeline?: Scenario['timeline']): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return timeline === undefined ? loaded.value : { ...loaded.value, timeline };
}

const anchorsOf = (s: Scenario) => clientAnchorsFor(s, run(s).trace);

describe('clientAnchorsFor: where a client pause or crash falls in the client’s own progress', () => {
  it('Kleppmann’s pause lands 1 ms after C1 began its write (its validity check passed at 9000 ms)', () => {
    expect(anchorsOf(preset('gc-pause-after-acquire'))).toEqual([{ entry: 0, state: 'holding.writing', occurrence: 1, afterMs: 1 }]);
  });

  it('a crash 3 ms into the acquisition is anchored to the state the client was in', () => {
    expect(anchorsOf(preset('set-nx-px-crash'))).toEqual([{ entry: 0, state: 'acquiring', occurrence: 1, afterMs: 3 }]);
  });

  it('counts the occurrences of a state: a pause during the second write names the second entry into it', () => {
    const base = preset('happy-path');
    const [c1, ...others] = base.clients;
    if (c1 === undefined) throw new Error('happy-path has no C1');
    const s = { ...base, clients: [{ ...c1, workload: { ...c1.workload, writes: 3 } }, ...others] };
    const trace = run(s).trace;
    const working = trace.filter((e) => e.kind === 'client-state' && e.client === 'C1' && e.state === 'holding.working');
    expect(working.length).toBeGreaterThanOrEqual(2);
    const second = working[1] as { t: number };
    const anchored = { ...s, timeline: [{ atMs: second.t + 5, kind: 'pause-client' as const, client: 'C1', durationMs: 10 }] };
    expect(clientAnchorsFor(anchored, trace)).toEqual([{ entry: 0, state: 'holding.working', occurrence: 2, afterMs: 5 }]);
  });

  it('gives none to entries on nodes, or to a client entry before the client’s first state', () => {
    const s = preset('gc-pause-after-acquire', [
      { atMs: 100, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: null },
      { atMs: 9001, kind: 'pause-client', client: 'C1', durationMs: 5999 },
    ]);
    expect(anchorsOf(s)).toEqual([{ entry: 1, state: 'holding.writing', occurrence: 1, afterMs: 1 }]);
    expect(clientAnchorsFor(s, [])).toEqual([]);
  });
});

describe('anchorProblems', () => {
  const s = preset('gc-pause-after-acquire', [
    { atMs: 100, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: null },
    { atMs: 9001, kind: 'pause-client', client: 'C1', durationMs: 5999 },
  ]);
  const a = (entry: number) => ({ entry, state: 'holding.writing', occurrence: 1, afterMs: 1 });

  it('accepts the anchors the simulation gives', () => {
    expect(anchorProblems(s, anchorsOf(s))).toEqual([]);
  });

  it('names an entry that is missing, not a client entry, or anchored twice', () => {
    expect(anchorProblems(s, [a(2), a(0), a(1), a(1)])).toEqual([
      'anchors[0].entry: the timeline has no entry 2 (it has 2)',
      'anchors[1].entry: timeline entry 0 is a crash-node; only pause-client and crash-client entries have anchors',
      'anchors[3].entry: timeline entry 1 has more than one anchor',
    ]);
  });
});
