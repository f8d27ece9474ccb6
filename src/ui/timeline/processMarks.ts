import type { TraceEvent } from '../../sim/trace/events.ts';

/** A stretch of a process's life drawn on its lane: down after a crash, or paused. */
export interface StateSpan {
  process: string;
  state: 'down' | 'paused';
  fromMs: number;
  toMs: number;
  /** Index of the event that began it (for "jump to"). */
  index: number;
}

/** A point on a lane: a clock jump or rate change (with the new local reading), a role change. */
export interface PointMark {
  process: string;
  t: number;
  kind: 'clock-jump' | 'clock-rate' | 'role' | 'crash' | 'restart';
  text: string;
  index: number;
}

export interface ProcessMarks {
  spans: StateSpan[];
  points: PointMark[];
}

/**
 * When each process was down or paused, and the moments its clock or role changed.
 * A span still open at the end of the trace ends at the last event's time. Data in, data out.
 */
export function processMarks(trace: readonly TraceEvent[]): ProcessMarks {
  const spans: StateSpan[] = [];
  const points: PointMark[] = [];
  const open = new Map<string, StateSpan>();
  const begin = (process: string, state: StateSpan['state'], t: number, index: number) => {
    const key = `${process}\u0000${state}`;
    if (!open.has(key)) open.set(key, { process, state, fromMs: t, toMs: t, index });
  };
  const end = (process: string, state: StateSpan['state'], t: number) => {
    const key = `${process}\u0000${state}`;
    const span = open.get(key);
    if (span === undefined) return;
    span.toMs = t;
    open.delete(key);
    spans.push(span);
  };
  let lastMs = 0;
  trace.forEach((e, index) => {
    lastMs = e.t;
    switch (e.kind) {
      case 'crash':
        end(e.process, 'paused', e.t);
        begin(e.process, 'down', e.t, index);
        points.push({
          process: e.process,
          t: e.t,
          kind: 'crash',
          text: e.keysLost > 0 ? `crashed, ${e.keysLost} key(s) lost` : 'crashed',
          index,
        });
        return;
      case 'restart':
        end(e.process, 'down', e.t);
        points.push({
          process: e.process,
          t: e.t,
          kind: 'restart',
          text: `restarted (${e.persistence}), ${e.keysLoaded} key(s) loaded`,
          index,
        });
        return;
      case 'pause':
        begin(e.process, 'paused', e.t, index);
        return;
      case 'resume':
        end(e.process, 'paused', e.t);
        return;
      case 'clock-jump':
        points.push({
          process: e.process,
          t: e.t,
          kind: 'clock-jump',
          text: `clock ${e.deltaMs >= 0 ? '+' : ''}${e.deltaMs} ms, reads ${e.wallMs}`,
          index,
        });
        return;
      case 'clock-rate':
        points.push({ process: e.process, t: e.t, kind: 'clock-rate', text: `clock rate ${e.rate}, reads ${e.wallMs}`, index });
        return;
      case 'role':
        points.push({
          process: e.node,
          t: e.t,
          kind: 'role',
          text: e.role === 'master' ? 'now master' : `now replica of ${e.master}`,
          index,
        });
        return;
    }
  });
  for (const span of open.values()) spans.push({ ...span, toMs: lastMs });
  spans.sort((a, b) => a.fromMs - b.fromMs || a.process.localeCompare(b.process));
  return { spans, points };
}
