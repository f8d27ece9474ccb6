import { describe, expect, it } from 'vitest';
import { clientQuickFaults, nodeQuickFaults } from './quickFaults.ts';

describe('quick faults', () => {
  it('an up node offers kill, pause 5 s and a +10 s clock jump at the cursor time', () => {
    const faults = nodeQuickFaults({ id: 'M', state: 'up' }, 1200);
    expect(faults.map((f) => f.label)).toEqual([
      'Kill node M at 1200 ms',
      'Pause node M for 5 s at 1200 ms',
      "Jump node M's clock +10 s at 1200 ms",
    ]);
    expect(faults.map((f) => f.entry)).toEqual([
      { atMs: 1200, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null },
      { atMs: 1200, kind: 'pause-node', node: 'M', durationMs: 5000 },
      { atMs: 1200, kind: 'clock-jump', process: 'M', deltaMs: 10_000 },
    ]);
  });

  it('a crashed node offers a restart instead (and no kill); one already restarting offers neither', () => {
    const crashed = nodeQuickFaults({ id: 'A', state: 'crashed' }, 300);
    expect(crashed.map((f) => f.entry.kind)).toEqual(['restart-node', 'clock-jump']);
    expect(crashed[0]?.label).toBe('Restart node A at 300 ms');
    expect(nodeQuickFaults({ id: 'A', state: 'restarting' }, 300).map((f) => f.entry.kind)).toEqual(['clock-jump']);
  });

  it('a running client can be paused for 5 s or crashed; a crashed or finished one offers nothing', () => {
    const faults = clientQuickFaults({ id: 'C1', status: 'running' }, 9001);
    expect(faults.map((f) => f.label)).toEqual(['Pause client C1 for 5 s at 9001 ms', 'Crash client C1 at 9001 ms']);
    expect(faults.map((f) => f.entry)).toEqual([
      { atMs: 9001, kind: 'pause-client', client: 'C1', durationMs: 5000 },
      { atMs: 9001, kind: 'crash-client', client: 'C1' },
    ]);
    expect(clientQuickFaults({ id: 'C1', status: 'crashed' }, 9001)).toEqual([]);
    expect(clientQuickFaults({ id: 'C1', status: 'done' }, 9001)).toEqual([]);
  });
});
