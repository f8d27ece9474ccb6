import type { TraceEvent } from '../sim/trace/events.ts';
import { runEnd } from './beliefs.ts';
import { type AttemptRef, lockAttempts } from './lockValues.ts';
import { type NodeKeys, replayNodeKeys } from './nodeKeys.ts';
import type { Belief, Deadlock } from './types.ts';

export interface Unavailability {
  maxUnavailableMs: number;
  unavailable: { fromMs: number; toMs: number } | null;
}

/**
 * The longest stretch of true time in which someone wanted the lock and nobody believed they
 * held it: the lock was free to be had, yet nobody could get it (split votes, keys left by a
 * crashed holder, unreachable nodes).
 *
 * A client is trying from the first attempt of a round until it acquires, gives up, crashes,
 * or the run ends; retries within a round keep it trying. Every boundary of a trying stretch
 * or a belief is a trace event, and the trace is in time order, so one walk over the trace
 * does it (no sort). All changes at one instant apply together before the state is judged:
 * one client stopping as another starts does not split a stretch, and a zero-length belief
 * changes nothing.
 */
export function unavailability(trace: readonly TraceEvent[], beliefs: readonly Belief[]): Unavailability {
  const holdDelta = new Int32Array(trace.length + 1);
  for (const b of beliefs) {
    holdDelta[b.startIndex] = (holdDelta[b.startIndex] as number) + 1;
    holdDelta[b.endIndex] = (holdDelta[b.endIndex] as number) - 1;
  }
  const end = runEnd(trace);
  const trying = new Set<string>();
  let holding = 0;
  let fromMs = -1;
  let best: { fromMs: number; toMs: number } | null = null;
  const judge = (t: number, unavailable: boolean): void => {
    if (unavailable && fromMs < 0) fromMs = t;
    if (!unavailable && fromMs >= 0) {
      if (best === null || t - fromMs > best.toMs - best.fromMs) best = { fromMs, toMs: t };
      fromMs = -1;
    }
  };
  for (let i = 0; i < trace.length && i <= end.index; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'lock-attempt' && e.attempt === 1) trying.add(e.client);
    else if (e.kind === 'lock-acquired' || e.kind === 'lock-gave-up') trying.delete(e.client);
    else if (e.kind === 'crash') trying.delete(e.process);
    holding += holdDelta[i] as number;
    const next = trace[i + 1];
    if (next === undefined || next.t !== e.t) judge(e.t, trying.size > 0 && holding === 0);
  }
  // Whoever is still trying when the run ends stops there.
  judge(end.t, false);
  const found = best as { fromMs: number; toMs: number } | null;
  return found === null ? { maxUnavailableMs: 0, unavailable: null } : { maxUnavailableMs: found.toMs - found.fromMs, unavailable: found };
}

/**
 * Lock keys that nobody will ever remove: no TTL (so no expiry) and the owner is gone (so no
 * release). An owner is gone from its first crash or client-done. The owner comes from the
 * lock-attempt that drew the value; keys with values no lock-attempt drew are not judged.
 */
export function deadlocks(
  trace: readonly TraceEvent[],
  given: { keys?: NodeKeys | undefined; attempts?: () => Map<string, AttemptRef> } = {},
): Deadlock[] {
  const goneAt = new Map<string, number>();
  let anyNoTtl = false;
  for (const e of trace) {
    if (e.kind === 'crash' && !goneAt.has(e.process)) goneAt.set(e.process, e.t);
    else if (e.kind === 'client-done' && !goneAt.has(e.client)) goneAt.set(e.client, e.t);
    else if ((e.kind === 'key-set' || e.kind === 'key-expire') && e.expireAtMs === -1) anyNoTtl = true;
  }
  // Only a key that was set (or made) without a TTL can be stuck; most runs have none, and skip the replay.
  if (!anyNoTtl || goneAt.size === 0) return [];
  const keys = given.keys ?? replayNodeKeys(trace, false);
  const attempts = given.attempts?.() ?? lockAttempts(trace);
  const found: Deadlock[] = [];
  for (const [node, entries] of keys.final) {
    for (const [key, entry] of entries) {
      if (entry.expireAtMs !== -1) continue;
      const owner = attempts.get(entry.value)?.client;
      if (owner === undefined) continue;
      const gone = goneAt.get(owner);
      if (gone === undefined) continue;
      found.push({ node, key, value: entry.value, owner, sinceMs: Math.max(entry.noTtlSinceMs, gone) });
    }
  }
  found.sort(
    (a, b) => a.sinceMs - b.sinceMs || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return found;
}
