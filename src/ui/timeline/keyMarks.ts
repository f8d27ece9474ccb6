import type { TraceEvent } from '../../sim/trace/events.ts';

export type KeyEnd = 'expired' | 'deleted' | 'lost' | 'resync' | 'overwritten' | 'run-end';

/** One value of one key on one node, from the moment it was set until it went away. */
export interface KeyMark {
  node: string;
  key: string;
  value: string;
  /** The lock client whose attempt drew this value, or null (a raw command's value). */
  owner: string | null;
  fromMs: number;
  toMs: number;
  /** The absolute expiry on the node's wall clock while it lived (-1 = none; the last one if extended). */
  expireAtMs: number;
  /** How the value arrived: a client's command, the replication stream, or a reload after a restart. */
  via: 'command' | 'replication' | 'load' | 'active-expiry' | 'crash';
  end: KeyEnd;
}

/**
 * The life of every key value on every node, for the node lanes: set → (TTL changes) →
 * expired, deleted, lost in a crash, discarded by a resync, overwritten, or still there when
 * the run ends. Data in, data out.
 */
export function keyMarks(trace: readonly TraceEvent[]): KeyMark[] {
  const owners = new Map<string, string>();
  const live = new Map<string, KeyMark>();
  const done: KeyMark[] = [];
  let endMs = 0;
  const close = (id: string, t: number, end: KeyEnd) => {
    const mark = live.get(id);
    if (mark === undefined) return;
    mark.toMs = t;
    mark.end = end;
    live.delete(id);
    done.push(mark);
  };
  for (const e of trace) {
    endMs = e.t;
    if (e.kind === 'lock-attempt') owners.set(e.value, e.client);
    else if (e.kind === 'key-set') {
      const id = `${e.node}\u0000${e.key}`;
      const current = live.get(id);
      if (current !== undefined && current.value === e.value) {
        current.expireAtMs = e.expireAtMs; // the same value again (an extension, SET … XX): one life
        continue;
      }
      close(id, e.t, 'overwritten');
      live.set(id, {
        node: e.node,
        key: e.key,
        value: e.value,
        owner: owners.get(e.value) ?? null,
        fromMs: e.t,
        toMs: e.t,
        expireAtMs: e.expireAtMs,
        via: e.via,
        end: 'run-end',
      });
    } else if (e.kind === 'key-expire') {
      const mark = live.get(`${e.node}\u0000${e.key}`);
      if (mark !== undefined) mark.expireAtMs = e.expireAtMs;
    } else if (e.kind === 'key-del') {
      const end: KeyEnd =
        e.cause === 'expired-active' || e.cause === 'expired-passive' ? 'expired' : e.cause === 'command' ? 'deleted' : e.cause;
      close(`${e.node}\u0000${e.key}`, e.t, end);
    }
  }
  for (const id of [...live.keys()]) close(id, endMs, 'run-end');
  return done.sort((a, b) => a.fromMs - b.fromMs || a.node.localeCompare(b.node));
}
