import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import type { Fencing } from '../../sim/model/scenario.ts';
import { run } from '../../sim/engine/run.ts';
import { clientMarks } from './clientMarks.ts';

function marksOf(name: string, fencing?: Fencing) {
  const loaded = loadPreset(name, fencing === undefined ? {} : { fencing });
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  const trace = run(loaded.value).trace;
  return clientMarks(trace, check(trace));
}

describe('clientMarks', () => {
  it('S4 without fencing: C1 write after its pause is drawn as stale, C2 write as accepted', () => {
    const { writes } = marksOf('gc-pause-after-acquire');
    expect(writes.map((w) => [w.client, w.epoch, w.outcome])).toEqual([
      ['C2', 2, 'accepted'],
      ['C1', 1, 'stale'],
    ]);
  });

  it('S4 with a fencing token: the same write is drawn as rejected', () => {
    const { writes } = marksOf('gc-pause-after-acquire', 'token');
    expect(writes.find((w) => w.client === 'C1')?.outcome).toBe('rejected');
  });

  it('S6: one violation band between C1 and C2, where the checker put it', () => {
    const { violations, beliefs } = marksOf('clock-jump');
    expect(violations).toHaveLength(1);
    const band = violations[0] as { fromMs: number; clients: [string, string] };
    expect(band.clients).toEqual(['C1', 'C2']);
    expect(band.fromMs).toBe(beliefs.find((b) => b.client === 'C2')?.startMs);
  });

  it('S1: C2 attempts fail while C1 holds the lock, and its last attempt succeeds', () => {
    const { attempts } = marksOf('happy-path');
    const c2 = attempts.filter((a) => a.client === 'C2');
    expect(c2.length).toBeGreaterThan(1);
    expect(c2.slice(0, -1).every((a) => a.outcome === 'failed')).toBe(true);
    expect(c2[c2.length - 1]?.outcome).toBe('acquired');
  });

  it('S9: the attempt of a client that crashed mid-acquisition ends at its crash, not at the end of the run', () => {
    const loaded = loadPreset('setnx-expire-crash');
    if (!loaded.ok) throw new Error('preset');
    const trace = run(loaded.value).trace;
    const crash = trace.find((e) => e.kind === 'crash' && e.process === 'C1');
    if (crash === undefined) throw new Error('C1 should crash');
    const c1 = clientMarks(trace, check(trace)).attempts.filter((a) => a.client === 'C1');
    expect(c1.length).toBeGreaterThan(0);
    expect(c1.at(-1)?.toMs).toBe(crash.t);
    expect(c1.at(-1)?.outcome).toBe('failed');
  });
});
