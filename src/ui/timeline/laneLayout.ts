import type { Lane } from './lanes.ts';

/** Where one lane sits on the plot, in CSS pixels from the plot's top. */
export interface LaneBox {
  id: string;
  row: number;
  y: number;
  height: number;
}

/** Service lanes (sentinel, storage) carry only messages and writes: they get less room. */
const SERVICE_WEIGHT = 0.6;

/**
 * Splits [topPx, topPx + heightPx) among the lanes, top to bottom in row order; nodes and
 * clients get equal shares, the services a smaller one. Whole pixels, so lane edges stay crisp.
 */
export function laneLayout(lanes: readonly Lane[], topPx: number, heightPx: number): LaneBox[] {
  const weights = lanes.map((l) => (l.kind === 'service' ? SERVICE_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const boxes: LaneBox[] = [];
  let acc = 0;
  lanes.forEach((lane, i) => {
    const y = topPx + Math.round((acc / total) * heightPx);
    acc += weights[i] as number;
    const next = topPx + Math.round((acc / total) * heightPx);
    boxes.push({ id: lane.id, row: lane.row, y, height: next - y });
  });
  return boxes;
}

/** The vertical centre of a lane: where its message arrows start and end. */
export function laneY(box: LaneBox): number {
  return box.y + box.height / 2;
}

/** The lane under a y coordinate, or undefined above the first or below the last. */
export function laneAtY(boxes: readonly LaneBox[], y: number): LaneBox | undefined {
  return boxes.find((b) => y >= b.y && y < b.y + b.height);
}
