import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import { describeFault, faultTag } from './describeFault.ts';
import { FAULT_KIND_LABELS, FAULT_KINDS } from './faultKinds.ts';

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} did not load`);
  return loaded.value;
}

const failover = preset('failover-loses-lock');
const redlock = preset('clock-jump');

describe('describeFault', () => {
  const cases: Array<[TimelineEntry, Scenario, string]> = [
    [{ atMs: 0, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null }, failover, 'M crashes (stays down)'],
    [
      { atMs: 0, kind: 'crash-node', node: 'A', clean: true, restartAfterMs: 5000 },
      redlock,
      'A shuts down cleanly, restarts after 5000 ms',
    ],
    [{ atMs: 0, kind: 'restart-node', node: 'M' }, failover, 'M restarts (if it is down)'],
    [{ atMs: 0, kind: 'pause-node', node: 'B', durationMs: 3000 }, redlock, 'B pauses for 3000 ms'],
    [{ atMs: 0, kind: 'kill-master', restartAfterMs: null }, failover, "Sentinel's current master crashes (stays down)"],
    [{ atMs: 0, kind: 'kill-master', restartAfterMs: 2000 }, redlock, 'The first master that is up crashes, restarts after 2000 ms'],
    [{ atMs: 0, kind: 'crash-client', client: 'C2' }, redlock, 'C2 crashes (for good: clients do not restart)'],
    [{ atMs: 0, kind: 'pause-client', client: 'C1', durationMs: 5000 }, redlock, 'C1 pauses for 5000 ms'],
    [{ atMs: 0, kind: 'clock-jump', process: 'C', deltaMs: 10_000 }, redlock, "C's clock jumps 10000 ms forward"],
    [{ atMs: 0, kind: 'clock-jump', process: 'C1', deltaMs: -2500 }, redlock, "C1's clock jumps 2500 ms back"],
    [{ atMs: 0, kind: 'clock-rate', process: 'A', rate: 2 }, redlock, "A's clock runs at 2× true time (fast)"],
    [{ atMs: 0, kind: 'clock-rate', process: 'A', rate: 0.5 }, redlock, "A's clock runs at 0.5× true time (slow)"],
    [{ atMs: 0, kind: 'clock-rate', process: 'A', rate: 1 }, redlock, "A's clock runs at the true rate"],
    [
      { atMs: 0, kind: 'partition', id: 'c1-side', groups: [['C1'], ['D', 'E']], durationMs: 2000 },
      redlock,
      'partition c1-side: {C1} | {D, E} for 2000 ms',
    ],
    [
      { atMs: 0, kind: 'partition', id: 'p1', groups: [['A', 'B'], ['C']], durationMs: null },
      redlock,
      'partition p1: {A, B} | {C} until healed',
    ],
    [{ atMs: 0, kind: 'heal', id: 'c1-side' }, redlock, 'partition c1-side heals'],
    [{ atMs: 0, kind: 'heal', id: null }, redlock, 'all partitions heal'],
    [
      { atMs: 0, kind: 'link-delay', from: 'C1', to: 'storage', extraMs: 90_000, durationMs: 1000 },
      redlock,
      'messages C1 → storage sent in the next 1000 ms take 90000 ms longer',
    ],
    [
      { atMs: 0, kind: 'link-delay', from: 'A', to: 'C1', extraMs: 50, durationMs: null },
      redlock,
      'messages A → C1 sent from now on take 50 ms longer',
    ],
    [{ atMs: 0, kind: 'link-drop', from: 'A', to: 'C1', rate: 1, durationMs: 3000 }, redlock, 'A → C1 drops every message for 3000 ms'],
    [
      { atMs: 0, kind: 'link-drop', from: 'A', to: 'C1', rate: 0.333, durationMs: null },
      redlock,
      'A → C1 drops 33.3% of messages until the run ends',
    ],
  ];
  for (const [entry, scenario, text] of cases) {
    it(text, () => expect(describeFault(entry, scenario)).toBe(text));
  }

  it('says when a node’s restart delay holds it down longer than asked', () => {
    const delayed = { ...redlock, nodes: redlock.nodes.map((n) => (n.id === 'A' ? { ...n, restartDelayMs: 30_000 } : n)) };
    expect(describeFault({ atMs: 0, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: 5000 }, delayed)).toBe(
      'A crashes, restarts after 30000 ms (its restart delay; asked for 5000 ms)',
    );
  });
});

describe('faultTag', () => {
  it('names the kind and the target, for accessible names', () => {
    expect(faultTag({ atMs: 0, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null })).toBe('crash-node M');
    expect(faultTag({ atMs: 0, kind: 'kill-master', restartAfterMs: null })).toBe('kill-master');
    expect(faultTag({ atMs: 0, kind: 'heal', id: null })).toBe('heal all');
    expect(faultTag({ atMs: 0, kind: 'link-drop', from: 'A', to: 'C1', rate: 1, durationMs: null })).toBe('link-drop A to C1');
  });
});

describe('FAULT_KIND_LABELS', () => {
  it('offers all 12 kinds in friendly words, each once', () => {
    expect(FAULT_KINDS).toHaveLength(12);
    expect(new Set(Object.values(FAULT_KIND_LABELS)).size).toBe(12);
    expect(FAULT_KIND_LABELS['kill-master']).toBe('Kill the master');
    expect(FAULT_KIND_LABELS['clock-rate']).toBe("Change a clock's rate (drift)");
  });
});
