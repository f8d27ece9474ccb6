import { check } from '../../check/check.ts';
import { summarize } from '../../sim/engine/summarize.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import type { RunView } from './compute.ts';
import { endMsOf } from './cursor.ts';

/** Every process an event names as a node or as a client (the lanes a trace needs). */
function processesOf(events: readonly TraceEvent[]): { nodes: Set<string>; clients: Set<string> } {
  const nodes = new Set<string>();
  const clients = new Set<string>();
  for (const e of events) {
    if ('node' in e && typeof e.node === 'string') nodes.add(e.node);
    if ('client' in e && typeof e.client === 'string') clients.add(e.client);
    if (e.kind === 'lock-acquired') for (const n of e.nodes) nodes.add(n);
  }
  return { nodes, clients };
}

/**
 * The trace the views read: the real events as they came, after a run-start event when the
 * bridge sent none (lock operations outside a run have no run). Its lanes are the
 * scenario's processes, then any other node or client the events name.
 */
export function withRunStart(scenario: Scenario, events: readonly TraceEvent[]): TraceEvent[] {
  if (events[0]?.kind === 'run-start') return events.slice();
  const seen = processesOf(events);
  const nodes = scenario.nodes.map((n) => n.id);
  const clients = scenario.clients.map((c) => c.id);
  for (const n of seen.nodes) if (!nodes.includes(n)) nodes.push(n);
  for (const c of seen.clients) if (!clients.includes(c) && !nodes.includes(c)) clients.push(c);
  const start: TraceEvent = { t: 0, kind: 'run-start', seed: scenario.seed, durationMs: scenario.durationMs, nodes, clients };
  return [start, ...events];
}

/**
 * A real run as the page shows it: the same RunView as a simulated run, so the timeline,
 * the topology and the verdict panel read it unchanged; the checker runs on the real trace.
 * A real trace is not deterministic: it has no hash. Throws if the checker does (the store
 * keeps the last good view then).
 */
export function realRunView(scenario: Scenario, events: readonly TraceEvent[]): RunView {
  const trace = withRunStart(scenario, events);
  const verdict = check(trace);
  const endMs = endMsOf(trace);
  const summary = summarize(scenario, {
    trace,
    traceHash: 'none (a real run is not deterministic)',
    stats: { schedulerEvents: 0, traceEvents: trace.length, messages: 0, endMs, truncated: false },
    nodes: [],
  });
  return { trace, verdict, summary, endMs, runMs: 0 };
}

/**
 * `events` added to `trace` in time order. The bridge streams a run's events in order, but a
 * lock operation's answer comes as its own message and may carry times earlier than the
 * last batch's: it goes where it belongs (after events of the same time, as the engine orders them).
 */
export function mergedByTime(trace: readonly TraceEvent[], events: readonly TraceEvent[]): TraceEvent[] {
  const out = trace.slice();
  for (const e of events) {
    let i = out.length;
    while (i > 0 && (out[i - 1] as TraceEvent).t > e.t) i--;
    if (i === out.length) out.push(e);
    else out.splice(i, 0, e);
  }
  return out;
}
