import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { describeEvent, eventLane } from './describeEvent.ts';

function trace(name: string): TraceEvent[] {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return run(loaded.value).trace;
}

describe('describeEvent / eventLane', () => {
  it('failover-loses-lock: the crash is on M, the failover on R, C2 acquisition on C2', () => {
    const events = trace('failover-loses-lock');
    const crash = events.find((e) => e.kind === 'crash');
    const failover = events.find((e) => e.kind === 'failover');
    const acquired = events.filter((e) => e.kind === 'lock-acquired');
    if (crash === undefined || failover === undefined) throw new Error('events missing');
    expect(eventLane(crash)).toBe('M');
    expect(describeEvent(crash)).toBe('200 ms M crashed, 1 key in memory lost');
    expect(eventLane(failover)).toBe('R');
    expect(describeEvent(failover)).toMatch(/^\d+ ms failover: R promoted in place of M$/);
    expect(acquired.map((e) => eventLane(e))).toEqual(['C1', 'C2']);
    expect(describeEvent(acquired[1] as TraceEvent)).toMatch(/C2 believes it holds the lock \(epoch 2, 1 vote\(s\): R\)/);
  });

  it('clock-jump: the jump is on C and says by how much; a partition belongs to no lane', () => {
    const events = trace('clock-jump');
    const jump = events.find((e) => e.kind === 'clock-jump');
    const partition = events.find((e) => e.kind === 'partition');
    if (jump === undefined || partition === undefined) throw new Error('events missing');
    expect(eventLane(jump)).toBe('C');
    expect(describeEvent(jump)).toBe("1000 ms C's clock jumped +10000 ms");
    expect(eventLane(partition)).toBeNull();
  });
});
