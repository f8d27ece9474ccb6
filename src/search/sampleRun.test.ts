import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import { baseScenario } from './baseScenario.ts';
import { sampleRun } from './sampleRun.ts';
import { parseSearchSpec, SEARCH_FAULT_KINDS, SEARCH_STRATEGIES, type SearchSpecInput } from './spec.ts';

function spec(input: SearchSpecInput) {
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.spec;
}

describe('sampleRun: run i of a search', () => {
  it('is the same scenario every time it is drawn, and another for another index or seed', () => {
    const s = spec({ faults: { kinds: [...SEARCH_FAULT_KINDS].filter((k) => k !== 'failover'), max: 8 } });
    const base = baseScenario(s);
    expect(sampleRun(s, base, 42)).toEqual(sampleRun(s, base, 42));
    expect(sampleRun(s, base, 42)).not.toEqual(sampleRun(s, base, 43));
    const other = spec({ ...s, seed: 2 });
    expect(sampleRun(other, baseScenario(other), 42)).not.toEqual(sampleRun(s, base, 42));
  });

  it('draws valid scenarios with every fault kind, for every design, within the ranges', () => {
    for (const strategy of SEARCH_STRATEGIES) {
      const kinds = SEARCH_FAULT_KINDS.filter((k) => k !== 'failover' || strategy === 'single-failover');
      const s = spec({ strategy, persistence: ['none', 'aof-always'], faults: { kinds, max: 8 } });
      const base = baseScenario(s);
      const seen = new Set<string>();
      for (let i = 0; i < 150; i++) {
        const scenario = sampleRun(s, base, i);
        const reparsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
        expect(reparsed.ok, `${strategy} run ${i}: ${reparsed.ok ? '' : JSON.stringify(reparsed.issues)}`).toBe(true);
        expect(scenario.timeline.length).toBeLessThanOrEqual(8);
        for (const e of scenario.timeline) {
          seen.add(e.kind);
          expect(e.atMs).toBeGreaterThanOrEqual(s.faults.atMs[0]);
          expect(e.atMs).toBeLessThanOrEqual(s.faults.atMs[1]);
          if (e.kind === 'clock-jump') expect(Math.abs(e.deltaMs)).toBeLessThanOrEqual(20_000);
        }
      }
      expect(seen.size, strategy).toBe(kinds.length);
    }
  });

  it('no fault kinds: runs differ only in their seed (latencies)', () => {
    const s = spec({ strategy: 'set-nx-px-cad', faults: { kinds: [] } });
    const run = sampleRun(s, baseScenario(s), 5);
    expect(run.timeline).toEqual([]);
    expect(run.nodes.map((n) => n.id)).toEqual(['A']);
  });
});
