/**
 * The npm `redlock` package (node-redlock 4.2.0, npm's `latest`), written by Mike Marcacci, not
 * here, once against the same real nodes. It is given ioredis clients set up to behave like a
 * Redlock client should (R12: "a small timeout" per node): commandTimeout as the per-node
 * timeout, no offline queue and no reconnection (a dead node answers "no" at once instead of
 * holding the command), no ready check (a paused node's connection is still open).
 */
import { Redis } from 'ioredis';
import Redlock from 'redlock';
import type { AttemptOutcome, CrossNode, RedlockSettings } from './ourRedlock.ts';

/** Connections to every node, opened while all of them are up (faults come after). */
export class NodeRedlock {
  private constructor(
    private readonly clients: Redis[],
    private readonly settings: RedlockSettings,
  ) {}

  static async connect(nodes: readonly CrossNode[], settings: RedlockSettings): Promise<NodeRedlock> {
    const clients = nodes.map(
      (n) =>
        new Redis({
          host: '127.0.0.1',
          port: n.port,
          lazyConnect: true,
          enableOfflineQueue: false,
          enableReadyCheck: false,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
          commandTimeout: settings.requestTimeoutMs,
        }),
    );
    await Promise.all(clients.map((c) => c.connect()));
    return new NodeRedlock(clients, settings);
  }

  /** Resolves once the client's connection to the node at `index` has seen the node go away. */
  async lost(index: number): Promise<void> {
    const c = this.clients[index];
    if (c === undefined || c.status === 'end' || c.status === 'close') return;
    await new Promise<void>((resolve) => c.once('close', () => resolve()));
  }

  /** One attempt (retryCount 0); a lock it gets is released before this resolves. */
  async once(): Promise<AttemptOutcome> {
    const { key, ttlMs, driftFactor } = this.settings;
    const redlock = new Redlock(this.clients as unknown as Redlock.CompatibleRedisClient[], { retryCount: 0, driftFactor });
    // A node that errs (down, timed out) is a "no" vote; redlock reports it as an event.
    redlock.on('clientError', () => {});
    try {
      const lock = await redlock.lock(key, ttlMs);
      // What it has left when it answers, as our client reports validity (TTL − elapsed − drift).
      const validityMs = lock.expiration - Date.now();
      await lock.unlock().catch(() => {});
      return { acquired: true, votes: null, validityMs };
    } catch (e) {
      if ((e as Error).name !== 'LockError') throw e;
      return { acquired: false, votes: null, validityMs: null };
    }
  }

  close(): void {
    for (const c of this.clients) c.disconnect();
  }
}
