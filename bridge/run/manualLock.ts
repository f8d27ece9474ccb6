/**
 * One lock operation on demand (a click on Acquire / Release / Extend, or a `lock-op` message):
 * the Redlock algorithm over the given nodes, with the lock layer's own commands and arithmetic
 * (src/lock/commands.ts, src/lock/redlockMath.ts) — SET NX PX on every node at once, a quorum and
 * validity check, compare-and-delete to release (also after a failed acquire, as Redlock does),
 * compare-and-extend to extend. With one node it is the correct single-instance lock.
 * Times are scenario ms; the events it returns are the operation's trace.
 */
import { acquireArgv, extendArgv, releaseArgv } from '../../src/lock/commands.ts';
import { lockValue } from '../../src/lock/context.ts';
import { isAcquired, quorum, validityMs } from '../../src/lock/redlockMath.ts';
import { isGranted } from '../../src/lock/replies.ts';
import type { Reply } from '../../src/sim/redis/reply.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import type { LockOp } from './runTypes.ts';
import { RunError } from './runTypes.ts';

export interface ManualLockWorld {
  nowMs(): number;
  /** Rejects (or resolves null) when the request or its reply is lost. */
  request(node: string, argv: readonly string[]): Promise<Reply>;
  nextEpoch(): number;
  random(): number;
  /** How long to wait for a node (scenario ms); later answers do not count. */
  requestTimeoutMs: number;
  driftFactor: number;
}

interface Held {
  value: string;
  key: string;
  ttlMs: number;
}

const withTimeout = (p: Promise<Reply>, ms: number): Promise<Reply | null> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });

export class ManualLockClient {
  private held: Held | null = null;
  private round = 0;
  private busy = false;

  constructor(
    readonly client: string,
    private readonly nodes: readonly string[],
    private readonly world: ManualLockWorld,
    /** Wall ms per scenario ms, for the request timeout. */
    private readonly wallPerScenarioMs = 1,
  ) {
    if (nodes.length === 0) throw new Error(`client ${client} has no nodes to lock`);
  }

  get holding(): string | null {
    return this.held?.value ?? null;
  }

  async run(op: LockOp, key: string, ttlMs: number): Promise<TraceEvent[]> {
    if (this.busy) throw new RunError('conflict', `client ${this.client} is still busy with its previous operation`);
    this.busy = true;
    try {
      if (op === 'acquire') return await this.acquire(key, ttlMs);
      if (op === 'release') return await this.release();
      return await this.extend(ttlMs);
    } finally {
      this.busy = false;
    }
  }

  private async ask(argvFor: (node: string) => string[]): Promise<Map<string, Reply | null>> {
    const timeoutWallMs = Math.max(1, this.world.requestTimeoutMs * this.wallPerScenarioMs);
    const replies = await Promise.all(this.nodes.map((n) => withTimeout(this.world.request(n, argvFor(n)), timeoutWallMs)));
    return new Map(this.nodes.map((n, i) => [n, replies[i] ?? null]));
  }

  private async acquire(key: string, ttlMs: number): Promise<TraceEvent[]> {
    if (this.held !== null) throw new RunError('conflict', `client ${this.client} already holds ${this.held.key}; release it first`);
    const client = this.client;
    this.round += 1;
    const value = lockValue(client, this.round, this.world.random());
    const startMs = this.world.nowMs();
    const events: TraceEvent[] = [{ t: startMs, kind: 'lock-attempt', client, round: this.round, attempt: 1, value, clientMs: startMs }];
    const replies = await this.ask(() => acquireArgv('redlock', key, value, ttlMs));
    const granted = [...replies].filter(([, r]) => r !== null && isGranted(r)).map(([n]) => n);
    const t = this.world.nowMs();
    const elapsedMs = t - startMs;
    const n = this.nodes.length;
    if (isAcquired(granted.length, n, ttlMs, elapsedMs, this.world.driftFactor)) {
      const validity = validityMs(ttlMs, elapsedMs, this.world.driftFactor);
      this.held = { value, key, ttlMs };
      const epoch = this.world.nextEpoch();
      events.push({
        t,
        kind: 'lock-acquired',
        client,
        value,
        epoch,
        votes: granted.length,
        nodes: granted,
        validityMs: validity,
        validUntilMs: startMs + validity,
        clientMs: t,
      });
      return events;
    }
    const reason =
      granted.length >= quorum(n)
        ? 'no-validity'
        : [...replies.values()].every((r) => r === null)
          ? 'timeout'
          : n === 1
            ? 'refused'
            : 'no-quorum';
    const validity = granted.length >= quorum(n) ? validityMs(ttlMs, elapsedMs, this.world.driftFactor) : null;
    events.push({ t, kind: 'lock-failed', client, value, votes: granted.length, reason, validityMs: validity, clientMs: t });
    // Redlock unlocks every node after a failed attempt, so its partial votes do not linger.
    await this.ask(() => releaseArgv('redlock', key, value));
    return events;
  }

  private async release(): Promise<TraceEvent[]> {
    const held = this.held;
    if (held === null) throw new RunError('conflict', `client ${this.client} holds no lock to release`);
    const t = this.world.nowMs();
    this.held = null;
    await this.ask(() => releaseArgv('redlock', held.key, held.value));
    return [{ t, kind: 'lock-released', client: this.client, value: held.value, clientMs: t }];
  }

  private async extend(ttlMs: number | undefined): Promise<TraceEvent[]> {
    const held = this.held;
    if (held === null) throw new RunError('conflict', `client ${this.client} holds no lock to extend`);
    const ttl = ttlMs ?? held.ttlMs;
    const startMs = this.world.nowMs();
    const replies = await this.ask(() => extendArgv(held.key, held.value, ttl));
    const votes = [...replies.values()].filter((r) => r !== null && isGranted(r)).length;
    const t = this.world.nowMs();
    const elapsedMs = t - startMs;
    if (isAcquired(votes, this.nodes.length, ttl, elapsedMs, this.world.driftFactor)) {
      const validity = validityMs(ttl, elapsedMs, this.world.driftFactor);
      return [
        {
          t,
          kind: 'lock-extended',
          client: this.client,
          value: held.value,
          votes,
          validityMs: validity,
          validUntilMs: startMs + validity,
          clientMs: t,
        },
      ];
    }
    this.held = null;
    return [{ t, kind: 'lock-lost', client: this.client, value: held.value, reason: 'extend-failed', clientMs: t }];
  }
}
