import type { TraceEvent } from '../../sim/trace/events.ts';

export type LaneKind = 'node' | 'client' | 'service';

export interface Lane {
  id: string;
  kind: LaneKind;
  /** Row on the timeline, top to bottom: nodes, then clients, then the services that appear. */
  row: number;
}

/**
 * One lane per process: the nodes and clients the run started with (run-start), then the
 * sentinel and the storage if the trace shows them doing anything. Data in, data out.
 */
export function lanesOf(trace: readonly TraceEvent[]): Lane[] {
  const start = trace[0];
  if (start === undefined || start.kind !== 'run-start') throw new Error('a trace starts with its run-start event');
  const lanes: Lane[] = [];
  const add = (id: string, kind: LaneKind) => lanes.push({ id, kind, row: lanes.length });
  for (const id of start.nodes) add(id, 'node');
  for (const id of start.clients) add(id, 'client');
  const known = new Set(lanes.map((l) => l.id));
  for (const e of trace) {
    if (e.kind !== 'send') continue;
    for (const id of [e.from, e.to]) {
      if (known.has(id)) continue;
      known.add(id);
      add(id, 'service');
    }
  }
  return lanes;
}
