import { describe, expect, it } from 'vitest';
import { LOCK_MACHINES, type LockMachineName } from './machines/index.ts';
import { type ChartState, STATECHARTS, statechartOf } from './statechart.ts';

const NAMES = Object.keys(LOCK_MACHINES) as LockMachineName[];

function flatten(state: ChartState): ChartState[] {
  return [state, ...state.states.flatMap(flatten)];
}

/** A state by its key path below the root, e.g. "acquiring.sequential.asking". */
function at(root: ChartState, path: string): ChartState | undefined {
  return path.split('.').reduce<ChartState | undefined>((s, key) => s?.states.find((c) => c.key === key), root);
}

describe.each(NAMES)('statechart of %s', (name) => {
  const chart = statechartOf(name);
  const states = flatten(chart.root);
  const ids = new Set(states.map((s) => s.id));

  it('is exported, named and described by its machine', () => {
    expect(STATECHARTS[name]).toEqual(chart);
    expect(chart.name).toBe(name);
    expect(chart.description).toBe(name);
    expect(chart.root.id).toBe('lock');
    expect(chart.root.initial).toBe('lock.idle');
  });

  it('every transition target and every initial is a state of the chart', () => {
    const refs = states.flatMap((s) => [...s.transitions.flatMap((t) => t.targets), ...(s.initial ? [s.initial] : [])]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has the shared workload states, done is final and START leaves idle', () => {
    for (const key of ['idle', 'acquiring', 'deciding', 'failed', 'backoff', 'holding', 'releasing', 'thinking', 'done']) {
      expect(at(chart.root, key)?.id).toBe(`lock.${key}`);
    }
    expect(at(chart.root, 'done')?.type).toBe('final');
    expect(at(chart.root, 'idle')?.transitions).toEqual([
      { event: 'START', targets: ['lock.done'], guard: 'noRounds', actions: [] },
      { event: 'START', targets: ['lock.acquiring'], guard: null, actions: ['beginRound'] },
    ]);
  });

  it('survives JSON round-trip unchanged (plain data, no functions)', () => {
    expect(JSON.parse(JSON.stringify(chart))).toStrictEqual(chart);
  });
});

describe('statechart details', () => {
  it('redlock has acquiring.parallel and acquiring.sequential.asking', () => {
    const root = statechartOf('redlock').root;
    expect(at(root, 'acquiring.parallel')?.id).toBe('lock.acquiring.parallel');
    expect(at(root, 'acquiring.sequential.asking')?.entry).toEqual(['send', 'startTimer']);
    expect(at(root, 'acquiring.sequential')?.initial).toBe('lock.acquiring.sequential.asking');
  });

  it("the watchdog's holding is parallel with work and watchdog regions", () => {
    const holding = at(statechartOf('redlock-watchdog').root, 'holding');
    expect(holding?.type).toBe('parallel');
    expect(holding?.states.map((s) => s.key)).toEqual(['work', 'watchdog']);
    expect(at(statechartOf('redlock').root, 'holding')?.type).toBe('compound');
  });

  it('actions and guards are named: deciding → holding runs markAcquired, report, claim', () => {
    const deciding = at(statechartOf('set-nx-px-cad').root, 'deciding');
    expect(deciding?.transitions[0]).toEqual({
      event: 'always',
      targets: ['lock.holding'],
      guard: 'acquiredWithValidity',
      actions: ['markAcquired', 'report', 'claim'],
    });
  });

  it('single-failover locates the master before setting the key', () => {
    const acquiring = at(statechartOf('single-failover').root, 'acquiring');
    expect(acquiring?.initial).toBe('lock.acquiring.locating');
    expect(acquiring?.states.map((s) => s.key)).toEqual(['locating', 'setting', 'waiting']);
  });
});
