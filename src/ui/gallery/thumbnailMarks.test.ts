import { describe, expect, it } from 'vitest';
import { presetPreview } from './presetPreview.ts';
import type { Preview } from './previewOf.ts';
import { thumbnailMarks } from './thumbnailMarks.ts';

function previewOfPreset(name: string): Preview {
  const p = presetPreview(name);
  if (!p.ok) throw new Error(p.error);
  return p.preview;
}

describe('thumbnailMarks', () => {
  it('failover-loses-lock: the violation band starts at 69% of the plot and spans the lanes', () => {
    const marks = thumbnailMarks(previewOfPreset('failover-loses-lock'), 200, 56);
    const plotWidthPx = marks.plotRightPx - marks.plotLeftPx;
    expect(marks.lanes.map((l) => l.client)).toEqual(['C1', 'C2']);
    expect(marks.violations).toHaveLength(1);
    const band = marks.violations[0];
    expect(band?.xPx).toBeCloseTo(marks.plotLeftPx + (31020 / 45000) * plotWidthPx, 0);
    // The band covers both lanes: from above C1's middle to below C2's.
    expect(band?.yPx).toBeLessThan(marks.lanes[0]?.yPx ?? 0);
    expect((band?.yPx ?? 0) + (band?.heightPx ?? 0)).toBeGreaterThan(marks.lanes[1]?.yPx ?? 99);
    // The master's crash at 200 ms is a marker near the left edge.
    expect(marks.faults).toHaveLength(1);
    expect(marks.faults[0]?.xPx).toBeLessThan(marks.plotLeftPx + 2);
  });

  it('busy-redlock: three lanes, every mark inside the thumbnail', () => {
    const marks = thumbnailMarks(previewOfPreset('busy-redlock'), 200, 56);
    expect(marks.lanes).toHaveLength(3);
    for (const r of [...marks.beliefs, ...marks.violations]) {
      expect(r.xPx).toBeGreaterThanOrEqual(marks.plotLeftPx);
      expect(r.xPx + r.widthPx).toBeLessThanOrEqual(marks.plotRightPx + 1);
      expect(r.yPx).toBeGreaterThanOrEqual(0);
      expect(r.yPx + r.heightPx).toBeLessThanOrEqual(56);
    }
    for (const l of marks.attempts) {
      expect(l.xPx).toBeGreaterThanOrEqual(marks.plotLeftPx);
      expect(l.xPx).toBeLessThanOrEqual(marks.plotRightPx);
    }
    // Each belief bar sits in its own client's lane.
    const laneOf = (yPx: number) => marks.lanes.findIndex((l) => Math.abs(l.yPx - yPx) < 8);
    expect(new Set(marks.beliefs.map((b) => laneOf(b.yPx + b.heightPx / 2)))).toEqual(new Set([0, 1, 2]));
  });

  it('a belief too short for a pixel still shows as a 1 px sliver', () => {
    const preview: Preview = {
      rows: [{ client: 'C1', beliefs: [{ start: 0.5, end: 0.5 }], attempts: [] }],
      violations: [],
      staleWrites: [0.75],
      rejectedWrites: [],
      faults: [],
      endMs: 1000,
    };
    const marks = thumbnailMarks(preview, 200, 56);
    expect(marks.beliefs[0]?.widthPx).toBe(1);
    // Stale writes are ticks along the bottom strip, below the lanes.
    expect(marks.staleWrites[0]?.y1Px).toBeGreaterThan((marks.beliefs[0]?.yPx ?? 0) + (marks.beliefs[0]?.heightPx ?? 0));
  });
});
