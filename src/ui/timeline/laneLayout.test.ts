import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { laneAtY, laneLayout, laneY } from './laneLayout.ts';
import { lanesOf } from './lanes.ts';

describe('laneLayout', () => {
  it('failover-loses-lock in 260 px: M, R, C1, C2 share equally, sentinel and storage get 60%, no gaps', () => {
    const loaded = loadPreset('failover-loses-lock');
    if (!loaded.ok) throw new Error('preset invalid');
    const boxes = laneLayout(lanesOf(run(loaded.value).trace), 20, 260);
    expect(boxes.map((b) => b.id)).toEqual(['M', 'R', 'C1', 'C2', 'sentinel', 'storage']);
    expect(boxes.map((b) => b.height)).toEqual([50, 50, 50, 50, 30, 30]);
    expect(boxes[0]?.y).toBe(20);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]?.y).toBe((boxes[i - 1]?.y ?? 0) + (boxes[i - 1]?.height ?? 0));
    expect(laneY(boxes[2] as (typeof boxes)[number])).toBe(145);
  });

  it('laneAtY finds the lane under a pointer, none outside', () => {
    const boxes = laneLayout(
      [
        { id: 'A', kind: 'node', row: 0 },
        { id: 'C1', kind: 'client', row: 1 },
      ],
      0,
      100,
    );
    expect(laneAtY(boxes, 10)?.id).toBe('A');
    expect(laneAtY(boxes, 50)?.id).toBe('C1');
    expect(laneAtY(boxes, 100)).toBeUndefined();
  });
});
