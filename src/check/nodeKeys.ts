import type { DelCause } from '../sim/redis/change.ts';
import type { TraceEvent } from '../sim/trace/events.ts';

/**
 * key-del does not say which value went away, and a lock value is what names its owner. So
 * the checker replays every node's keyspace from key-set / key-expire / key-del once, and
 * records for each (node, value) when the value arrived and when and how it left.
 */

/** How a value left a node: a key-del's cause, or a key-set that put another value in its place. */
export type RemovalCause = DelCause | 'overwritten';

/** A value arriving on a node (present) or leaving it (not present). */
export interface ValueChange {
  index: number;
  t: number;
  present: boolean;
  /** For a departure: how. */
  cause: RemovalCause | null;
  /** For a departure by a client's command on this node: that command event's index, else -1. */
  commandIndex: number;
  /**
   * For a departure: the node's last clock-jump or clock-rate event since the value arrived,
   * else -1. An expiry right after one is the clock's doing (R5), which the explanation says.
   */
  clockChangeIndex: number;
}

/** A key as it stands on a node. */
export interface KeyEntry {
  value: string;
  /** Node wall-clock ms; -1 = no TTL. */
  expireAtMs: number;
  /** When the key last went from having a TTL (or not existing) to having none; -1 while it has a TTL. */
  noTtlSinceMs: number;
}

export interface NodeKeys {
  /** node → value → the value's arrivals and departures there, in trace order. */
  changes: Map<string, Map<string, ValueChange[]>>;
  /** node → key → entry, as the trace leaves them. */
  final: Map<string, Map<string, KeyEntry>>;
}

/**
 * One pass over the trace. The per-value history is only needed to explain violations, so
 * `withHistory = false` skips it (a clean run pays for the final keyspace alone).
 */
export function replayNodeKeys(trace: readonly TraceEvent[], withHistory = true): NodeKeys {
  const changes = new Map<string, Map<string, ValueChange[]>>();
  const final = new Map<string, Map<string, KeyEntry>>();
  const lastCommand = new Map<string, number>();
  const lastClockChange = new Map<string, number>();

  const keysOf = (node: string): Map<string, KeyEntry> => {
    let keys = final.get(node);
    if (keys === undefined) {
      keys = new Map();
      final.set(node, keys);
    }
    return keys;
  };
  const record = (node: string, value: string, change: ValueChange): void => {
    if (!withHistory) return;
    let values = changes.get(node);
    if (values === undefined) {
      values = new Map();
      changes.set(node, values);
    }
    let list = values.get(value);
    if (list === undefined) {
      list = [];
      values.set(value, list);
    }
    list.push(change);
  };
  const arrivalIndex = (node: string, value: string): number => {
    const list = changes.get(node)?.get(value);
    return list === undefined || list.length === 0 ? -1 : (list[list.length - 1] as ValueChange).index;
  };
  const depart = (node: string, value: string, index: number, t: number, cause: RemovalCause, commandIndex: number): void => {
    if (!withHistory) return;
    const clock = lastClockChange.get(node) ?? -1;
    const clockChangeIndex = clock > arrivalIndex(node, value) ? clock : -1;
    record(node, value, { index, t, present: false, cause, commandIndex, clockChangeIndex });
  };

  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    switch (e.kind) {
      case 'command':
        lastCommand.set(e.node, i);
        break;
      case 'clock-jump':
      case 'clock-rate':
        lastClockChange.set(e.process, i);
        break;
      case 'key-set': {
        const keys = keysOf(e.node);
        const old = keys.get(e.key);
        if (old !== undefined && old.value !== e.value) depart(e.node, old.value, i, e.t, 'overwritten', -1);
        if (old === undefined || old.value !== e.value)
          record(e.node, e.value, { index: i, t: e.t, present: true, cause: null, commandIndex: -1, clockChangeIndex: -1 });
        // The same value set again without a TTL keeps the moment it first lost one.
        const stillNoTtl = old !== undefined && old.value === e.value && old.expireAtMs === -1;
        const noTtlSinceMs = e.expireAtMs !== -1 ? -1 : stillNoTtl ? (old as KeyEntry).noTtlSinceMs : e.t;
        if (old === undefined) {
          keys.set(e.key, { value: e.value, expireAtMs: e.expireAtMs, noTtlSinceMs });
        } else {
          old.value = e.value;
          old.expireAtMs = e.expireAtMs;
          old.noTtlSinceMs = noTtlSinceMs;
        }
        break;
      }
      case 'key-expire': {
        const entry = keysOf(e.node).get(e.key);
        if (entry === undefined) break;
        if (e.expireAtMs === -1 && entry.expireAtMs !== -1) entry.noTtlSinceMs = e.t;
        if (e.expireAtMs !== -1) entry.noTtlSinceMs = -1;
        entry.expireAtMs = e.expireAtMs;
        break;
      }
      case 'key-del': {
        const keys = keysOf(e.node);
        const entry = keys.get(e.key);
        if (entry === undefined) break;
        keys.delete(e.key);
        // Only a client's own command explains a delete; a replicated DEL came from the master.
        const commandIndex = e.cause === 'command' && e.via === 'command' ? (lastCommand.get(e.node) ?? -1) : -1;
        depart(e.node, entry.value, i, e.t, e.cause, commandIndex);
        break;
      }
      default:
        break;
    }
  }
  return { changes, final };
}

/** The value's last arrival or departure on the node before trace index `beforeIndex`, or null if it never was there. */
export function lastChangeBefore(keys: NodeKeys, node: string, value: string, beforeIndex: number): ValueChange | null {
  const list = keys.changes.get(node)?.get(value);
  if (list === undefined) return null;
  // Lists are in trace order and short (a value comes and goes a few times at most), but a binary search costs nothing.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as ValueChange).index < beforeIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (list[lo - 1] as ValueChange);
}
