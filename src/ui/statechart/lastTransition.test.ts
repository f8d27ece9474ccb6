import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { haltAt, lastTransition, stateIndexAt } from './lastTransition.ts';
import { presetRun } from './testTraces.ts';

function indexOfState(trace: readonly TraceEvent[], client: string, label: string): number {
  return trace.findIndex((e) => e.kind === 'client-state' && e.client === client && e.state === label);
}

describe('lastTransition', () => {
  const { trace } = presetRun('happy-path');
  const holding = indexOfState(trace, 'C1', 'holding.working');

  it('before the client reports any state there is neither a current nor a previous state', () => {
    expect(lastTransition(trace, 'C1', -1)).toEqual({ current: null, previous: null });
    const first = indexOfState(trace, 'C1', 'idle');
    expect(lastTransition(trace, 'C1', first - 1).current).toBeNull();
    expect(lastTransition(trace, 'C1', first)).toEqual({ current: { label: 'idle', t: 0, index: first }, previous: null });
  });

  it('at the acquisition C1 moves from acquiring.parallel to holding.working', () => {
    const last = lastTransition(trace, 'C1', holding);
    expect(last.current?.label).toBe('holding.working');
    expect(last.previous?.label).toBe('acquiring.parallel');
    expect(last.current?.index).toBe(holding);
    expect(last.previous?.index).toBeLessThan(holding);
  });

  it('between state changes the cursor keeps the last one, whatever other events pass', () => {
    const next = trace.findIndex((e, i) => i > holding && e.kind === 'client-state' && e.client === 'C1');
    expect(next - holding).toBeGreaterThan(1);
    expect(lastTransition(trace, 'C1', next - 1).current?.index).toBe(holding);
    expect(stateIndexAt(trace, 'C1', next - 1)).toBe(holding);
    expect(stateIndexAt(trace, 'C1', next)).toBe(next);
    expect(stateIndexAt(trace, 'C1', -1)).toBe(-1);
  });

  it("ignores the other client's state changes", () => {
    const c2 = trace.findIndex((e) => e.kind === 'client-state' && e.client === 'C2' && e.state !== 'idle');
    expect(lastTransition(trace, 'C2', c2).current?.label).not.toBe(lastTransition(trace, 'C1', c2).current?.label);
    expect(lastTransition(trace, 'nobody', trace.length - 1)).toEqual({ current: null, previous: null });
  });

  it('past the end of the trace is the end of the trace', () => {
    expect(lastTransition(trace, 'C1', trace.length + 100)).toEqual(lastTransition(trace, 'C1', trace.length - 1));
    expect(lastTransition(trace, 'C1', trace.length - 1).current?.label).toBe('done');
  });
});

describe('haltAt', () => {
  it('a GC pause halts the client until it resumes', () => {
    const { trace } = presetRun('gc-pause-after-acquire');
    const pause = trace.findIndex((e) => e.kind === 'pause' && e.process === 'C1');
    const resume = trace.findIndex((e) => e.kind === 'resume' && e.process === 'C1');
    expect(pause).toBeGreaterThan(0);
    expect(resume).toBeGreaterThan(pause);
    const since = stateIndexAt(trace, 'C1', pause);
    expect(haltAt(trace, 'C1', pause - 1, stateIndexAt(trace, 'C1', pause - 1))).toBeNull();
    expect(haltAt(trace, 'C1', pause, since)).toEqual({
      kind: 'paused',
      atMs: 9001,
      untilMs: (trace[pause] as { untilMs: number }).untilMs,
    });
    expect(haltAt(trace, 'C1', resume - 1, stateIndexAt(trace, 'C1', resume - 1))?.kind).toBe('paused');
    expect(haltAt(trace, 'C1', resume, stateIndexAt(trace, 'C1', resume))).toBeNull();
    expect(haltAt(trace, 'C2', pause, stateIndexAt(trace, 'C2', pause))).toBeNull();
  });

  it('a crashed client stays halted to the end of the run', () => {
    const { trace } = presetRun('setnx-expire-crash');
    const crash = trace.findIndex((e) => e.kind === 'crash' && e.process === 'C1');
    expect(crash).toBeGreaterThan(0);
    const end = trace.length - 1;
    expect(haltAt(trace, 'C1', end, stateIndexAt(trace, 'C1', end))).toEqual({ kind: 'crashed', atMs: 3 });
    expect(haltAt(trace, 'C1', crash - 1, stateIndexAt(trace, 'C1', crash - 1))).toBeNull();
  });

  it('a pause the client resumed from before its last state change does not count', () => {
    const r = presetRun('happy-path');
    const paused = run({ ...r.scenario, timeline: [{ atMs: 1, kind: 'pause-client', client: 'C1', durationMs: 2 }] }).trace;
    const end = paused.length - 1;
    expect(haltAt(paused, 'C1', end, stateIndexAt(paused, 'C1', end))).toBeNull();
  });
});
