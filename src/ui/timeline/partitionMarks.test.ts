import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { networkMarks } from './partitionMarks.ts';

describe('networkMarks', () => {
  it('clock-jump: two partitions from 0 ms, never healed, last to the end of the run (8000 ms)', () => {
    const loaded = loadPreset('clock-jump');
    if (!loaded.ok) throw new Error('preset invalid');
    const marks = networkMarks(run(loaded.value).trace);
    expect(marks.partitions.map((p) => [p.id, p.fromMs, p.toMs])).toEqual([
      ['c1-side', 0, 8000],
      ['c2-side', 0, 8000],
    ]);
    expect(marks.links).toEqual([]);
  });

  it('a heal ends its partition; a link fault lasts until its untilMs', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'run-start', seed: 1, durationMs: 1000, nodes: ['A'], clients: ['C1'] },
      { t: 10, kind: 'partition', id: 'p', groups: [['A'], ['C1']] },
      { t: 20, kind: 'link-fault', from: 'C1', to: 'A', extraMs: 50, dropRate: 0.5, untilMs: 300 },
      { t: 200, kind: 'heal', id: 'p' },
      { t: 1000, kind: 'run-end', endMs: 1000, truncated: false },
    ];
    const marks = networkMarks(trace);
    expect(marks.partitions.map((p) => [p.fromMs, p.toMs])).toEqual([[10, 200]]);
    expect(marks.links.map((l) => [l.from, l.fromMs, l.toMs, l.text])).toEqual([['C1', 20, 300, 'to A: +50 ms, 50% loss']]);
  });
});
