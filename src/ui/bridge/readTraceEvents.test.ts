import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import { readTraceEvents, traceEventProblem } from './readTraceEvents.ts';
import { presetScenario } from './testing/presetScenario.ts';

describe('reading the bridge’s trace events', () => {
  it('accepts every event the engine writes (the same trace types), through JSON', () => {
    for (const name of ['failover-loses-lock', 'clock-jump', 'delayed-write', 'restart-aof-always']) {
      const trace = JSON.parse(JSON.stringify(run(presetScenario(name)).trace)) as unknown[];
      const read = readTraceEvents(trace);
      expect(read.skipped, `${name}: ${read.firstProblem}`).toBe(0);
      expect(read.events).toHaveLength(trace.length);
    }
  });

  it('leaves out what a view would trip on, counting it and naming the first problem', () => {
    const read = readTraceEvents([
      { t: 5, kind: 'crash', process: 'A', clean: false, keysLost: 1 },
      { t: 6, kind: 'crash', process: 'A' },
      'crash',
      { t: -1, kind: 'heal', id: 'p1' },
      { t: 7, kind: 'set-lock', client: 'C1' },
      { t: 8, kind: 'partition', id: 'p1', groups: 'A|B' },
    ]);
    expect(read.events).toHaveLength(1);
    expect(read.skipped).toBe(5);
    expect(read.firstProblem).toBe('crash at 6 ms: clean is missing or of the wrong type');
    expect(traceEventProblem({ t: 7, kind: 'set-lock' })).toBe('unknown kind "set-lock"');
    expect(traceEventProblem({ t: 8, kind: 'partition', id: 'p1', groups: 'A|B' })).toContain('groups');
  });
});
