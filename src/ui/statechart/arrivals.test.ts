import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { arrivalAt, arrivalsOf } from './arrivals.ts';
import { allPresetRuns, machineOf, presetRun } from './testTraces.ts';

describe('arrivalsOf', () => {
  it('every acquisition was decided on a reply that reached the client at that moment', () => {
    let acquisitions = 0;
    for (const r of allPresetRuns()) {
      for (const e of r.trace) {
        if (e.kind !== 'lock-acquired') continue;
        acquisitions++;
        expect(arrivalAt(r.trace, e.client, e.t), `${r.name} ${e.client} at ${e.t}`).toBe('REPLY');
      }
    }
    expect(acquisitions).toBeGreaterThan(20);
  });

  it('an attempt that timed out had nothing arrive at that moment', () => {
    let timeouts = 0;
    for (const r of allPresetRuns()) {
      for (const e of r.trace) {
        if (e.kind !== 'lock-failed' || e.reason !== 'timeout') continue;
        timeouts++;
        expect(arrivalAt(r.trace, e.client, e.t), `${r.name} ${e.client} at ${e.t}`).toBeNull();
      }
    }
    expect(timeouts).toBeGreaterThan(0);
  });

  it("single-failover's client learns the master from Sentinel (MASTER) before it sets the key", () => {
    const r = presetRun('failover-loses-lock');
    expect(machineOf(r, 'C1')).toBe('single-failover');
    const setting = r.trace.find((e) => e.kind === 'client-state' && e.client === 'C1' && e.state === 'acquiring.setting') as TraceEvent;
    expect(arrivalAt(r.trace, 'C1', setting.t)).toBe('MASTER');
  });

  it('a dropped reply never arrives; one held back by a pause arrives when the client takes it', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'run-start', seed: 1, durationMs: 100, nodes: ['A'], clients: ['C1'] },
      { t: 1, kind: 'send', msg: 1, type: 'reply', from: 'A', to: 'C1', deliverAtMs: 5, label: 'OK' },
      { t: 2, kind: 'send', msg: 2, type: 'reply', from: 'A', to: 'C1', deliverAtMs: 7, label: 'OK' },
      { t: 3, kind: 'send', msg: 3, type: 'request', from: 'C1', to: 'A', deliverAtMs: 11, label: 'SET lock' },
      { t: 4, kind: 'send', msg: 4, type: 'sentinel', from: 'sentinel', to: 'C1', deliverAtMs: 12, label: 'master' },
      { t: 5, kind: 'drop', msg: 1, from: 'A', to: 'C1', reason: 'loss' },
      { t: 9, kind: 'deliver', msg: 2, from: 'A', to: 'C1', dueMs: 7 },
    ];
    expect(arrivalAt(trace, 'C1', 5)).toBeNull();
    expect(arrivalAt(trace, 'C1', 7)).toBeNull();
    expect(arrivalAt(trace, 'C1', 9)).toBe('REPLY');
    expect(arrivalAt(trace, 'A', 11)).toBeNull();
    expect(arrivalAt(trace, 'C1', 12)).toBe('MASTER');
  });

  it('is computed once per trace', () => {
    const { trace } = presetRun('happy-path');
    expect(arrivalsOf(trace)).toBe(arrivalsOf(trace));
  });
});
