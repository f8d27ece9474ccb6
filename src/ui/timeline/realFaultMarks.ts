import { describeEvent } from '../../sim/engine/summarize.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/** A fault that happened on real Redis, as the trace recorded it: where to mark it and what to call it. */
export interface RealFaultMark {
  index: number;
  t: number;
  /** The lane's process, or null for what spans lanes (a partition, a heal, a failover). */
  process: string | null;
  /** "A crashed, 0 key(s) in memory lost, at 5123 ms on real Redis". */
  label: string;
}

/**
 * The faults of a real run. On real Redis a fault is injected now, not drawn in the scenario,
 * so the scenario's draggable markers do not show it: these marks, read from the trace, do.
 */
export function realFaultMarks(trace: readonly TraceEvent[]): RealFaultMark[] {
  const marks: RealFaultMark[] = [];
  trace.forEach((e, index) => {
    const process = processOf(e);
    if (process === undefined) return;
    marks.push({ index, t: e.t, process, label: `${describeEvent(e)}, at ${e.t} ms on real Redis` });
  });
  return marks;
}

/** The lane of a fault event; undefined for events that are not faults. */
function processOf(e: TraceEvent): string | null | undefined {
  switch (e.kind) {
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
    case 'clock-jump':
      return e.process;
    case 'link-fault':
      return e.from;
    case 'partition':
    case 'heal':
    case 'failover':
    case 'failover-failed':
      return null;
    default:
      return undefined;
  }
}
