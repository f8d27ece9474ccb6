import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../redis/freePort.ts';
import { RespError, rawCommand } from '../redis/rawCommand.ts';
import type { ServerProcess } from '../redis/serverProcess.ts';
import { type RedisServer, startRedis } from '../redis/startRedis.ts';
import { LinkLostError, RedisLink, toReply } from './redisLink.ts';

/** Real redis-server processes on free loopback ports; afterAll stops every one by its pid. */
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.allSettled(started.map((s) => s.dispose()));
}, 30_000);

const links: RedisLink[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.close();
});

function start(): Promise<RedisServer> {
  return startRedis({ observe: (s) => started.push(s) });
}

function linkTo(port: number): RedisLink {
  const link = new RedisLink({ port, label: 'c1 -> A' });
  links.push(link);
  return link;
}

/** A request whose rejection is expected later: handled now, so it is never an unhandled rejection. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

describe('RedisLink on a real redis-server', () => {
  it('SET, GET and EVAL get their replies; an error reply resolves as a RespError', async () => {
    const server = await start();
    const link = linkTo(server.port);
    expect(link.connected).toBe(false);
    expect(await link.request(['SET', 'lock', 'c1', 'NX', 'PX', '30000'])).toBe('OK');
    expect(link.connected).toBe(true);
    expect(await link.request(['SET', 'lock', 'c2', 'NX', 'PX', '30000'])).toBe(null);
    expect(await link.request(['GET', 'lock'])).toBe('c1');
    const compareAndDelete = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    expect(await link.request(['EVAL', compareAndDelete, '1', 'lock', 'c2'])).toBe(0);
    expect(await link.request(['EVAL', compareAndDelete, '1', 'lock', 'c1'])).toBe(1);
    expect(await link.request(['GET', 'lock'])).toBe(null);
    const wrong = await link.request(['INCR', 'lock', 'extra']);
    expect(wrong).toBeInstanceOf(RespError);
    expect((wrong as RespError).message).toMatch(/wrong number of arguments/);
    // Nothing about the tags leaks: the next reply is still its own.
    expect(await link.request(['ECHO', 'rl:999'])).toBe('rl:999');
  });

  it('requestReply tells a status (+OK) from a bulk string "OK", as the simulator does', async () => {
    const server = await start();
    const link = linkTo(server.port);
    expect(await link.requestReply(['SET', 'k', 'OK'])).toEqual({ t: 'status', v: 'OK' });
    expect(await link.requestReply(['GET', 'k'])).toEqual({ t: 'bulk', v: 'OK' });
    expect(await link.requestReply(['GET', 'missing'])).toEqual({ t: 'bulk', v: null });
    expect(await link.requestReply(['DEL', 'k'])).toEqual({ t: 'int', v: 1 });
    expect(await link.requestReply(['SET', 'k', 'v', 'PX', '0'])).toEqual({ t: 'err', v: "ERR invalid expire time in 'set' command" });
  });

  it('pipelined concurrent requests each resolve to their own reply', async () => {
    const server = await start();
    const link = linkTo(server.port);
    const count = 300;
    const sets = Array.from({ length: count }, (_, i) => link.request(['SET', `k${i}`, `v${i}`]));
    const gets = Array.from({ length: count }, (_, i) => link.request(['GET', `k${i}`]));
    const incrs = Array.from({ length: count }, () => link.request(['INCR', 'counter']));
    expect(await Promise.all(sets)).toEqual(Array(count).fill('OK'));
    expect(await Promise.all(gets)).toEqual(Array.from({ length: count }, (_, i) => `v${i}`));
    expect(await Promise.all(incrs)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('close() rejects requests a paused server never answered, and every later one', async () => {
    const server = await start();
    const link = linkTo(server.port);
    expect(await link.request(['PING'])).toBe('PONG');
    await server.pause();
    const stuck = later(link.request(['SET', 'k', 'v']));
    link.close();
    await expect(stuck).rejects.toThrow(LinkLostError);
    await expect(stuck).rejects.toThrow(/c1 -> A \(127\.0\.0\.1:\d+\): SET \(rl:2\) lost: the link was closed/);
    await expect(link.request(['PING'])).rejects.toThrow(/lost: the link was closed/);
    expect(link.connected).toBe(false);
    await server.resume();
  });

  it('a killed server rejects outstanding requests; the next one is refused at once; after a restart it reconnects', async () => {
    const server = await start();
    const link = linkTo(server.port);
    expect(await link.request(['SET', 'k', 'v'])).toBe('OK');
    await server.pause();
    const outstanding = [later(link.request(['GET', 'k'])), later(link.request(['INCR', 'n']))];
    await server.kill();
    for (const request of outstanding) await expect(request).rejects.toThrow(LinkLostError);
    expect(link.connected).toBe(false);

    const t0 = performance.now();
    await expect(link.request(['PING'])).rejects.toThrow(/PING \(rl:\d+\) lost: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    // Not a performance target: a refused connection must not wait for any timeout.
    expect(performance.now() - t0).toBeLessThan(2000);

    await server.restart();
    expect(await link.request(['PING'])).toBe('PONG');
    expect(link.connected).toBe(true);
  });

  it('a port nobody listens on: the request rejects with LinkLostError, nothing crashes', async () => {
    const link = linkTo(await freePort());
    await expect(link.request(['PING'])).rejects.toThrow(LinkLostError);
    await expect(link.request(['PING'])).rejects.toThrow(/ECONNREFUSED/);
    expect(link.connected).toBe(false);
  });

  it('ready() opens the connection before any request, and rejects for a port nobody listens on or a closed link', async () => {
    const server = await start();
    const link = linkTo(server.port);
    expect(link.connected).toBe(false);
    await link.ready();
    expect(link.connected).toBe(true);
    await link.ready(); // already up: at once
    expect(await link.request(['PING'])).toBe('PONG');
    await expect(linkTo(await freePort()).ready()).rejects.toThrow(LinkLostError);
    link.close();
    await expect(link.ready()).rejects.toThrow(/closed/);
  });

  it('refuses commands whose replies cannot be paired one to one', async () => {
    const server = await start();
    const link = linkTo(server.port);
    await expect(link.request([])).rejects.toThrow(/empty command/);
    await expect(link.request(['subscribe', 'ch'])).rejects.toThrow(/does not answer with one reply per command/);
    // The link is still usable, and the refused commands never reached the server.
    expect(await link.request(['PING'])).toBe('PONG');
    expect(await rawCommand(server.port, ['PUBSUB', 'NUMSUB', 'ch'])).toEqual(['ch', 0]);
  });
});

describe('toReply', () => {
  it("maps RESP values to the simulator's replies", () => {
    expect(toReply('OK')).toEqual({ t: 'status', v: 'OK' });
    expect(toReply(null)).toEqual({ t: 'bulk', v: null });
    expect(toReply(3)).toEqual({ t: 'int', v: 3 });
    expect(toReply(new RespError('WRONGTYPE Operation against a key holding the wrong kind of value'))).toEqual({
      t: 'err',
      v: 'WRONGTYPE Operation against a key holding the wrong kind of value',
    });
    expect(toReply(['a', 1])).toEqual({ t: 'err', v: 'ERR unexpected array reply' });
  });
});
