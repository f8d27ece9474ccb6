import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/** A stretch of true time in which a process's wall clock runs linearly: wall = wallAtFromMs + rate × (t − fromMs). */
export interface ClockSegment {
  fromMs: number;
  /** Where the next change starts (Infinity for the last segment). */
  toMs: number;
  wallAtFromMs: number;
  rate: number;
}

/** One point of the "local clock minus true time" line; a jump gives two points at the same t. */
export interface ClockOffsetPoint {
  t: number;
  offsetMs: number;
}

export interface ClockLine {
  process: string;
  segments: ClockSegment[];
  /** The polyline of local − true time over [0, endMs]. */
  points: ClockOffsetPoint[];
  /** False for a clock that reads true time throughout (the usual case: nothing worth drawing). */
  deviates: boolean;
}

/**
 * Every node's and client's wall clock as a function of true time, from the scenario's
 * ClockSpec (offset, rate) and the clock-jump / clock-rate events, which carry the reading
 * after the change. The same model as src/sim/clock, rebuilt from data so the UI never runs it.
 */
export function localClockMarks(scenario: Scenario, trace: readonly TraceEvent[]): ClockLine[] {
  const last = trace[trace.length - 1];
  const endMs = last === undefined ? 0 : last.kind === 'run-end' ? last.endMs : last.t;
  const processes = [
    ...scenario.nodes.map((n) => ({ id: n.id, clock: n.clock })),
    ...scenario.clients.map((c) => ({ id: c.id, clock: c.clock })),
  ];
  return processes.map(({ id, clock }) => {
    const segments: ClockSegment[] = [{ fromMs: 0, toMs: Number.POSITIVE_INFINITY, wallAtFromMs: clock.offsetMs, rate: clock.rate }];
    for (const e of trace) {
      if ((e.kind !== 'clock-jump' && e.kind !== 'clock-rate') || e.process !== id) continue;
      const previous = segments[segments.length - 1] as ClockSegment;
      previous.toMs = e.t;
      segments.push({
        fromMs: e.t,
        toMs: Number.POSITIVE_INFINITY,
        wallAtFromMs: e.wallMs,
        rate: e.kind === 'clock-rate' ? e.rate : previous.rate,
      });
    }
    const points: ClockOffsetPoint[] = [];
    for (const s of segments) {
      if (s.fromMs > endMs) break;
      const untilMs = Math.min(s.toMs, endMs);
      points.push({ t: s.fromMs, offsetMs: s.wallAtFromMs - s.fromMs });
      points.push({ t: untilMs, offsetMs: s.wallAtFromMs + s.rate * (untilMs - s.fromMs) - untilMs });
    }
    const deviates = points.some((p) => Math.abs(p.offsetMs) >= 1);
    return { process: id, segments, points, deviates };
  });
}

/** The process's wall-clock reading at true time t (unfloored). */
export function wallAt(line: ClockLine, t: number): number {
  let segment = line.segments[0] as ClockSegment;
  for (const s of line.segments) {
    if (s.fromMs > t) break;
    segment = s;
  }
  return segment.wallAtFromMs + segment.rate * (t - segment.fromMs);
}

/**
 * The first true time at or after `afterMs` at which the process's wall clock reads at least
 * `wallMs`: when a key with that expiry (on a node) or a lease valid until then (on a client)
 * runs out. A forward jump past it ends it at the jump; a backward jump postpones it.
 */
export function trueAtWall(line: ClockLine, wallMs: number, afterMs: number): number {
  for (const s of line.segments) {
    if (s.toMs <= afterMs) continue;
    const fromMs = Math.max(s.fromMs, afterMs);
    const wallAtStart = s.wallAtFromMs + s.rate * (fromMs - s.fromMs);
    if (wallAtStart >= wallMs) return fromMs;
    const t = fromMs + (wallMs - wallAtStart) / s.rate;
    if (t < s.toMs) return t;
  }
  return Number.POSITIVE_INFINITY;
}
