import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { faultMarkers, masterAt } from './faultMarkers.ts';

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return loaded.value;
}

describe('faultMarkers', () => {
  it('failover-loses-lock: one marker, the crash of M on lane M at 200 ms', () => {
    const scenario = preset('failover-loses-lock');
    expect(faultMarkers(scenario, run(scenario).trace)).toEqual([
      { i: 0, atMs: 200, kind: 'crash-node', lane: 'M', label: 'crash-node M at 200 ms', detail: 'M crashes (stays down)' },
    ]);
  });

  it('clock-jump: the partitions go across the top, the jump on C', () => {
    const scenario = preset('clock-jump');
    const markers = faultMarkers(scenario, run(scenario).trace);
    expect(markers.map((m) => [m.label, m.lane])).toEqual([
      ['partition c1-side at 0 ms', null],
      ['partition c2-side at 0 ms', null],
      ['clock-jump C at 1000 ms', 'C'],
    ]);
    expect(markers[2]?.detail).toBe("C's clock jumps 10000 ms forward");
    expect(markers[0]?.detail).toBe('partition c1-side: {C1} | {D, E} until healed');
  });

  it('kill-master lands on the master of its moment: M before the failover, R after it', () => {
    const scenario = preset('failover-loses-lock');
    const trace = run(scenario).trace;
    expect(masterAt(scenario, trace, 100)).toBe('M');
    expect(masterAt(scenario, trace, 40_000)).toBe('R');
    const late: Scenario = { ...scenario, timeline: [...scenario.timeline, { atMs: 40_000, kind: 'kill-master', restartAfterMs: null }] };
    expect(faultMarkers(late, trace)[1]?.lane).toBe('R');
  });

  it('link faults name both ends and sit on the sender', () => {
    const entry = { atMs: 50, kind: 'link-drop' as const, from: 'C1', to: 'A', rate: 1, durationMs: 200 };
    const scenario = { ...preset('happy-path'), timeline: [entry] };
    expect(faultMarkers(scenario, run(preset('happy-path')).trace)[0]).toMatchObject({
      lane: 'C1',
      label: 'link-drop C1 to A at 50 ms',
    });
  });
});
