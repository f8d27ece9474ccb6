import type { CheckResult } from '../../check/types.ts';

/**
 * The moments a run goes wrong, in time order: each exclusion violation (two clients
 * believe they hold the lock) and each stale write. Playback pauses at them; shift+arrows and
 * "next violation" jump between them.
 */
export interface Incident {
  kind: 'exclusion' | 'stale-write';
  atMs: number;
  /** Position in verdict.exclusionViolations or verdict.staleWrites. */
  position: number;
  /** The trace index of the finding's own event (the second acquisition, the stale write): where the cursor goes. */
  index: number;
  text: string;
}

export function incidentsOf(verdict: CheckResult): Incident[] {
  const incidents: Incident[] = [
    ...verdict.exclusionViolations.map((v, position) => ({
      kind: 'exclusion' as const,
      atMs: v.atMs,
      position,
      index: acquisitionIndex(verdict, v.clients[1], v.atMs),
      text: `${v.clients[0]} and ${v.clients[1]} both hold the lock`,
    })),
    ...verdict.staleWrites.map((w, position) => ({
      kind: 'stale-write' as const,
      atMs: w.atMs,
      position,
      index: w.index,
      text: `the storage accepts ${w.client}'s stale write (epoch ${w.epoch} after ${w.newerEpoch})`,
    })),
  ];
  return incidents.sort((a, b) => a.atMs - b.atMs || (a.kind === b.kind ? a.position - b.position : a.kind === 'exclusion' ? -1 : 1));
}

/** The later acquirer's lock-acquired event: the instant the overlap begins. */
function acquisitionIndex(verdict: CheckResult, client: string, atMs: number): number {
  const belief = verdict.beliefs.find((b) => b.client === client && b.startMs === atMs);
  if (belief === undefined) throw new Error(`no belief of ${client} starting at ${atMs} ms`);
  return belief.startIndex;
}

/** The first incident in (fromMs, toMs]: what playback crossing that stretch must stop at. */
export function firstIncidentCrossed(incidents: readonly Incident[], fromMs: number, toMs: number): Incident | undefined {
  return incidents.find((i) => i.atMs > fromMs && i.atMs <= toMs);
}

export function nextIncident(incidents: readonly Incident[], t: number): Incident | undefined {
  return incidents.find((i) => i.atMs > t);
}

export function previousIncident(incidents: readonly Incident[], t: number): Incident | undefined {
  return [...incidents].reverse().find((i) => i.atMs < t);
}
