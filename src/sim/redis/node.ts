import { Clock } from '../clock/clock.ts';
import type { NodeSpec, ProcessId } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { Message, MessageBody } from '../process/message.ts';
import { Proc } from '../process/proc.ts';
import type { KeyVia } from '../trace/events.ts';
import { activeExpireCycle } from './activeExpire.ts';
import { Aof } from './aof.ts';
import type { Change } from './change.ts';
import { executeCommand } from './commands.ts';
import type { ExecEnv } from './execEnv.ts';
import { Keyspace } from './keyspace.ts';
import { parseInt64 } from './parseInt64.ts';
import { Errors, err, int, type Reply } from './reply.ts';
import { Replication } from './replication.ts';

/** How often a replica whose master link is down retries the sync (replicationCron: every second). */
export const REPLICA_RETRY_MS = 1000;
/** appendfsync everysec: the AOF is flushed at each whole second of the node's monotonic clock. */
export const FSYNC_PERIOD_MS = 1000;

interface WaitWaiter {
  client: ProcessId;
  reqId: number;
  argv: string[];
  offset: number;
  numReplicas: number;
  done: boolean;
}

/**
 * A Redis server (R1–R10): executes commands against its keyspace on its own wall clock,
 * expires keys passively and (as a master) actively, replicates asynchronously, persists
 * to an AOF according to its configuration, and can crash, restart and be paused.
 */
export class RedisNode extends Proc {
  readonly keys = new Keyspace();
  readonly aof: Aof;
  readonly repl: Replication;
  role: 'master' | 'replica';
  private expireScheduled = false;
  private expireCursor = 0;
  private fsyncScheduled = false;
  private bootMonoMs = 0;
  private waiters: WaitWaiter[] = [];
  private readonly env: ExecEnv;
  private clientWriteOffset = new Map<ProcessId, number>();
  /** Earliest true time a crashed node may come back (restartDelayMs). */
  restartNotBeforeMs = 0;

  constructor(
    readonly spec: NodeSpec,
    private readonly host: Host,
  ) {
    super(spec.id, new Clock(spec.clock));
    this.aof = new Aof(spec.persistence);
    this.env = { keys: this.keys, nowMs: 0, isMaster: true, changes: [] };
    this.role = spec.replicaOf === undefined ? 'master' : 'replica';
    this.repl = new Replication(this, host, spec.replicaOf ?? null);
  }

  get isMaster(): boolean {
    return this.role === 'master';
  }

  wallMs(): number {
    return this.clock.wallMs(this.host.nowMs);
  }

  /** Boot at t=0 or after a restart: replicas start syncing with their master. */
  boot(initial = false): void {
    this.bootMonoMs = this.clock.monotonicMs(this.host.nowMs);
    this.repl.boot(initial);
    this.scheduleActiveExpire();
  }

  onMessage(msg: Message): void {
    const body = msg.body;
    switch (body.type) {
      case 'request':
        this.onRequest(msg.from, body.reqId, body.argv);
        return;
      case 'repl':
      case 'snapshot':
      case 'sync':
      case 'repl-ack':
        this.repl.onMessage(msg.from, body, msg.id);
        if (body.type === 'repl-ack') this.checkWaiters();
        return;
      default:
        return;
    }
  }

  private onRequest(client: ProcessId, reqId: number, argv: string[]): void {
    if (argv.length === 3 && (argv[0] as string).toUpperCase() === 'WAIT') {
      this.onWait(client, reqId, argv);
      return;
    }
    // One ExecEnv per node, reset per command: commands are atomic, so nothing else can be using it.
    const env = this.env;
    const nodeMs = this.wallMs();
    env.nowMs = nodeMs;
    env.isMaster = this.isMaster;
    env.changes = [];
    const changes = env.changes;
    const reply = executeCommand(env, argv);
    this.host.emit({ t: this.host.nowMs, kind: 'command', node: this.id, client, argv, reply, nodeMs });
    if (changes.length > 0) {
      this.commitChanges(changes, 'command');
      this.clientWriteOffset.set(client, this.repl.offset);
    }
    this.reply(client, reqId, argv, reply);
  }

  private reply(client: ProcessId, reqId: number, argv: string[], reply: Reply): void {
    const body: MessageBody = { type: 'reply', reqId, argv, reply };
    this.host.send(this.id, client, body, replyLabel(reply));
  }

  /**
   * Applies the consequences of changes made on this master: trace them, append them to
   * the AOF, stream them to replicas. Called after commands and active expiry.
   */
  commitChanges(changes: readonly Change[], via: KeyVia): void {
    for (const change of changes) {
      this.traceChange(change, via);
      this.aof.append(change);
      if (this.isMaster) this.repl.propagate(change);
    }
    this.afterWrite();
  }

  traceChange(change: Change, via: KeyVia): void {
    const t = this.host.nowMs;
    if (change.kind === 'set') {
      this.host.emit({ t, kind: 'key-set', node: this.id, key: change.key, value: change.value, expireAtMs: change.expireAtMs, via });
    } else if (change.kind === 'expire') {
      this.host.emit({ t, kind: 'key-expire', node: this.id, key: change.key, expireAtMs: change.expireAtMs, via });
    } else {
      this.host.emit({ t, kind: 'key-del', node: this.id, key: change.key, cause: change.cause, via });
    }
  }

  /** Durability and expiry bookkeeping after the dataset changed. */
  afterWrite(): void {
    if (this.aof.mode === 'aof-everysec' && this.aof.unsyncedCount > 0) this.scheduleFsync();
    this.aof.maybeCompact(this.keys.size, () => this.keys.snapshot());
    this.scheduleActiveExpire();
  }

  private onWait(client: ProcessId, reqId: number, argv: string[]): void {
    const nodeMs = this.wallMs();
    const answer = (reply: Reply): void => {
      this.host.emit({ t: this.host.nowMs, kind: 'command', node: this.id, client, argv, reply, nodeMs });
      this.reply(client, reqId, argv, reply);
    };
    if (!this.isMaster) return answer(err(Errors.waitOnReplica));
    const numReplicas = parseInt64(argv[1] as string);
    const timeoutMs = parseInt64(argv[2] as string);
    // replication.c waitCommand: numreplicas via getLongFromObjectOrReply, the timeout via
    // getTimeoutFromObjectOrReply, each with its own error text.
    if (numReplicas === null) return answer(err(Errors.notInteger));
    if (timeoutMs === null) return answer(err('ERR timeout is not an integer or out of range'));
    if (timeoutMs < 0n) return answer(err('ERR timeout is negative'));
    const offset = this.clientWriteOffset.get(client) ?? 0;
    const acked = this.repl.ackedCount(offset);
    if (acked >= Number(numReplicas)) return answer(int(acked));
    const waiter: WaitWaiter = { client, reqId, argv, offset, numReplicas: Number(numReplicas), done: false };
    this.waiters.push(waiter);
    this.repl.requestAcks();
    if (timeoutMs > 0n) {
      this.host.setTimer(this, this.clock.trueDelayMs(Number(timeoutMs)), () => this.finishWait(waiter, true));
    }
  }

  private checkWaiters(): void {
    for (const w of this.waiters) {
      if (!w.done && this.repl.ackedCount(w.offset) >= w.numReplicas) this.finishWait(w, false);
    }
  }

  private finishWait(w: WaitWaiter, timedOut: boolean): void {
    if (w.done) return;
    w.done = true;
    this.waiters = this.waiters.filter((x) => x !== w);
    const acked = this.repl.ackedCount(w.offset);
    const reply = int(acked);
    this.host.emit({ t: this.host.nowMs, kind: 'wait-done', node: this.id, client: w.client, acked, timedOut });
    this.host.emit({ t: this.host.nowMs, kind: 'command', node: this.id, client: w.client, argv: w.argv, reply, nodeMs: this.wallMs() });
    this.reply(w.client, w.reqId, w.argv, reply);
  }

  /** Unblocks every WAIT with its current count (the node stops being a master). */
  releaseWaiters(): void {
    for (const w of [...this.waiters]) this.finishWait(w, false);
  }

  /** Active expiry runs on masters only (R4, R6), and only while some key has a TTL. */
  scheduleActiveExpire(): void {
    if (this.expireScheduled || !this.isMaster || !this.up) return;
    if (this.keys.volatileCount() === 0) return;
    this.expireScheduled = true;
    const periodMs = Math.max(1, Math.floor(1000 / this.spec.hz));
    const sinceBootMs = this.clock.monotonicMs(this.host.nowMs) - this.bootMonoMs;
    const nextTickMs = (Math.floor(sinceBootMs / periodMs) + 1) * periodMs - sinceBootMs;
    this.host.setTimer(this, this.clock.trueDelayMs(nextTickMs), () => {
      this.expireScheduled = false;
      if (!this.isMaster) return;
      const changes: Change[] = [];
      this.expireCursor = activeExpireCycle(this.keys, this.wallMs(), this.expireCursor, changes);
      if (changes.length > 0) this.commitChanges(changes, 'active-expiry');
      this.scheduleActiveExpire();
    });
  }

  private scheduleFsync(): void {
    if (this.fsyncScheduled) return;
    this.fsyncScheduled = true;
    const sinceBootMs = this.clock.monotonicMs(this.host.nowMs) - this.bootMonoMs;
    const nextMs = (Math.floor(sinceBootMs / FSYNC_PERIOD_MS) + 1) * FSYNC_PERIOD_MS - sinceBootMs;
    this.host.setTimer(this, this.clock.trueDelayMs(nextMs), () => {
      this.fsyncScheduled = false;
      const entries = this.aof.fsync();
      if (entries > 0) this.host.emit({ t: this.host.nowMs, kind: 'aof-fsync', node: this.id, entries });
    });
  }

  /** The process dies. Its memory is gone; the AOF keeps what was synced (all of it if clean). */
  onCrash(clean: boolean): void {
    const keysLost = this.keys.size;
    // Memory is gone; the timeline must see each key end here (some may come back from the AOF).
    for (const key of this.keys.entries.keys()) {
      this.host.emit({ t: this.host.nowMs, kind: 'key-del', node: this.id, key, cause: 'lost', via: 'crash' });
    }
    this.aof.crash(clean);
    this.keys.clear();
    this.waiters = [];
    this.clientWriteOffset.clear();
    this.expireScheduled = false;
    this.fsyncScheduled = false;
    this.repl.onCrash();
    this.host.emit({ t: this.host.nowMs, kind: 'crash', process: this.id, clean, keysLost });
  }

  /** Comes back up: load the AOF (if any), then resume its role (R9, R17). */
  restart(): void {
    const loaded = this.aof.load();
    this.keys.load(loaded);
    this.host.emit({ t: this.host.nowMs, kind: 'restart', process: this.id, keysLoaded: loaded.length, persistence: this.aof.mode });
    for (const [key, e] of loaded) {
      this.host.emit({ t: this.host.nowMs, kind: 'key-set', node: this.id, key, value: e.value, expireAtMs: e.expireAtMs, via: 'load' });
    }
    this.boot();
  }

  /** Sentinel promotes this replica (SLAVEOF NO ONE / REPLICAOF NO ONE). */
  promote(): void {
    this.role = 'master';
    this.repl.becomeMaster();
    this.host.emit({ t: this.host.nowMs, kind: 'role', node: this.id, role: 'master', master: null });
    this.scheduleActiveExpire();
  }

  /** Sentinel (re)configures this node as a replica of `master`; its data goes at the full sync (R8). */
  demoteTo(master: ProcessId): void {
    this.releaseWaiters();
    this.role = 'replica';
    this.repl.becomeReplicaOf(master);
    this.host.emit({ t: this.host.nowMs, kind: 'role', node: this.id, role: 'replica', master });
  }
}

/** Interned labels for the small integers most replies are (0, 1, -1, -2, counts). */
const SMALL_INTS = Array.from({ length: 1_002 }, (_, i) => String(i - 2));

function replyLabel(reply: Reply): string {
  switch (reply.t) {
    case 'status':
      return reply.v;
    case 'bulk':
      return reply.v === null ? 'nil' : reply.v.length > 16 ? `${reply.v.slice(0, 16)}…` : reply.v;
    case 'int':
      return reply.v >= -2 && reply.v < SMALL_INTS.length - 2 ? (SMALL_INTS[reply.v + 2] as string) : String(reply.v);
    case 'err':
      return reply.v.split(' ')[0] ?? 'ERR';
  }
}
