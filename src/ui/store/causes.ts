import type { CheckResult } from '../../check/types.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import type { Incident } from './incidents.ts';

/** The chain of events behind an incident, and the one fault at its root (where "jump to cause" goes). */
export interface CauseChain {
  /** Trace indices, in time order, to highlight on the timeline. */
  indices: number[];
  /** The index the cursor jumps to. */
  rootIndex: number;
  label: string;
}

/**
 * Which cause counts as "the fault": a crash or a clock change or a pause first (what the
 * user or the scenario did), then what the system did about it (failover), then partitions,
 * which in the classic scenarios set the stage rather than cause the overlap.
 */
const ROOT_PRIORITY = [
  'crash',
  'clock-jump',
  'clock-rate',
  'pause',
  'restart',
  'link-fault',
  'failover',
  'sentinel-down',
  'key-del',
  'partition',
];

function rank(kind: string): number {
  const i = ROOT_PRIORITY.indexOf(kind);
  return i < 0 ? ROOT_PRIORITY.length : i;
}

export function causeChain(trace: readonly TraceEvent[], verdict: CheckResult, incident: Incident): CauseChain {
  if (incident.kind === 'exclusion') {
    const v = verdict.exclusionViolations[incident.position];
    if (v === undefined) throw new Error(`no violation ${incident.position}`);
    const events = v.causes.filter((c) => c.kind !== 'note');
    const root = [...events].sort((a, b) => rank(a.kind) - rank(b.kind) || a.index - b.index)[0];
    const indices = [...new Set(v.causes.map((c) => c.index))].sort((a, b) => a - b);
    const rootIndex = root?.index ?? indices[0] ?? 0;
    return { indices, rootIndex, label: root?.text ?? v.explanation };
  }
  const w = verdict.staleWrites[incident.position];
  if (w === undefined) throw new Error(`no stale write ${incident.position}`);
  // The stale writer's last pause before its write is the usual root (S4); else the delayed send (S5).
  let pauseIndex = -1;
  let sendIndex = -1;
  for (let i = 0; i < w.index; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'pause' && e.process === w.client) pauseIndex = i;
    if (e.kind === 'send' && e.from === w.client && e.type === 'write') sendIndex = i;
  }
  const rootIndex = pauseIndex >= 0 ? pauseIndex : sendIndex >= 0 ? sendIndex : w.index;
  const indices = [...new Set([rootIndex, w.newerIndex, w.index])].sort((a, b) => a - b);
  const label = pauseIndex >= 0 ? `${w.client} was paused` : sendIndex >= 0 ? `${w.client}'s write was in flight` : `${w.client}'s write`;
  return { indices, rootIndex, label };
}
