import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { LOCK_SCRIPTS } from '../run/realArgv.ts';

/**
 * The Redlock operation without the bridge: what an application in Node would do with
 * ioredis against the same five masters. Acquire: SET key value NX PX on all five at once,
 * a quorum of OKs wins; release: the compare-and-delete script on all five at once.
 */
export class DirectRedlock {
  private constructor(private readonly nodes: Redis[]) {}

  static async connect(addresses: readonly { host: string; port: number }[]): Promise<DirectRedlock> {
    const nodes = addresses.map((a) => new Redis({ host: a.host, port: a.port, lazyConnect: true, maxRetriesPerRequest: 1 }));
    await Promise.all(nodes.map((n) => n.connect()));
    return new DirectRedlock(nodes);
  }

  /** One acquire and release of `key`; throws if the acquire did not reach a quorum. */
  async acquireAndRelease(key: string, ttlMs: number): Promise<void> {
    const value = randomBytes(20).toString('hex');
    const replies = await Promise.all(this.nodes.map((n) => n.set(key, value, 'PX', ttlMs, 'NX').catch(() => null)));
    const votes = replies.filter((r) => r === 'OK').length;
    const cad = LOCK_SCRIPTS['compare-and-delete'] ?? '';
    await Promise.all(this.nodes.map((n) => n.eval(cad, 1, key, value).catch(() => 0)));
    if (votes < Math.floor(this.nodes.length / 2) + 1) throw new Error(`acquire of ${key} got ${votes} of ${this.nodes.length} votes`);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.nodes.map((n) => n.quit()));
  }
}
