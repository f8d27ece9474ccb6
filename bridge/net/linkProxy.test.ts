import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, LOOPBACK } from '../redis/freePort.ts';
import { infoField, rawCommand } from '../redis/rawCommand.ts';
import type { ServerProcess } from '../redis/serverProcess.ts';
import { type RedisServer, startRedis } from '../redis/startRedis.ts';
import { sleep, waitFor } from '../redis/waitFor.ts';
import { LinkProxy, type LinkProxyOptions } from './linkProxy.ts';
import { LinkLostError, RedisLink } from './redisLink.ts';

/** Real redis-server processes on free loopback ports; afterAll stops every one by its pid. */
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.allSettled(started.map((s) => s.dispose()));
}, 30_000);

const proxies: LinkProxy[] = [];
const links: RedisLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) link.close();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

function start(replicaOfPort?: number): Promise<RedisServer> {
  return startRedis({ replicaOfPort, observe: (s) => started.push(s) });
}

async function proxyTo(port: number, opts: Partial<LinkProxyOptions> = {}): Promise<LinkProxy> {
  const proxy = new LinkProxy({ target: { host: LOOPBACK, port }, mode: 'resp-pairs', ...opts });
  proxies.push(proxy);
  await proxy.start();
  return proxy;
}

function linkThrough(proxy: LinkProxy): RedisLink {
  const link = new RedisLink({ port: proxy.port, label: 'c1 -> A' });
  links.push(link);
  return link;
}

/** A request whose rejection is expected later: handled now, so it is never an unhandled rejection. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('LinkProxy (resp-pairs) between RedisLink and a real redis-server', () => {
  it('forwards requests and replies unchanged with no fault, counting units', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    expect(await link.request(['SET', 'lock', 'c1', 'NX', 'PX', '30000'])).toBe('OK');
    expect(await link.request(['GET', 'lock'])).toBe('c1');
    expect(proxy.counters).toEqual({ toServer: { forwarded: 2, dropped: 0 }, toClient: { forwarded: 2, dropped: 0 } });
    expect(proxy.connectionCount).toBe(1);
  });

  it('a dropped request never runs; it rejects as lost once a later reply arrives, and the later one gets its own reply', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    proxy.set('toServer', { dropRate: 1 });
    const dropped = later(link.request(['SET', 'a', 'v1']));
    await waitFor(
      () => proxy.counters.toServer.dropped === 1,
      5000,
      () => 'the proxy never saw the request',
    );
    proxy.set('toServer', { dropRate: 0 });
    expect(await link.request(['SET', 'b', 'v2'])).toBe('OK');
    await expect(dropped).rejects.toThrow(LinkLostError);
    await expect(dropped).rejects.toThrow(/SET \(rl:1\) lost: a later request's reply \(rl:2\) came first/);
    expect(await link.request(['GET', 'a'])).toBe(null);
    expect(await link.request(['GET', 'b'])).toBe('v2');
  });

  it('a dropped reply: the command ran, the request rejects as lost, and the next request gets its own reply', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    proxy.set('toClient', { dropRate: 1 });
    const unanswered = later(link.request(['SET', 'a', 'v1']));
    await waitFor(
      () => proxy.counters.toClient.dropped === 1,
      5000,
      () => 'the reply never reached the proxy',
    );
    proxy.set('toClient', { dropRate: 0 });
    expect(await link.request(['GET', 'a'])).toBe('v1');
    await expect(unanswered).rejects.toThrow(LinkLostError);
    expect(await rawCommand(server.port, ['GET', 'a'])).toBe('v1');
  });

  it('an extra delay of 50 ms on replies delays the round trip by at least 50 ms', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    expect(await link.request(['PING'])).toBe('PONG');
    proxy.set('toClient', { extraDelayMs: 50 });
    const t0 = performance.now();
    expect(await link.request(['SET', 'k', 'v'])).toBe('OK');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(50);
  });

  it('the base latency applies to each direction: 30 ms each way is at least 60 ms a round trip', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port, { baseDelayMs: () => 30 });
    const link = linkThrough(proxy);
    expect(await link.request(['PING'])).toBe('PONG');
    const t0 = performance.now();
    expect(await link.request(['GET', 'k'])).toBe(null);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(60);
  });

  it('blocked (a partition): no reply at all; after healing, the next request is answered and the cut one reported lost', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    expect(await link.request(['PING'])).toBe('PONG');
    proxy.set('toServer', { blocked: true });
    let settled = false;
    const cut = later(link.request(['SET', 'lock', 'c1']));
    cut.then(
      () => (settled = true),
      () => (settled = true),
    );
    await sleep(300);
    expect(settled).toBe(false);
    expect(proxy.counters.toServer.dropped).toBe(1);
    expect(await rawCommand(server.port, ['GET', 'lock'])).toBe(null);
    proxy.set('toServer', { blocked: false });
    expect(await link.request(['GET', 'lock'])).toBe(null);
    await expect(cut).rejects.toThrow(LinkLostError);
  });

  it('keeps order per direction under random delays, and with random drops no reply lands on the wrong request', async () => {
    const server = await start();
    const count = 200;
    for (let i = 0; i < count; i++) await rawCommand(server.port, ['SET', `k${i}`, `v${i}`]);
    const random = seeded(7);
    const proxy = await proxyTo(server.port, { baseDelayMs: () => random() * 15, random });
    const link = linkThrough(proxy);

    const incrs = Array.from({ length: 50 }, () => link.request(['INCR', 'counter']));
    expect(await Promise.all(incrs)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    proxy.set('toServer', { dropRate: 0.2 });
    proxy.set('toClient', { dropRate: 0.2 });
    const gets = Array.from({ length: count }, (_, i) => later(link.request(['GET', `k${i}`])));
    // Settings apply to units as they arrive: wait until every request and every reply was
    // forwarded or dropped. Then a last request must get through, so every loss is detected.
    const seen = (c: { forwarded: number; dropped: number }) => c.forwarded + c.dropped;
    await waitFor(
      () => seen(proxy.counters.toServer) === 50 + count && seen(proxy.counters.toClient) === proxy.counters.toServer.forwarded,
      10_000,
      () => `units still in flight: ${JSON.stringify(proxy.counters)}`,
    );
    proxy.set('toServer', { dropRate: 0 });
    proxy.set('toClient', { dropRate: 0 });
    const outcomes = await Promise.allSettled([...gets, link.request(['PING'])]);
    const answered = outcomes.slice(0, count).flatMap((o, i) => (o.status === 'fulfilled' ? [[i, o.value]] : []));
    const lost = outcomes.filter((o) => o.status === 'rejected');
    for (const [i, value] of answered) expect(value).toBe(`v${i}`);
    for (const o of lost) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(LinkLostError);
    expect(answered.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    expect(outcomes.at(-1)).toEqual({ status: 'fulfilled', value: 'PONG' });
  });

  it('a killed node: outstanding requests reject, the next request is refused promptly, a restart heals it', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    expect(await link.request(['SET', 'k', 'v'])).toBe('OK');
    await server.pause();
    const outstanding = later(link.request(['GET', 'k']));
    await server.kill();
    await expect(outstanding).rejects.toThrow(/GET \(rl:2\) lost: the connection was closed by the other side/);

    const t0 = performance.now();
    await expect(link.request(['PING'])).rejects.toThrow(LinkLostError);
    // Not a performance target: a dead node must not leave the request waiting for a timeout.
    expect(performance.now() - t0).toBeLessThan(2000);

    await server.restart();
    expect(await link.request(['PING'])).toBe('PONG');
  });

  it('a target nobody listens on: the client connection is closed at once', async () => {
    const proxy = await proxyTo(await freePort());
    const link = linkThrough(proxy);
    await expect(link.request(['PING'])).rejects.toThrow(LinkLostError);
    await waitFor(
      () => proxy.connectionCount === 0,
      2000,
      () => 'the proxy kept the connection',
    );
  });

  it('close() ends every connection: a request held by the proxy rejects instead of hanging', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    const link = linkThrough(proxy);
    proxy.set('toClient', { extraDelayMs: 60_000 });
    const held = later(link.request(['SET', 'k', 'v']));
    await waitFor(
      () => proxy.connectionCount === 1,
      2000,
      () => 'no connection',
    );
    await proxy.close();
    await expect(held).rejects.toThrow(LinkLostError);
    expect(proxy.connectionCount).toBe(0);
    // The request reached the node: only its reply was held.
    expect(await rawCommand(server.port, ['GET', 'k'])).toBe('v');
  });

  it('a client closing flushes its delayed requests to the node', async () => {
    const server = await start();
    const proxy = await proxyTo(server.port);
    proxy.set('toServer', { extraDelayMs: 100 });
    const link = linkThrough(proxy);
    const request = later(link.request(['SET', 'late', 'yes']));
    await waitFor(
      () => proxy.connectionCount === 1,
      2000,
      () => 'no connection',
    );
    await sleep(20);
    link.close();
    await expect(request).rejects.toThrow(LinkLostError);
    await waitFor(
      async () => (await rawCommand(server.port, ['GET', 'late'])) === 'yes',
      2000,
      () => 'the delayed request never reached the node',
    );
  });
});

describe('LinkProxy (raw) on a replication link', () => {
  it('a replica behind a 300 ms link sees a write on the master only after 300 ms', async () => {
    const master = await start();
    const proxy = new LinkProxy({ target: { host: LOOPBACK, port: master.port }, mode: 'raw' });
    proxies.push(proxy);
    // The replica is the proxy's client: master -> replica is toClient.
    proxy.set('toClient', { extraDelayMs: 300 });
    const replica = await start(await proxy.start());
    await waitFor(
      async () => (await infoField(replica.port, 'replication', 'master_link_status')) === 'up',
      20_000,
      () => `the replica never synced through the proxy:\n${replica.logTail()}`,
    );

    const t0 = performance.now();
    expect(await rawCommand(master.port, ['SET', 'lease', 'c1'])).toBe('OK');
    await sleep(100);
    expect(await rawCommand(replica.port, ['GET', 'lease'])).toBe(null);
    await waitFor(
      async () => (await rawCommand(replica.port, ['GET', 'lease'])) === 'c1',
      5000,
      () => 'the write never reached the replica',
      5,
    );
    expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
    expect(proxy.counters.toClient.forwarded).toBeGreaterThan(0);
  });

  it('refuses to drop or block: the stream has no message boundaries', () => {
    const proxy = new LinkProxy({ target: { host: LOOPBACK, port: 6379 }, mode: 'raw' });
    expect(() => proxy.set('toClient', { dropRate: 0.5 })).toThrow(/only delays/);
    expect(() => proxy.set('toServer', { blocked: true })).toThrow(/only delays/);
    proxy.set('toServer', { blocked: false, dropRate: 0, extraDelayMs: 10 });
    expect(proxy.get('toServer')).toEqual({ blocked: false, dropRate: 0, extraDelayMs: 10 });
  });
});
