import { formatDuration, formatMs, formatSkew, readableState, shortValue } from './labels.ts';
import type {
  ClientSnapshot,
  Holder,
  KeySnapshot,
  LinkFaultSnapshot,
  NodeSnapshot,
  PartitionSnapshot,
  ReplicationSnapshot,
  SentinelGroupSnapshot,
  TopologySnapshot,
} from './snapshotAt.ts';

/** The words on the topology cards, as pure functions of a snapshot (the components only lay them out). */

function listOf(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/** "master", "replica of M", "master, promoted by Sentinel", "master (Sentinel now names R)". */
export function roleText(
  node: NodeSnapshot,
  replication: readonly ReplicationSnapshot[],
  sentinel: readonly SentinelGroupSnapshot[] | null,
): string {
  if (node.role === 'replica') {
    const link = replication.find((r) => r.replica === node.id);
    return `replica of ${node.master ?? '?'}${link?.broken === true ? ', link down' : ''}`;
  }
  if (node.promotedBySentinel) return 'master, promoted by Sentinel';
  const group = sentinel?.find((g) => g.members.includes(node.id));
  if (group !== undefined && group.master !== node.id) return `master (Sentinel now names ${group.master})`;
  return 'master';
}

export function nodeStateText(node: NodeSnapshot): string {
  switch (node.state) {
    case 'up':
      return 'up';
    case 'crashed':
      return 'crashed';
    case 'paused':
      return node.pausedUntilMs === null ? 'paused' : `paused until ${formatMs(node.pausedUntilMs)}`;
    case 'restarting':
      return node.restartAtMs === null ? 'restarting' : `restarting at ${formatMs(node.restartAtMs)}`;
  }
}

/** What the short state badge leaves out: "until 15,000 ms" (paused), "back at 11,100 ms" (delayed restart), else null. */
export function nodeStateDetail(node: NodeSnapshot): string | null {
  if (node.state === 'paused' && node.pausedUntilMs !== null) return `until ${formatMs(node.pausedUntilMs)}`;
  if (node.state === 'restarting' && node.restartAtMs !== null) return `back at ${formatMs(node.restartAtMs)}`;
  return null;
}

/** "clock 11,000 ms (+10,000 vs true)", with the rate when it drifts. */
export function clockText(p: { clockMs: number; skewMs: number; clockRate: number }): string {
  const rate = p.clockRate === 1 ? '' : `, rate ${p.clockRate}`;
  return `clock ${formatMs(p.clockMs)} (${formatSkew(p.skewMs)} vs true${rate})`;
}

/** The clock for a narrow card: "clock 11,000 ms (+10,000)"; the accessible name keeps "vs true". */
export function clockShortText(p: { clockMs: number; skewMs: number }): string {
  return `clock ${formatMs(p.clockMs)} (${formatSkew(p.skewMs)})`;
}

/** "lock = C1-1-dac303eb" (value shortened to fit a node card). */
export function keyText(key: KeySnapshot): string {
  return `${key.key} = ${shortValue(key.value)}`;
}

/** What the key's TTL bar says: "7.2 s of 10 s left", "no TTL", "expired, not yet removed". */
export function ttlText(key: KeySnapshot): string {
  if (key.status === 'no-ttl') return key.ownerCrashed ? 'no TTL, owner crashed: stuck' : 'no TTL';
  if (key.status === 'expired-not-removed') return 'expired, not yet removed';
  return `${formatDuration(key.remainingMs ?? 0)} of ${formatDuration(key.ttlMs ?? 0)} left`;
}

/** The node card's accessible name: "M: master, up, 1 key (lock, C1's)". */
export function nodeLabel(
  node: NodeSnapshot,
  replication: readonly ReplicationSnapshot[],
  sentinel: readonly SentinelGroupSnapshot[] | null,
): string {
  const keys =
    node.keys.length === 0
      ? 'no keys'
      : `${node.keys.length === 1 ? '1 key' : `${node.keys.length} keys`} (${node.keys.map((k) => (k.owner === null ? k.key : `${k.key}, ${k.owner}'s, ${ttlText(k)}`)).join('; ')})`;
  return `${node.id}: ${roleText(node, replication, sentinel)}, ${nodeStateText(node)}, ${clockText(node)}, ${keys}`;
}

/** The client's activity: its statechart state in words, or why it has none (crashed, paused, done). */
export function clientStateText(client: ClientSnapshot): string {
  // A script client has no statechart: it sends its commands at their times.
  const state =
    client.state !== null ? readableState(client.state) : client.strategyKind === 'script' ? 'sends its commands' : 'not started';
  switch (client.status) {
    case 'crashed':
      return 'crashed';
    case 'done':
      return 'done';
    case 'paused':
      return `${state}, paused${client.pausedUntilMs === null ? '' : ` until ${formatMs(client.pausedUntilMs)}`}`;
    case 'running':
      return state;
  }
}

/** The lock line of a client card, or null if it believes nothing. */
export function leaseText(client: ClientSnapshot): string | null {
  const lease = client.lease;
  if (lease === null) return null;
  if (lease.expired) return `its lease expired ${formatDuration(-lease.remainingMs)} ago on its own clock`;
  return `${formatDuration(lease.remainingMs)} of validity left on its clock`;
}

export function clientLabel(client: ClientSnapshot): string {
  const lease = client.lease;
  const lock =
    lease === null
      ? 'does not hold the lock'
      : lease.holds && !lease.expired
        ? `holds the lock (epoch ${lease.epoch})`
        : `believes it holds the lock but its lease expired (epoch ${lease.epoch})`;
  return `${client.id}: ${client.strategy}, ${clientStateText(client)}, ${lock}`;
}

export type LockTone = 'free' | 'held' | 'stale' | 'violation';

/** The one-line answer to "who holds the lock now?" — loud when two do, or when one only thinks so. */
export function lockSummary(snapshot: Pick<TopologySnapshot, 'holders' | 'staleBelievers'>): { tone: LockTone; text: string } {
  const { holders, staleBelievers } = snapshot;
  const stale = (who: readonly Holder[]) =>
    who.length === 0
      ? ''
      : `; ${listOf(who.map((h) => h.client))} still ${who.length === 1 ? 'believes it holds' : 'believe they hold'} it, though ${who.length === 1 ? 'its lease has' : 'their leases have'} expired on ${who.length === 1 ? 'its own clock' : 'their own clocks'}`;
  if (holders.length >= 2) {
    const all = holders.length === 2 ? 'both' : 'all';
    return {
      tone: 'violation',
      text: `${listOf(holders.map((h) => h.client))} ${all} hold the lock (epochs ${listOf(holders.map((h) => String(h.epoch)))})${stale(staleBelievers)}`,
    };
  }
  const holder = holders[0];
  if (holder !== undefined) {
    return {
      tone: staleBelievers.length > 0 ? 'stale' : 'held',
      text: `${holder.client} holds the lock (epoch ${holder.epoch})${stale(staleBelievers)}`,
    };
  }
  if (staleBelievers.length > 0) return { tone: 'stale', text: `Nobody holds the lock${stale(staleBelievers)}` };
  return { tone: 'free', text: 'Nobody holds the lock' };
}

/** "partition c1-side: {C1} | {D, E}". */
export function partitionText(p: PartitionSnapshot): string {
  return `partition ${p.id}: ${p.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
}

/** "link C1 → storage +90,000 ms until 9,990 ms", "link A → B drops 50% until healed". */
export function linkFaultText(f: LinkFaultSnapshot): string {
  const what = [f.extraMs > 0 ? `+${formatMs(f.extraMs)}` : '', f.dropRate > 0 ? `drops ${Math.round(f.dropRate * 100)}%` : '']
    .filter((s) => s !== '')
    .join(', ');
  return `link ${f.from} → ${f.to} ${what}${f.untilMs === null ? ' until removed' : ` until ${formatMs(f.untilMs)}`}`;
}

/** Sentinel's view of one group: "Sentinel: master M, M marked down at 30,000 ms" / "…, failed over M → R at 31,000 ms". */
export function sentinelText(g: SentinelGroupSnapshot): string[] {
  const lines = [`names ${g.master} master`];
  if (g.down !== null) lines.push(`marked ${g.down.node} down at ${formatMs(g.down.atMs)}`);
  if (g.lastFailover !== null) lines.push(`failed over ${g.lastFailover.from} → ${g.lastFailover.to} at ${formatMs(g.lastFailover.atMs)}`);
  return lines;
}
