import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_SPEC, parseSearchSpec } from './spec.ts';

describe('a search spec', () => {
  it('defaults to Redlock on five nodes, two clients, three fault kinds, 10,000 runs, seed 1', () => {
    expect(DEFAULT_SEARCH_SPEC).toMatchObject({
      strategy: 'redlock',
      nodes: 5,
      clients: 2,
      runs: 10_000,
      seed: 1,
      faults: { kinds: ['pause-client', 'clock-jump', 'crash-node'], max: 3 },
    });
  });

  it('refuses what it does not understand, naming the field', () => {
    const cases: [unknown, string][] = [
      [{ strategy: 'zookeeper' }, 'strategy:'],
      [{ faults: { kinds: ['meteor'] } }, 'faults.kinds.0:'],
      [{ faults: { pauseMs: [500, 100] } }, 'faults.pauseMs: the first bound must not exceed the second'],
      [{ runs: 0 }, 'runs:'],
      [{ clients: 9 }, 'clients:'],
      [{ durationMs: 5_000 }, 'faults.atMs: faults must start before the run ends (durationMs 5000)'],
      [{ faults: { kinds: ['failover'] } }, 'failover needs the single-failover design'],
      [{ unknownField: 1 }, 'unknownField'],
      ['redlock', '(spec)'],
    ];
    for (const [input, message] of cases) {
      const r = parseSearchSpec(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error, JSON.stringify(input)).toContain(message);
    }
  });
});
