import type { DelCause } from '../../sim/redis/change.ts';
import type { Reply } from '../../sim/redis/reply.ts';
import type { KeyVia, TraceEvent, WriteVerdict } from '../../sim/trace/events.ts';

/**
 * Test helper: hand-built traces for the checker, read top to bottom like a timeline.
 * `at(t)` moves the clock (never backwards); every other call appends one event at the
 * current time. Epochs of lock-acquired count up by themselves unless given.
 *
 *   const trace = new TraceBuilder(['A', 'B', 'C'], ['C1', 'C2'])
 *     .at(0).attempt('C1', 'v1').lockKeys(['A', 'B', 'C'], 'v1', 10_002)
 *     .at(4).acquired('C1', 'v1', ['A', 'B', 'C'])
 *     .at(3000).released('C1', 'v1')
 *     .end(20_000);
 */
export class TraceBuilder {
  private readonly events: TraceEvent[] = [];
  private nowMs = 0;
  private nextEpoch = 1;
  private readonly marks = new Map<string, number>();

  constructor(nodes: string[] = ['A', 'B', 'C', 'D', 'E'], clients: string[] = ['C1', 'C2']) {
    this.push({ t: 0, kind: 'run-start', seed: 1, durationMs: 0, nodes, clients });
  }

  /** Moves the current time forward. */
  at(t: number): this {
    if (t < this.nowMs) throw new Error(`trace time goes backwards: ${t} after ${this.nowMs}`);
    this.nowMs = t;
    return this;
  }

  /** Names the index the next event will get, for asserting causes. */
  mark(name: string): this {
    this.marks.set(name, this.events.length);
    return this;
  }

  /** The index a mark named. */
  index(name: string): number {
    const i = this.marks.get(name);
    if (i === undefined) throw new Error(`no mark ${name}`);
    return i;
  }

  /** Any event, at the current time. */
  push(e: TraceEvent): this {
    this.events.push(e);
    return this;
  }

  attempt(client: string, value: string, attempt = 1, round = 1): this {
    return this.push({ t: this.nowMs, kind: 'lock-attempt', client, round, attempt, value, clientMs: this.nowMs });
  }

  acquired(
    client: string,
    value: string,
    nodes: string[],
    opts: { epoch?: number; validUntilMs?: number; validityMs?: number } = {},
  ): this {
    const epoch = opts.epoch ?? this.nextEpoch;
    this.nextEpoch = Math.max(this.nextEpoch, epoch + 1);
    const validityMs = opts.validityMs ?? 9894;
    return this.push({
      t: this.nowMs,
      kind: 'lock-acquired',
      client,
      value,
      epoch,
      votes: nodes.length,
      nodes,
      validityMs,
      validUntilMs: opts.validUntilMs ?? this.nowMs + validityMs,
      clientMs: this.nowMs,
    });
  }

  failed(client: string, value: string, votes = 0): this {
    return this.push({
      t: this.nowMs,
      kind: 'lock-failed',
      client,
      value,
      votes,
      reason: 'no-quorum',
      validityMs: null,
      clientMs: this.nowMs,
    });
  }

  gaveUp(client: string, attempts = 1, round = 1): this {
    return this.push({ t: this.nowMs, kind: 'lock-gave-up', client, round, attempts, clientMs: this.nowMs });
  }

  extended(client: string, value: string, validUntilMs: number): this {
    return this.push({
      t: this.nowMs,
      kind: 'lock-extended',
      client,
      value,
      votes: 3,
      validityMs: validUntilMs - this.nowMs,
      validUntilMs,
      clientMs: this.nowMs,
    });
  }

  lost(client: string, value: string): this {
    return this.push({ t: this.nowMs, kind: 'lock-lost', client, value, reason: 'extend-failed', clientMs: this.nowMs });
  }

  released(client: string, value: string): this {
    return this.push({ t: this.nowMs, kind: 'lock-released', client, value, clientMs: this.nowMs });
  }

  leaseExpired(client: string, value: string, validUntilMs = this.nowMs): this {
    return this.push({ t: this.nowMs, kind: 'lease-expired', client, value, validUntilMs });
  }

  done(client: string): this {
    return this.push({ t: this.nowMs, kind: 'client-done', client });
  }

  keySet(node: string, key: string, value: string, expireAtMs: number, via: KeyVia = 'command'): this {
    return this.push({ t: this.nowMs, kind: 'key-set', node, key, value, expireAtMs, via });
  }

  /** The lock key `lock` set to `value` on each node (what SET NX PX leaves behind). */
  lockKeys(nodes: string[], value: string, expireAtMs: number, via: KeyVia = 'command'): this {
    for (const node of nodes) this.keySet(node, 'lock', value, expireAtMs, via);
    return this;
  }

  keyExpire(node: string, key: string, expireAtMs: number, via: KeyVia = 'command'): this {
    return this.push({ t: this.nowMs, kind: 'key-expire', node, key, expireAtMs, via });
  }

  keyDel(
    node: string,
    key: string,
    cause: DelCause,
    via: KeyVia = cause === 'lost' ? 'crash' : cause === 'resync' ? 'replication' : 'command',
  ): this {
    return this.push({ t: this.nowMs, kind: 'key-del', node, key, cause, via });
  }

  command(node: string, client: string, argv: string[], reply: Reply = { t: 'int', v: 1 }): this {
    return this.push({ t: this.nowMs, kind: 'command', node, client, argv, reply, nodeMs: this.nowMs });
  }

  crash(process: string, keysLost = 0): this {
    return this.push({ t: this.nowMs, kind: 'crash', process, clean: false, keysLost });
  }

  restart(process: string, keysLoaded = 0, persistence = 'none'): this {
    return this.push({ t: this.nowMs, kind: 'restart', process, keysLoaded, persistence });
  }

  pause(process: string, untilMs: number): this {
    return this.push({ t: this.nowMs, kind: 'pause', process, untilMs });
  }

  resume(process: string, queued = 0): this {
    return this.push({ t: this.nowMs, kind: 'resume', process, queued });
  }

  clockJump(process: string, deltaMs: number): this {
    return this.push({ t: this.nowMs, kind: 'clock-jump', process, deltaMs, wallMs: this.nowMs + deltaMs });
  }

  partition(id: string, groups: string[][]): this {
    return this.push({ t: this.nowMs, kind: 'partition', id, groups });
  }

  heal(id: string): this {
    return this.push({ t: this.nowMs, kind: 'heal', id });
  }

  failover(from: string, to: string): this {
    return this.push({ t: this.nowMs, kind: 'failover', from, to });
  }

  write(
    client: string,
    epoch: number,
    verdict: WriteVerdict = 'accepted',
    opts: { token?: number | null; value?: string; highestToken?: number | null; currentValue?: string | null } = {},
  ): this {
    return this.push({
      t: this.nowMs,
      kind: 'storage-write',
      client,
      seq: this.events.length,
      epoch,
      token: opts.token ?? null,
      value: opts.value ?? `${client}-${epoch}`,
      verdict,
      highestToken: opts.highestToken ?? null,
      currentValue: opts.currentValue ?? null,
    });
  }

  /** Appends run-end at `t` (default: now) and returns the trace. */
  end(t = this.nowMs): TraceEvent[] {
    this.at(t);
    this.push({ t, kind: 'run-end', endMs: t, truncated: false });
    return this.build();
  }

  /** The trace so far, without a run-end. */
  build(): TraceEvent[] {
    return [...this.events];
  }
}

/** The index of the first event of `kind` matching `where`, for asserting causes. */
export function indexOf(trace: readonly TraceEvent[], kind: TraceEvent['kind'], where: (e: TraceEvent) => boolean = () => true): number {
  const i = trace.findIndex((e) => e.kind === kind && where(e));
  if (i < 0) throw new Error(`no ${kind} event`);
  return i;
}
