import { describe, expect, it } from 'vitest';
import type { LockMachineName } from '../../lock/machines/index.ts';
import { STATECHARTS } from '../../lock/statechart.ts';
import { activeStateIds, initialLabel, initialStateIds } from './activeStates.ts';
import { chartIndex } from './chartIndex.ts';
import { clientStateEvents } from './testTraces.ts';

const NAMES = Object.keys(STATECHARTS) as LockMachineName[];

/** Every label each machine reports in the presets. */
const labelsByMachine = new Map<LockMachineName, Set<string>>();
for (const e of clientStateEvents()) {
  const labels = labelsByMachine.get(e.machine) ?? new Set<string>();
  labels.add(e.label);
  labelsByMachine.set(e.machine, labels);
}

describe('activeStateIds on the labels the presets produce', () => {
  it('the presets exercise every machine, with several labels each', () => {
    expect([...labelsByMachine.keys()].sort()).toEqual([...NAMES].sort());
    for (const labels of labelsByMachine.values()) expect(labels.size).toBeGreaterThanOrEqual(4);
  });

  describe.each(NAMES)('%s', (name) => {
    const chart = STATECHARTS[name];
    const index = chartIndex(chart);
    it.each([...(labelsByMachine.get(name) ?? [])])('"%s" is a full configuration of existing states', (label) => {
      const ids = activeStateIds(chart, label);
      expect(ids).not.toBeNull();
      const active = [...(ids ?? [])];
      expect(active.filter((id) => !index.has(id))).toEqual([]);
      expect(active).toContain('lock');
      for (const id of active) {
        const state = index.get(id)?.state;
        const parent = index.get(id)?.parentId;
        // Every active state's parent is active; a compound has exactly one active child, a parallel state all of its regions.
        if (parent !== null && parent !== undefined) expect(active).toContain(parent);
        const children = state?.states.filter((c) => active.includes(c.id)) ?? [];
        if (state?.type === 'compound') expect(children).toHaveLength(1);
        if (state?.type === 'parallel') expect(children).toHaveLength(state.states.length);
      }
      // The label's last key on each path (before a comma, a brace or the end) is an active leaf.
      const leafKeys = [...label.matchAll(/(\w+)(?=[,}]|$)/g)].map((m) => m[1]);
      expect(leafKeys.length).toBeGreaterThan(0);
      for (const key of leafKeys) {
        expect(active.some((id) => index.get(id)?.state.key === key && index.get(id)?.state.states.length === 0)).toBe(true);
      }
    });
  });
});

describe('activeStateIds', () => {
  it('reads parallel regions: the watchdog holding in work.writing and watchdog.extending', () => {
    const ids = activeStateIds(STATECHARTS['redlock-watchdog'], 'holding.{work.writing,watchdog.extending}');
    expect([...(ids ?? [])].sort()).toEqual(
      [
        'lock',
        'lock.holding',
        'lock.holding.watchdog',
        'lock.holding.watchdog.extending',
        'lock.holding.work',
        'lock.holding.work.writing',
      ].sort(),
    );
  });

  it('reads a nested path: acquiring.sequential.asking', () => {
    expect([...(activeStateIds(STATECHARTS.redlock, 'acquiring.sequential.asking') ?? [])]).toEqual([
      'lock',
      'lock.acquiring',
      'lock.acquiring.sequential',
      'lock.acquiring.sequential.asking',
    ]);
  });

  it('a label that stops at a compound state means its initial states', () => {
    expect([...(activeStateIds(STATECHARTS.redlock, 'holding') ?? [])]).toEqual(['lock', 'lock.holding', 'lock.holding.working']);
  });

  it('refuses states the chart does not have and malformed labels', () => {
    expect(activeStateIds(STATECHARTS.redlock, 'holding.{work.working,watchdog.waiting}')).toBeNull();
    expect(activeStateIds(STATECHARTS['set-nx-px-del'], 'acquiring.parallel')).toBeNull();
    expect(activeStateIds(STATECHARTS['redlock-watchdog'], 'holding.{work.working,watchdog.waiting')).toBeNull();
    expect(activeStateIds(STATECHARTS.redlock, '')).toBeNull();
    expect(activeStateIds(STATECHARTS.redlock, 'idle.')).toBeNull();
  });
});

describe('initial state', () => {
  it.each(NAMES)('%s starts in idle', (name) => {
    expect(initialLabel(STATECHARTS[name])).toBe('idle');
    expect([...initialStateIds(STATECHARTS[name])]).toEqual(['lock', 'lock.idle']);
  });
});
