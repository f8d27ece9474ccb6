import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { localClockMarks, trueAtWall, wallAt } from './localClockMarks.ts';

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return loaded.value;
}

describe('localClockMarks', () => {
  it('clock-jump preset: node C reads true time until 1000 ms, then 10 s ahead; the other clocks do not deviate', () => {
    const scenario = preset('clock-jump');
    const lines = localClockMarks(scenario, run(scenario).trace);
    const c = lines.find((l) => l.process === 'C');
    expect(c?.deviates).toBe(true);
    expect(c?.points).toEqual([
      { t: 0, offsetMs: 0 },
      { t: 1000, offsetMs: 0 },
      { t: 1000, offsetMs: 10000 },
      { t: 8000, offsetMs: 10000 },
    ]);
    expect(lines.filter((l) => l.deviates).map((l) => l.process)).toEqual(['C']);
  });

  it('clock-jump preset: C1 key on C (expiry 10002 on C clock) runs out at the jump, 1000 ms true time; on A at 10002', () => {
    const scenario = preset('clock-jump');
    const lines = localClockMarks(scenario, run(scenario).trace);
    const c = lines.find((l) => l.process === 'C');
    const a = lines.find((l) => l.process === 'A');
    if (c === undefined || a === undefined) throw new Error('lanes missing');
    expect(trueAtWall(c, 10002, 2)).toBe(1000);
    expect(trueAtWall(a, 10002, 2)).toBe(10002);
  });

  it('offset and rate from the ClockSpec, then a rate change carrying its reading', () => {
    const base = preset('happy-path');
    const scenario: Scenario = {
      ...base,
      clients: base.clients.map((c, i) => (i === 0 ? { ...c, clock: { offsetMs: 500, rate: 2 } } : c)),
    };
    const id = scenario.clients[0]?.id ?? '';
    const trace: TraceEvent[] = [
      { t: 0, kind: 'run-start', seed: 1, durationMs: 3000, nodes: [], clients: [id] },
      { t: 1000, kind: 'clock-rate', process: id, rate: 1, wallMs: 2500 },
      { t: 3000, kind: 'run-end', endMs: 3000, truncated: false },
    ];
    const line = localClockMarks(scenario, trace).find((l) => l.process === id);
    if (line === undefined) throw new Error('no line');
    expect(line.points).toEqual([
      { t: 0, offsetMs: 500 },
      { t: 1000, offsetMs: 1500 },
      { t: 1000, offsetMs: 1500 },
      { t: 3000, offsetMs: 1500 },
    ]);
    expect(wallAt(line, 500)).toBe(1500);
    expect(wallAt(line, 2000)).toBe(3500);
    // Wall 2000 is reached at 750 ms (fast clock); wall 3000 at 1500 ms (normal rate after the change).
    expect(trueAtWall(line, 2000, 0)).toBe(750);
    expect(trueAtWall(line, 3000, 0)).toBe(1500);
  });

  it('a backward jump postpones a deadline', () => {
    const base = preset('happy-path');
    const id = base.nodes[0]?.id ?? '';
    const trace: TraceEvent[] = [
      { t: 0, kind: 'run-start', seed: 1, durationMs: 3000, nodes: [id], clients: [] },
      { t: 100, kind: 'clock-jump', process: id, deltaMs: -1000, wallMs: -900 },
    ];
    const line = localClockMarks(base, trace).find((l) => l.process === id);
    if (line === undefined) throw new Error('no line');
    expect(trueAtWall(line, 500, 0)).toBe(1500);
  });
});
