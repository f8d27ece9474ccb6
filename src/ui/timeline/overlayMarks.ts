import type { TraceEvent } from '../../sim/trace/events.ts';
import { describeEvent, eventLane } from './describeEvent.ts';
import type { TimelineModel, ViolationModel } from './timelineModel.ts';

/**
 * What the SVG overlay shows besides the cursor and the fault markers, as data: the
 * violation bands reached so far, and the highlighted causes of a "jump to cause".
 */

/** The part of a violation band that has happened by the cursor: none before it starts, up to the cursor while inside it. */
export function bandUpTo(v: ViolationModel, cursorMs: number): { fromMs: number; toMs: number } | null {
  if (v.fromMs > cursorMs) return null;
  return { fromMs: v.fromMs, toMs: Math.min(v.toMs, cursorMs) };
}

export interface CauseMark {
  index: number;
  t: number;
  /** The lane's row, or null for an event of the whole system (drawn in the top row). */
  row: number | null;
  text: string;
}

/** The highlighted events in time order, each on its lane, with the checker's words for it when it has some. */
export function causeMarks(trace: readonly TraceEvent[], indices: readonly number[], model: TimelineModel): CauseMark[] {
  const rowOf = new Map(model.lanes.map((l) => [l.id, l.row]));
  const marks: CauseMark[] = [];
  for (const index of indices) {
    const e = trace[index];
    if (e === undefined) continue;
    const lane = eventLane(e);
    marks.push({
      index,
      t: e.t,
      row: lane === null ? null : (rowOf.get(lane) ?? null),
      text: model.causeText.get(index) ?? describeEvent(e),
    });
  }
  return marks.sort((a, b) => a.t - b.t || a.index - b.index);
}
