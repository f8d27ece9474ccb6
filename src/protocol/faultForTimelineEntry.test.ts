import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets/index.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { TimelineEntry, TimelineKind } from '../sim/model/scenario.ts';
import { FAULT_FOR_TIMELINE_KIND, faultForTimelineEntry } from './faultForTimelineEntry.ts';
import { parseClientMessage } from './parseClientMessage.ts';

/** One entry of every timeline kind (the Record type makes the compiler name a missing one), at the format's bounds where they matter. */
const ENTRIES: Record<TimelineKind, TimelineEntry> = {
  'crash-node': { atMs: 100, kind: 'crash-node', node: 'A', clean: true, restartAfterMs: 0 },
  'restart-node': { atMs: 100, kind: 'restart-node', node: 'A' },
  'pause-node': { atMs: 100, kind: 'pause-node', node: 'B', durationMs: 3_600_000 },
  'kill-master': { atMs: 100, kind: 'kill-master', restartAfterMs: null },
  'crash-client': { atMs: 100, kind: 'crash-client', client: 'C1' },
  'pause-client': { atMs: 100, kind: 'pause-client', client: 'C1', durationMs: 1 },
  'clock-jump': { atMs: 100, kind: 'clock-jump', process: 'C', deltaMs: -86_400_000 },
  'clock-rate': { atMs: 100, kind: 'clock-rate', process: 'C', rate: 2 },
  partition: {
    atMs: 100,
    kind: 'partition',
    id: 'p7',
    groups: [
      ['A', 'C1'],
      ['B', 'C2'],
    ],
    durationMs: 0,
  },
  heal: { atMs: 100, kind: 'heal', id: null },
  'link-delay': { atMs: 100, kind: 'link-delay', from: 'C1', to: 'A', extraMs: 600_000, durationMs: null },
  'link-drop': { atMs: 100, kind: 'link-drop', from: 'A', to: 'C1', rate: 1, durationMs: 50 },
};

const TIMELINE_KINDS = Object.keys(ENTRIES) as TimelineKind[];
const master = { master: 'A' };

describe('faultForTimelineEntry', () => {
  it.each(TIMELINE_KINDS)('turns a %s entry into the message its table names, which the bridge accepts', (kind) => {
    const conversion = faultForTimelineEntry(ENTRIES[kind], 'f1', master);
    const expected = FAULT_FOR_TIMELINE_KIND[kind];
    if (expected === null) {
      expect(conversion.ok).toBe(false);
      return;
    }
    if (!conversion.ok) throw new Error(conversion.reason);
    expect(conversion.fault.type).toBe(expected);
    expect(parseClientMessage(JSON.stringify(conversion.fault))).toEqual({ ok: true, message: conversion.fault });
  });

  it('copies every field of the entry but its time and kind', () => {
    const copied = ['crash-node', 'restart-node', 'pause-node', 'pause-client', 'clock-jump', 'link-delay', 'link-drop'] as const;
    for (const kind of copied) {
      const { atMs: _atMs, kind: _kind, ...fields } = ENTRIES[kind];
      const conversion = faultForTimelineEntry(ENTRIES[kind], 'f1', master);
      expect(conversion.ok && conversion.fault, kind).toEqual({ type: FAULT_FOR_TIMELINE_KIND[kind], id: 'f1', ...fields });
    }
  });

  it('names a partition by `partition`, since `id` is the message id', () => {
    expect(faultForTimelineEntry(ENTRIES.partition, 'm9', master)).toEqual({
      ok: true,
      fault: {
        type: 'partition',
        id: 'm9',
        partition: 'p7',
        groups: [
          ['A', 'C1'],
          ['B', 'C2'],
        ],
        durationMs: 0,
      },
    });
    expect(faultForTimelineEntry({ atMs: 0, kind: 'heal', id: 'p7' }, 'm10', master)).toEqual({
      ok: true,
      fault: { type: 'heal', id: 'm10', partition: 'p7' },
    });
  });

  it('kills the current master for kill-master, and says so when none is known', () => {
    expect(faultForTimelineEntry(ENTRIES['kill-master'], 'f1', { master: 'M2' })).toEqual({
      ok: true,
      fault: { type: 'kill-node', id: 'f1', node: 'M2', clean: false, restartAfterMs: null },
    });
    expect(faultForTimelineEntry(ENTRIES['kill-master'], 'f1', { master: null })).toEqual({
      ok: false,
      reason: 'no master is known to kill',
    });
  });

  it('says why a client crash and a clock rate have no bridge fault', () => {
    expect(faultForTimelineEntry(ENTRIES['crash-client'], 'f1', master)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('stop-run'),
    });
    expect(faultForTimelineEntry(ENTRIES['clock-rate'], 'f1', master)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('clock'),
    });
  });

  it("converts every preset's timeline into messages the bridge accepts", () => {
    let converted = 0;
    for (const preset of PRESETS) {
      const parsed = parseScenario(preset.scenario);
      if (!parsed.ok) throw new Error(`${preset.name} does not parse`);
      const firstMaster = parsed.value.nodes.find((n) => n.replicaOf === undefined)?.id ?? null;
      for (const entry of parsed.value.timeline) {
        const conversion = faultForTimelineEntry(entry, `${preset.name.slice(0, 50)}-${converted}`, { master: firstMaster });
        if (!conversion.ok) continue;
        expect(parseClientMessage(JSON.stringify(conversion.fault)).ok, `${preset.name}: ${entry.kind}`).toBe(true);
        converted++;
      }
    }
    expect(converted).toBeGreaterThan(10);
  });
});
