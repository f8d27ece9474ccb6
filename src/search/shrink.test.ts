import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { searchChunk } from './search.ts';
import { shrink } from './shrink.ts';
import { parseSearchSpec } from './spec.ts';

function found(input: unknown) {
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) throw new Error(parsed.error);
  const r = searchChunk(parsed.spec, 0, parsed.spec.runs);
  if (r.found === null) throw new Error('the search found nothing to shrink');
  return r.found;
}

describe('shrink', () => {
  const start = found({
    strategy: 'redlock',
    clients: 4,
    persistence: ['aof-everysec', 'none'],
    faults: { kinds: ['clock-jump', 'pause-client', 'crash-node'], max: 8 },
    runs: 3_000,
    seed: 5,
  });
  const result = shrink(start.scenario, start.finding);

  it('keeps a counterexample: the shrunk scenario still breaks the lock the same way', () => {
    expect(evaluate(result.scenario)?.kind).toBe(start.finding.kind);
    expect(result.finding.kind).toBe(start.finding.kind);
  });

  it('is no more complicated in any way: faults, clients, nodes, rounds, persistence, duration', () => {
    const s = result.scenario;
    expect(s.timeline.length).toBeLessThanOrEqual(start.scenario.timeline.length);
    expect(s.clients.length).toBeLessThanOrEqual(start.scenario.clients.length);
    expect(s.clients.length).toBeGreaterThanOrEqual(2);
    expect(s.nodes.length).toBeLessThanOrEqual(start.scenario.nodes.length);
    expect(s.nodes.length).toBeGreaterThanOrEqual(3);
    expect(s.durationMs).toBeLessThanOrEqual(start.scenario.durationMs);
    expect(result.budgetExhausted).toBe(false);
  });

  it('removes what the story does not need: dropping any one fault left makes the run pass', () => {
    for (let i = 0; i < result.scenario.timeline.length; i++) {
      const without = { ...result.scenario, timeline: result.scenario.timeline.filter((_, j) => j !== i) };
      expect(evaluate(without)?.kind, `fault ${i}`).not.toBe(result.finding.kind);
    }
  });

  it('is deterministic, and stops at its run budget', () => {
    expect(shrink(start.scenario, start.finding)).toEqual(result);
    const capped = shrink(start.scenario, start.finding, { runsMax: 3 });
    expect(capped.runs).toBe(3);
    expect(capped.budgetExhausted).toBe(true);
  });
});
