import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import { presetScenario } from '../bridge/testing/presetScenario.ts';
import { realFaultMarks } from './realFaultMarks.ts';

describe('the faults of a real run, read from its trace', () => {
  it('marks each crash, restart and failover with what happened and when', () => {
    const trace = run(presetScenario('failover-loses-lock')).trace;
    const marks = realFaultMarks(trace);
    expect(marks[0]).toMatchObject({ t: 200, process: 'M', label: 'M crashed, 1 key(s) in memory lost, at 200 ms on real Redis' });
    expect(marks.some((m) => m.process === null && m.label.startsWith('failover: R promoted, replacing M'))).toBe(true);
    for (const m of marks) expect(trace[m.index]?.t).toBe(m.t);
  });

  it('has none for a run without faults', () => {
    expect(realFaultMarks(run(presetScenario('happy-path')).trace)).toEqual([]);
  });
});
