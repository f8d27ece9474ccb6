import { describe, expect, it } from 'vitest';
import { AXIS_PX, plotGeometry, TOP_ROW_PX } from './plotGeometry.ts';

describe('plotGeometry', () => {
  it('a 300 px plot: the top row, then the lanes filling what is left, then the axis at the bottom', () => {
    const g = plotGeometry(
      [
        { id: 'A', kind: 'node', row: 0 },
        { id: 'C1', kind: 'client', row: 1 },
      ],
      800,
      300,
    );
    expect(g.topRow).toEqual({ y: 0, height: TOP_ROW_PX });
    expect(g.boxes.map((b) => [b.id, b.y, b.height])).toEqual([
      ['A', TOP_ROW_PX, 133],
      ['C1', TOP_ROW_PX + 133, 133],
    ]);
    expect(g.axis).toEqual({ y: 300 - AXIS_PX, height: AXIS_PX });
    expect(g.lanesBottom).toBe(g.axis.y);
  });
});
