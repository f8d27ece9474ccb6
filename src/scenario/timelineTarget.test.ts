import { describe, expect, it } from 'vitest';
import { timelineTarget } from './timelineTarget.ts';

describe('timelineTarget', () => {
  it('names the node, client, clock owner or link sender, and nobody for system-wide entries', () => {
    expect(timelineTarget({ atMs: 0, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null })).toBe('M');
    expect(timelineTarget({ atMs: 0, kind: 'pause-client', client: 'C1', durationMs: 5 })).toBe('C1');
    expect(timelineTarget({ atMs: 0, kind: 'clock-jump', process: 'C', deltaMs: 10 })).toBe('C');
    expect(timelineTarget({ atMs: 0, kind: 'link-drop', from: 'C1', to: 'A', rate: 1, durationMs: null })).toBe('C1');
    expect(timelineTarget({ atMs: 0, kind: 'kill-master', restartAfterMs: null })).toBeNull();
    expect(timelineTarget({ atMs: 0, kind: 'heal', id: null })).toBeNull();
  });
});
