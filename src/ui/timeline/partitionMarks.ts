import type { TraceEvent } from '../../sim/trace/events.ts';

/** A network partition from its start to its heal (or the end of the run), for the row above the lanes. */
export interface PartitionSpan {
  id: string;
  fromMs: number;
  toMs: number;
  groups: string[][];
  index: number;
}

/** A degraded link (extra delay, loss) on its sender's lane, while it lasts. */
export interface LinkFaultSpan {
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
  text: string;
  index: number;
}

export interface NetworkMarks {
  partitions: PartitionSpan[];
  links: LinkFaultSpan[];
}

/** Partitions (partition → heal) and link faults (link-fault … untilMs) as spans. Data in, data out. */
export function networkMarks(trace: readonly TraceEvent[]): NetworkMarks {
  const last = trace[trace.length - 1];
  const endMs = last === undefined ? 0 : last.kind === 'run-end' ? last.endMs : last.t;
  const open = new Map<string, PartitionSpan>();
  const partitions: PartitionSpan[] = [];
  const links: LinkFaultSpan[] = [];
  trace.forEach((e, index) => {
    if (e.kind === 'partition') {
      const span = { id: e.id, fromMs: e.t, toMs: endMs, groups: e.groups, index };
      open.set(e.id, span);
      partitions.push(span);
    } else if (e.kind === 'heal') {
      const span = open.get(e.id);
      if (span !== undefined) span.toMs = e.t;
      open.delete(e.id);
    } else if (e.kind === 'link-fault') {
      const loss = e.dropRate > 0 ? `, ${Math.round(e.dropRate * 100)}% loss` : '';
      links.push({
        from: e.from,
        to: e.to,
        fromMs: e.t,
        toMs: Math.min(endMs, e.untilMs),
        text: `to ${e.to}: +${e.extraMs} ms${loss}`,
        index,
      });
    }
  });
  return { partitions, links };
}
