import { FAULT_FOR_TIMELINE_KIND } from '../../protocol/faultForTimelineEntry.ts';
import type { Scenario, TimelineKind } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import type { BridgeCapabilities } from './connection.ts';

/** Why the fault picker offers no real equivalent of these kinds (the protocol's reasons, in a user's words). */
const NO_REAL_EQUIVALENT: Partial<Record<TimelineKind, string>> = {
  'crash-client': "Not on real Redis: the bridge's lock clients are not processes it can crash (Stop the run ends them).",
  'clock-rate': "Not on real Redis: redis-server reads the host's clock, and the bridge cannot change its rate.",
};

/**
 * Why a fault of this kind cannot be injected on real Redis through this bridge, or null
 * when it can. A clock jump needs a fake clock under redis-server (welcome.capabilities).
 */
export function realFaultUnavailable(kind: TimelineKind, capabilities: BridgeCapabilities): string | null {
  if (FAULT_FOR_TIMELINE_KIND[kind] === null) return NO_REAL_EQUIVALENT[kind] ?? 'Not on real Redis.';
  if (kind === 'clock-jump' && !capabilities.clockJump) {
    return `Not on this bridge: ${capabilities.reason ?? 'it has no fake clock under redis-server, so it cannot move a clock'}.`;
  }
  return null;
}

/**
 * The master now, for "kill the master": the scenario's first master with replicas (the one
 * Sentinel watches), else its first master, followed through the run's promotions so far.
 */
export function masterNow(scenario: Scenario, trace: readonly TraceEvent[]): string | null {
  const masters = scenario.nodes.filter((n) => n.replicaOf === undefined);
  const watched = masters.find((m) => scenario.nodes.some((n) => n.replicaOf === m.id)) ?? masters[0];
  let master = watched?.id ?? null;
  for (const e of trace) {
    if (e.kind === 'failover' && e.from === master) master = e.to;
  }
  return master;
}
