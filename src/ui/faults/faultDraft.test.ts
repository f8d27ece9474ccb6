import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { run } from '../../sim/engine/run.ts';
import { type Scenario, TIMELINE_KINDS, type TimelineEntry } from '../../sim/model/scenario.ts';
import { buildFault, defaultDraft, type FaultDraft, unusedPartitionId, validateDraft } from './faultDraft.ts';

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} did not load`);
  return loaded.value;
}

/** The real validator's verdict on the scenario with only this entry in its timeline. */
function accepts(scenario: Scenario, entry: TimelineEntry): boolean {
  const parsed = parseScenario({ ...scenario, timeline: [entry] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.ok;
}

const failover = preset('failover-loses-lock');
const redlock = preset('clock-jump');

describe('defaultDraft + buildFault', () => {
  for (const scenario of [failover, redlock]) {
    for (const kind of TIMELINE_KINDS) {
      it(`${kind} in ${scenario.name}: the default is valid and the real validator accepts the entry`, () => {
        const draft = defaultDraft(kind, scenario);
        expect(validateDraft(draft, scenario)).toEqual([]);
        const entry = buildFault(draft, 1234.6);
        expect(entry.kind).toBe(kind);
        expect(entry.atMs).toBe(1235);
        expect(accepts(scenario, entry)).toBe(true);
      });
    }
  }

  it('defaults do something that matters: the master dies for good, a +10 s jump, a 5 s pause', () => {
    expect(buildFault(defaultDraft('kill-master', failover), 0)).toEqual({ atMs: 0, kind: 'kill-master', restartAfterMs: null });
    expect(buildFault(defaultDraft('clock-jump', redlock), 0)).toEqual({ atMs: 0, kind: 'clock-jump', process: 'A', deltaMs: 10_000 });
    expect(buildFault(defaultDraft('pause-client', redlock), 0)).toEqual({ atMs: 0, kind: 'pause-client', client: 'C1', durationMs: 5000 });
    // The delayed write: C1's messages to the storage arrive a whole TTL late.
    expect(buildFault(defaultDraft('link-delay', redlock), 0)).toMatchObject({ from: 'C1', to: 'storage', extraMs: redlock.lock.ttlMs });
  });

  it('the default partition cuts the master and a client off from the rest, long enough for a failover', () => {
    const entry = buildFault(defaultDraft('partition', failover), 100);
    expect(entry).toEqual({
      atMs: 100,
      kind: 'partition',
      id: 'p1',
      groups: [
        ['R', 'sentinel', 'C2', 'storage'],
        ['M', 'C1'],
      ],
      durationMs: 36_000,
    });
    // Sentinel (on side A) loses M and promotes R while the partition holds.
    const trace = run({ ...failover, timeline: [entry] }).trace;
    expect(trace.some((e) => e.kind === 'failover')).toBe(true);
  });

  it('a partition id the timeline already uses is not offered again', () => {
    expect(unusedPartitionId(redlock)).toBe('p1');
    const p1: TimelineEntry = { atMs: 0, kind: 'partition', id: 'p1', groups: [['A'], ['B']], durationMs: null };
    const withP1 = { ...redlock, timeline: [p1] };
    expect(unusedPartitionId(withP1)).toBe('p2');
  });

  it('restart-node offers the node the timeline left down', () => {
    expect(defaultDraft('restart-node', failover)).toEqual({ kind: 'restart-node', node: 'M' });
    const leftDown = { ...redlock, timeline: [{ atMs: 0, kind: 'crash-node', node: 'C', clean: false, restartAfterMs: null } as const] };
    expect(defaultDraft('restart-node', leftDown)).toEqual({ kind: 'restart-node', node: 'C' });
  });

  it('"stays down", "until healed" and "until the run ends" build null, and pass the validator', () => {
    const crash: FaultDraft = { kind: 'crash-node', node: 'B', clean: true, restartAfterMs: '-1', staysDown: true };
    expect(validateDraft(crash, redlock)).toEqual([]);
    expect(buildFault(crash, 0)).toEqual({ atMs: 0, kind: 'crash-node', node: 'B', clean: true, restartAfterMs: null });
    const partition = { ...defaultDraft('partition', redlock), durationMs: '', noEnd: true } as FaultDraft;
    expect(validateDraft(partition, redlock)).toEqual([]);
    expect(buildFault(partition, 0)).toMatchObject({ durationMs: null });
    const drop = { ...defaultDraft('link-drop', redlock), rate: '0.25', noEnd: true } as FaultDraft;
    const entry = buildFault(drop, 0);
    expect(entry).toMatchObject({ kind: 'link-drop', rate: 0.25, durationMs: null });
    expect(accepts(redlock, entry)).toBe(true);
  });

  it('heal builds one partition or all of them', () => {
    expect(buildFault({ kind: 'heal', id: 'c1-side' }, 5)).toEqual({ atMs: 5, kind: 'heal', id: 'c1-side' });
    expect(buildFault({ kind: 'heal', id: null }, 5)).toEqual({ atMs: 5, kind: 'heal', id: null });
    expect(accepts(redlock, buildFault({ kind: 'heal', id: 'c1-side' }, 5))).toBe(true);
  });
});

describe('validateDraft: an invalid draft names its field', () => {
  const cases: Array<[string, FaultDraft, string, RegExp]> = [
    ['negative pause', { kind: 'pause-client', client: 'C1', durationMs: '-5' }, 'durationMs', /^Duration must be at least 1 ms/],
    ['empty pause', { kind: 'pause-node', node: 'A', durationMs: '' }, 'durationMs', /^Duration: enter a number/],
    ['fractional pause', { kind: 'pause-node', node: 'A', durationMs: '2.5' }, 'durationMs', /^Duration must be a whole number/],
    [
      'negative restart',
      { kind: 'kill-master', restartAfterMs: '-1', staysDown: false },
      'restartAfterMs',
      /^Restart after cannot be negative/,
    ],
    [
      'unknown node',
      { kind: 'crash-node', node: 'Z', clean: false, restartAfterMs: '0', staysDown: false },
      'node',
      /^Node: there is no node "Z"/,
    ],
    ['no node', { kind: 'restart-node', node: '' }, 'node', /^Node: choose a node/],
    ['unknown client', { kind: 'crash-client', client: 'A' }, 'client', /^Client: there is no client "A"/],
    ['zero jump', { kind: 'clock-jump', process: 'A', deltaMs: '0' }, 'deltaMs', /^Jump of 0 ms would change nothing/],
    ['huge jump', { kind: 'clock-jump', process: 'A', deltaMs: '1e12' }, 'deltaMs', /^Jump must be at most 86400000 ms/],
    [
      'clock of the storage',
      { kind: 'clock-rate', process: 'storage', rate: '2' },
      'process',
      /^Clock of: there is no node or client "storage"/,
    ],
    ['rate 0', { kind: 'clock-rate', process: 'A', rate: '0' }, 'rate', /^Rate must be above 0/],
    ['rate -1', { kind: 'clock-rate', process: 'A', rate: '-1' }, 'rate', /^Rate must be above 0/],
    ['rate 20', { kind: 'clock-rate', process: 'A', rate: '20' }, 'rate', /^Rate must be between 0.1 and 10/],
    [
      'bad partition id',
      {
        kind: 'partition',
        id: '1st',
        sides: [
          { process: 'A', onSideB: true },
          { process: 'B', onSideB: false },
        ],
        durationMs: '5',
        noEnd: false,
      },
      'id',
      /^Partition id must be a letter/,
    ],
    [
      'empty side B',
      { kind: 'partition', id: 'p1', sides: [{ process: 'A', onSideB: false }], durationMs: '5', noEnd: false },
      'sideB',
      /^Side B is empty/,
    ],
    [
      'empty side A',
      { kind: 'partition', id: 'p1', sides: [{ process: 'A', onSideB: true }], durationMs: '5', noEnd: false },
      'sideB',
      /^Side B holds every process/,
    ],
    [
      'stale process',
      {
        kind: 'partition',
        id: 'p1',
        sides: [
          { process: 'M', onSideB: true },
          { process: 'A', onSideB: false },
        ],
        durationMs: '5',
        noEnd: false,
      },
      'sideB',
      /"M"/,
    ],
    [
      'zero-length partition',
      {
        kind: 'partition',
        id: 'p1',
        sides: [
          { process: 'A', onSideB: true },
          { process: 'B', onSideB: false },
        ],
        durationMs: '0',
        noEnd: false,
      },
      'durationMs',
      /^Duration must be at least 1 ms/,
    ],
    ['heal of an unknown partition', { kind: 'heal', id: 'nope' }, 'id', /no partition "nope"/],
    [
      'link to itself',
      { kind: 'link-delay', from: 'A', to: 'A', extraMs: '5', durationMs: '5', noEnd: false },
      'to',
      /^To must differ from From/,
    ],
    [
      'no extra delay',
      { kind: 'link-delay', from: 'A', to: 'C1', extraMs: '0', durationMs: '5', noEnd: false },
      'extraMs',
      /^Delay must be at least 1 ms/,
    ],
    [
      'negative link duration',
      { kind: 'link-delay', from: 'A', to: 'C1', extraMs: '5', durationMs: '-3', noEnd: false },
      'durationMs',
      /^Duration must be at least 1 ms/,
    ],
    [
      'drop rate 1.5',
      { kind: 'link-drop', from: 'A', to: 'C1', rate: '1.5', durationMs: '5', noEnd: false },
      'rate',
      /^Rate must be from 0 to 1/,
    ],
    [
      'drop rate text',
      { kind: 'link-drop', from: 'A', to: 'C1', rate: 'half', durationMs: '5', noEnd: false },
      'rate',
      /^Rate: enter a number from 0 to 1/,
    ],
    [
      'unknown link end',
      { kind: 'link-drop', from: 'X', to: 'C1', rate: '1', durationMs: '5', noEnd: false },
      'from',
      /^From: there is no process "X"/,
    ],
  ];
  for (const [name, draft, field, message] of cases) {
    it(`${name} -> ${field}`, () => {
      const issues = validateDraft(draft, redlock);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.field).toBe(field);
      expect(issues[0]?.message).toMatch(message);
    });
  }

  it('buildFault refuses a draft whose number is not a number', () => {
    expect(() => buildFault({ kind: 'pause-node', node: 'A', durationMs: 'soon' }, 0)).toThrow(/not a number/);
  });
});
