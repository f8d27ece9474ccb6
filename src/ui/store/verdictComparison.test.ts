import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from './playgroundStore.ts';
import { compareVerdicts, verdictText } from './verdictComparison.ts';

const verdictOf = (preset: string) => {
  const run = createPlaygroundStore(preset).getState().run;
  if (run === null) throw new Error('no run');
  return run.verdict;
};

describe('the real verdict beside the simulated one', () => {
  it('says UNSAFE with the overlap, and agree when both are unsafe', () => {
    const unsafe = verdictOf('failover-loses-lock');
    expect(verdictText(unsafe)).toContain('UNSAFE (C1 and C2 both held the lock 31020–36022 ms');
    const same = compareVerdicts(unsafe, unsafe);
    expect(same.agree).toBe(true);
    expect(same.line).toMatch(/^Real Redis: UNSAFE \(C1 and C2 both held the lock 31020–36022 ms; .*\) — Simulation: UNSAFE — agree$/);
  });

  it('says disagree and lists both sides’ findings when one is safe', () => {
    const c = compareVerdicts(verdictOf('failover-happy-path'), verdictOf('failover-loses-lock'));
    expect(c.agree).toBe(false);
    expect(c.line).toMatch(/^Real Redis: SAFE — Simulation: UNSAFE \(C1 and C2 both held the lock 31020–36022 ms.*\) — disagree$/);
    expect(c.realFindings).toEqual([]);
    expect(c.simulatedFindings[0]).toBe('C1 and C2 both held the lock 31020–36022 ms');
  });
});
