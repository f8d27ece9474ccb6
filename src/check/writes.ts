import type { TraceEvent } from '../sim/trace/events.ts';
import type { AttemptRef } from './lockValues.ts';
import { lockAttempts } from './lockValues.ts';
import type { FencingRejection, StaleWrite } from './types.ts';

/**
 * Writes that reached the protected resource out of order. Epochs count acquisitions in
 * true-time order, so once the resource has accepted a write of epoch n, an accepted write
 * of a lower epoch came from a client whose lock had already passed on: the write a lock was
 * meant to prevent. Equal epochs are the same holder writing again, not stale.
 */
export function staleWrites(trace: readonly TraceEvent[]): StaleWrite[] {
  const stale: StaleWrite[] = [];
  let newest: { index: number; t: number; client: string; epoch: number } | null = null;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'storage-write' || e.verdict !== 'accepted') continue;
    if (newest !== null && e.epoch < newest.epoch) {
      stale.push({
        atMs: e.t,
        index: i,
        client: e.client,
        epoch: e.epoch,
        newerEpoch: newest.epoch,
        newerClient: newest.client,
        newerAtMs: newest.t,
        newerIndex: newest.index,
      });
    } else if (newest === null || e.epoch > newest.epoch) {
      newest = { index: i, t: e.t, client: e.client, epoch: e.epoch };
    }
  }
  return stale;
}

/**
 * Writes the storage refused: fencing (token or cas) stopping a late holder. Not a problem;
 * the lesson's happy ending. `owners` is asked only if a cas rejection needs a name.
 */
export function fencingRejections(
  trace: readonly TraceEvent[],
  owners: () => Map<string, AttemptRef> = () => lockAttempts(trace),
): FencingRejection[] {
  const rejections: FencingRejection[] = [];
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'storage-write' || e.verdict === 'accepted') continue;
    rejections.push({
      atMs: e.t,
      index: i,
      client: e.client,
      epoch: e.epoch,
      verdict: e.verdict,
      token: e.token,
      highestToken: e.highestToken,
      currentValue: e.currentValue,
      value: e.value,
      currentOwner: e.currentValue === null ? null : (owners().get(e.currentValue)?.client ?? null),
    });
  }
  return rejections;
}
