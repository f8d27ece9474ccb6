import type { ProcessId } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { MessageBody } from '../process/message.ts';
import type { Change } from './change.ts';
import type { RedisNode } from './node.ts';

type SyncState = 'idle' | 'waiting' | 'synced';

/**
 * Asynchronous master -> replica replication (R6, R7, R8).
 * A replica asks for a full sync (PSYNC), receives a snapshot of the master's keys with
 * absolute expiries, then applies the stream of changes in order. The master does not
 * wait for anyone: a write is acknowledged to the client before any replica has it.
 * Replicas acknowledge their offset when the master asks (WAIT sends GETACK).
 * Each master history has its own replication id; a replica ignores a stream that is
 * not from its current master's history (an old master that was failed over).
 */
export class Replication {
  masterId: ProcessId | null;
  replId = '';
  offset = 0;
  syncState: SyncState = 'idle';
  readonly replicaAcks = new Map<ProcessId, number>();
  private retryScheduled = false;

  constructor(
    private readonly node: RedisNode,
    private readonly host: Host,
    initialMaster: ProcessId | null,
  ) {
    this.masterId = initialMaster;
  }

  boot(initial = false): void {
    this.replicaAcks.clear();
    if (this.node.isMaster) {
      this.replId = this.host.nextReplId(this.node.id);
      this.offset = 0;
      this.syncState = 'idle';
      return;
    }
    // At t=0 the group starts already in sync (startSyncedWith); after a restart it must PSYNC.
    if (!initial) this.startSync();
  }

  /**
   * The run starts from a healthy, already synchronised group: both sides empty, same
   * history, offset 0. (A replica that restarts later goes through PSYNC for real.)
   */
  startSyncedWith(master: Replication): void {
    this.retryScheduled = false;
    this.syncState = 'synced';
    this.replId = master.replId;
    this.offset = master.offset;
    master.replicaAcks.set(this.node.id, master.offset);
  }

  /** Number of replicas that acknowledged at least `offset`. */
  ackedCount(offset: number): number {
    let n = 0;
    for (const acked of this.replicaAcks.values()) if (acked >= offset) n++;
    return n;
  }

  /** Streams one change to every synced replica. */
  propagate(change: Change): void {
    this.offset++;
    for (const replica of this.replicaAcks.keys()) {
      this.send(replica, { type: 'repl', replId: this.replId, offset: this.offset, change }, changeLabel(change));
    }
  }

  /** REPLCONF GETACK: ask every replica for its offset (used by WAIT). */
  requestAcks(): void {
    for (const replica of this.replicaAcks.keys()) {
      this.send(replica, { type: 'repl', replId: this.replId, offset: this.offset, change: null }, 'GETACK');
    }
  }

  onMessage(from: ProcessId, body: MessageBody, msgId = 0): void {
    switch (body.type) {
      case 'sync':
        return this.onSyncRequest(from);
      case 'snapshot':
        if (!this.onSnapshot(from, body.replId, body.offset, body.entries)) this.stale(from, msgId);
        return;
      case 'repl':
        if (!this.onStream(from, body.replId, body.offset, body.change)) this.stale(from, msgId);
        return;
      case 'repl-ack':
        if (this.node.isMaster && body.replId === this.replId && this.replicaAcks.has(from)) {
          this.replicaAcks.set(from, Math.max(this.replicaAcks.get(from) ?? -1, body.offset));
        }
        return;
      default:
        return;
    }
  }

  private onSyncRequest(replica: ProcessId): void {
    if (!this.node.isMaster) return; // not (or no longer) a master: the replica will retry
    this.replicaAcks.set(replica, -1);
    const entries = this.node.keys.snapshot();
    this.send(replica, { type: 'snapshot', replId: this.replId, offset: this.offset, entries }, `RDB ${entries.length} keys`);
  }

  /** Returns false when the snapshot is not from this node's current master (ignored). */
  private onSnapshot(from: ProcessId, replId: string, offset: number, entries: Array<[string, import('./keyspace.ts').Entry]>): boolean {
    if (this.node.isMaster || from !== this.masterId) return false;
    const discarded = this.node.keys.size;
    for (const key of this.node.keys.entries.keys()) {
      this.host.emit({ t: this.host.nowMs, kind: 'key-del', node: this.node.id, key, cause: 'resync', via: 'replication' });
    }
    this.node.keys.load(entries);
    this.replId = replId;
    this.offset = offset;
    this.syncState = 'synced';
    this.host.emit({ t: this.host.nowMs, kind: 'full-sync', node: this.node.id, master: from, keys: entries.length, discarded });
    for (const [key, e] of entries) {
      this.host.emit({ t: this.host.nowMs, kind: 'key-set', node: this.node.id, key, value: e.value, expireAtMs: e.expireAtMs, via: 'replication' });
    }
    this.node.aof.rewrite(entries);
    this.ack();
    return true;
  }

  /** Returns false when the message is not part of the stream this replica follows (ignored). */
  private onStream(from: ProcessId, replId: string, offset: number, change: Change | null): boolean {
    if (this.node.isMaster || from !== this.masterId || replId !== this.replId || this.syncState !== 'synced') return false;
    if (change === null) {
      this.ack();
      return true;
    }
    if (offset <= this.offset) return true;
    this.offset = offset;
    // Commands from the master never see keys as expired (R6): apply as is.
    const keys = this.node.keys;
    if (change.kind === 'set') keys.set(change.key, change.value, change.expireAtMs);
    else if (change.kind === 'del') keys.delete(change.key);
    else {
      const entry = keys.get(change.key);
      if (entry !== undefined) entry.expireAtMs = change.expireAtMs;
    }
    this.node.traceChange(change, 'replication');
    this.node.aof.append(change);
    this.node.afterWrite();
    return true;
  }

  /** A replication message from a history this replica no longer follows: say so in the trace. */
  private stale(from: ProcessId, msgId: number): void {
    this.host.emit({ t: this.host.nowMs, kind: 'drop', msg: msgId, from, to: this.node.id, reason: 'stale' });
  }

  private ack(): void {
    if (this.masterId === null) return;
    this.send(this.masterId, { type: 'repl-ack', replId: this.replId, offset: this.offset }, `ACK ${this.offset}`);
  }

  /** The link to the master broke (it crashed): keep serving stale data, retry every second. */
  masterLinkDown(): void {
    if (this.node.isMaster) return;
    this.syncState = 'waiting';
    this.scheduleRetry();
  }

  onCrash(): void {
    this.replicaAcks.clear();
    this.syncState = 'idle';
    this.retryScheduled = false;
  }

  becomeMaster(): void {
    this.masterId = null;
    this.replId = this.host.nextReplId(this.node.id);
    this.replicaAcks.clear();
    this.syncState = 'idle';
  }

  becomeReplicaOf(master: ProcessId): void {
    this.masterId = master;
    this.replicaAcks.clear();
    this.startSync();
  }

  private startSync(): void {
    this.syncState = 'waiting';
    if (this.masterId !== null) this.send(this.masterId, { type: 'sync' }, 'PSYNC');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    this.host.setTimer(this.node, this.node.clock.trueDelayMs(1000), () => {
      this.retryScheduled = false;
      if (this.node.isMaster || this.syncState !== 'waiting' || this.masterId === null) return;
      this.send(this.masterId, { type: 'sync' }, 'PSYNC');
      this.scheduleRetry();
    });
  }

  private send(to: ProcessId, body: MessageBody, label: string): void {
    this.host.send(this.node.id, to, body, label);
  }
}

/** Labels are interned per key, so a long replication stream does not allocate one string per change. */
const labelCache = { set: new Map<string, string>(), expire: new Map<string, string>(), del: new Map<string, string>() };
const labelVerb = { set: 'SET', expire: 'PEXPIREAT', del: 'DEL' } as const;

function changeLabel(change: Change): string {
  const cache = labelCache[change.kind];
  let label = cache.get(change.key);
  if (label === undefined) {
    label = `${labelVerb[change.kind]} ${change.key}`;
    if (cache.size < 10_000) cache.set(change.key, label);
  }
  return label;
}
