import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { processMarks } from './processMarks.ts';

function presetTrace(name: string): TraceEvent[] {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return run(loaded.value).trace;
}

describe('processMarks', () => {
  it("S4: C1's GC pause is one paused span with its true start and end", () => {
    const { spans } = processMarks(presetTrace('gc-pause-after-acquire'));
    expect(spans.filter((s) => s.process === 'C1').map((s) => [s.state, s.fromMs, s.toMs])).toEqual([['paused', 9001, 15000]]);
  });

  it('S7: node C is down from its crash to its restart, with both moments marked', () => {
    const { spans, points } = processMarks(presetTrace('restart-no-persistence'));
    const down = spans.filter((s) => s.process === 'C' && s.state === 'down');
    expect(down).toHaveLength(1);
    const marks = points.filter((p) => p.process === 'C').map((p) => [p.kind, p.t]);
    expect(marks).toEqual([
      ['crash', (down[0] as { fromMs: number }).fromMs],
      ['restart', (down[0] as { toMs: number }).toMs],
    ]);
  });

  it('S6: the clock jump on C is a point with the new local reading', () => {
    const { points } = processMarks(presetTrace('clock-jump'));
    const jump = points.find((p) => p.kind === 'clock-jump');
    expect(jump?.process).toBe('C');
    expect(jump?.text).toMatch(/^clock \+\d+ ms, reads \d+$/);
  });

  it('a process still down when the trace ends: the span runs to the last event', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'run-start', seed: 1, durationMs: 50, nodes: ['A'], clients: [] },
      { t: 10, kind: 'crash', process: 'A', clean: false, keysLost: 1 },
      { t: 50, kind: 'run-end', endMs: 50, truncated: false },
    ];
    expect(processMarks(trace).spans).toEqual([{ process: 'A', state: 'down', fromMs: 10, toMs: 50, index: 1 }]);
  });
});
