import { describe, expect, it } from 'vitest';
import { STATECHARTS } from '../../lock/statechart.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { stateIndexAt } from './lastTransition.ts';
import { edgeKey } from './layoutStatechart.ts';
import { haltText, readStatechart } from './readStatechart.ts';
import { presetRun } from './testTraces.ts';

function stateIndex(trace: readonly TraceEvent[], client: string, label: string, from = 0): number {
  return trace.findIndex((e, i) => i >= from && e.kind === 'client-state' && e.client === client && e.state === label);
}

describe('readStatechart', () => {
  const { trace } = presetRun('happy-path');
  const chart = STATECHARTS.redlock;

  it('before the first state change the initial state is lit and nothing was taken', () => {
    const reading = readStatechart(chart, trace, 'C1', -1);
    expect(reading.stateText).toBe('idle');
    expect(reading.transitionText).toBe('none yet (not started)');
    expect([...reading.active]).toEqual(['lock', 'lock.idle']);
    expect(reading.taken.size).toBe(0);
  });

  it('the first report is where the machine starts', () => {
    const reading = readStatechart(chart, trace, 'C1', stateIndex(trace, 'C1', 'idle'));
    expect(reading.transitionText).toBe('starts in idle (at 0 ms)');
  });

  it('the acquisition: holding.working lit, the REPLY through deciding highlighted', () => {
    const reading = readStatechart(chart, trace, 'C1', stateIndex(trace, 'C1', 'holding.working'));
    expect(reading.stateText).toBe('holding.working');
    expect(reading.transitionText).toBe('acquiring.parallel → holding.working on REPLY via deciding (at 4 ms)');
    expect([...reading.active].sort()).toEqual(['lock', 'lock.holding', 'lock.holding.working']);
    expect([...reading.taken]).toEqual([
      edgeKey('lock.acquiring.parallel', 'always', 'voteDecided', 'lock.deciding'),
      edgeKey('lock.deciding', 'always', 'acquiredWithValidity', 'lock.holding'),
    ]);
    expect(reading.takenFrom).toEqual(['lock.acquiring.parallel']);
  });

  it("single-failover's second client times out and backs off", () => {
    const r = presetRun('failover-loses-lock');
    const reading = readStatechart(STATECHARTS['single-failover'], r.trace, 'C2', stateIndex(r.trace, 'C2', 'backoff'));
    expect(reading.transitionText).toBe('acquiring.setting → backoff on REQUEST_TIMEOUT via deciding, failed (at 26004 ms)');
  });

  it('the watchdog shows its parallel label and the region state it passed through', () => {
    const r = presetRun('watchdog-renewal');
    const extending = stateIndex(r.trace, 'C1', 'holding.{work.working,watchdog.extending}');
    const back = stateIndex(r.trace, 'C1', 'holding.{work.working,watchdog.waiting}', extending);
    const reading = readStatechart(STATECHARTS['redlock-watchdog'], r.trace, 'C1', back);
    expect(reading.stateText).toBe('holding.{work.working,watchdog.waiting}');
    expect(reading.transitionText).toMatch(
      /^holding\.\{work\.working,watchdog\.extending\} → holding\.\{work\.working,watchdog\.waiting\} on REPLY via holding\.watchdog\.deciding, holding\.watchdog\.arming \(at \d+ ms\)$/,
    );
    expect(reading.active.has('lock.holding.watchdog.waiting')).toBe(true);
    expect(reading.active.has('lock.holding.work.working')).toBe(true);
    expect(reading.active.has('lock.holding.watchdog.extending')).toBe(false);
  });

  it('a label from another machine lights nothing and says so', () => {
    const r = presetRun('watchdog-renewal');
    const reading = readStatechart(STATECHARTS['set-nx-px-del'], r.trace, 'C1', stateIndex(r.trace, 'C1', 'acquiring.parallel'));
    expect(reading.unknown).toBe(true);
    expect(reading.active.size).toBe(0);
    expect(reading.transitionText).toBe('unknown state (at 0 ms)');
  });
});

describe('haltText', () => {
  it('says when the client is paused and when it crashed', () => {
    const paused = presetRun('gc-pause-after-acquire');
    const during = paused.trace.findIndex((e) => e.kind === 'pause' && e.process === 'C1');
    expect(haltText(paused.trace, 'C1', during, stateIndexAt(paused.trace, 'C1', during))).toMatch(/^C1 is paused \(9001–\d+ ms\)/);
    expect(haltText(paused.trace, 'C2', during, stateIndexAt(paused.trace, 'C2', during))).toBe('');
    const crashed = presetRun('setnx-expire-crash');
    const end = crashed.trace.length - 1;
    expect(haltText(crashed.trace, 'C1', end, stateIndexAt(crashed.trace, 'C1', end))).toBe(
      'C1 crashed at 3 ms: its machine stopped in this state.',
    );
  });
});
