import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_OFFSET_FILE, formatClockOffset, parseClockOffset } from './clockOffsetFile.ts';
import { fakeClockSupport, LIBFAKETIME_PATH } from './fakeClock.ts';
import { rawCommand } from './rawCommand.ts';
import { replicationState, sentinelMasterState, sentinelReplicaCount } from './replicationStatus.ts';
import type { ServerProcess } from './serverProcess.ts';
import { type RedisServer, startRedis } from './startRedis.ts';
import { startSentinel } from './startSentinel.ts';
import { waitFor } from './waitFor.ts';

/**
 * Clock jumps on real redis-server processes under libfaketime: a master M and its replica R,
 * both on fake clocks, watched by a Sentinel S on the host's clock. Nothing is skipped when
 * libfaketime is missing: scripts/ensure-system-deps.sh installs it, so its absence fails here.
 */
const started: ServerProcess[] = [];
let m: RedisServer;
let r: RedisServer;
let s: ServerProcess;

/** The server's wall clock (TIME) minus the host's, in ms. */
async function clockAheadMs(server: ServerProcess): Promise<number> {
  const before = Date.now();
  const reply = await rawCommand(server.port, ['TIME']);
  const after = Date.now();
  if (!Array.isArray(reply)) throw new Error(`TIME answered ${JSON.stringify(reply)}`);
  const serverMs = Number(reply[0]) * 1000 + Math.floor(Number(reply[1]) / 1000);
  return serverMs - (before + after) / 2;
}

beforeAll(async () => {
  expect(fakeClockSupport(), `${LIBFAKETIME_PATH} (run scripts/ensure-system-deps.sh)`).toEqual({ available: true });
  const observe = (server: ServerProcess) => started.push(server);
  m = await startRedis({ id: 'M', fakeClock: true, observe });
  r = await startRedis({ id: 'R', fakeClock: true, replicaOfPort: m.port, observe });
  await waitFor(
    async () => (await replicationState(r.port)).linkUp,
    10_000,
    () => `R did not sync:\n${r.logTail()}`,
  );
  s = await startSentinel({ id: 'S', masterPort: m.port, downAfterMs: 2000, observe });
  await waitFor(
    async () => (await sentinelReplicaCount(s.port, 'mymaster')) === 1,
    10_000,
    () => `S did not discover R:\n${s.logTail()}`,
  );
}, 30_000);

afterAll(async () => {
  await Promise.allSettled(started.filter((x) => x.role === 'sentinel').map((x) => x.dispose()));
  await Promise.allSettled(started.filter((x) => x.role === 'replica').map((x) => x.dispose()));
  await Promise.allSettled(started.filter((x) => x.role === 'master').map((x) => x.dispose()));
}, 30_000);

describe('a clock jump on a real redis-server (libfaketime)', () => {
  it('starts in step with the host', async () => {
    expect(m.fakeClock).toBe(true);
    expect(m.clockOffsetMs).toBe(0);
    expect(Math.abs(await clockAheadMs(m))).toBeLessThan(1000);
  });

  it('forward +20 s: a lock key set with PX 10000 is gone at once, on the master and then on the replica', async () => {
    expect(await rawCommand(m.port, ['SET', 'lock', 'c1', 'PX', '10000'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(r.port, ['EXISTS', 'lock'])) === 1,
      5000,
      () => 'R never got the key',
    );
    m.jumpClock(20_000);
    expect(m.clockOffsetMs).toBe(20_000);
    expect(await rawCommand(m.port, ['PTTL', 'lock'])).toBe(-2);
    expect(await rawCommand(m.port, ['GET', 'lock'])).toBe(null);
    // The master's expiry is replicated as a DEL: the replica (on its own clock, in step) loses it too.
    await waitFor(
      async () => (await rawCommand(r.port, ['EXISTS', 'lock'])) === 0,
      5000,
      () => 'the expiry did not reach R',
    );
    const ahead = await clockAheadMs(m);
    expect(ahead).toBeGreaterThan(19_000);
    expect(ahead).toBeLessThan(21_000);
  });

  it('backwards: a key lives longer by the jump, and active expiry still runs (Redis timers are on the real monotonic clock)', async () => {
    m.setClockOffset(0);
    expect(await rawCommand(m.port, ['SET', 'lock', 'c1', 'PX', '10000'])).toBe('OK');
    m.jumpClock(-30_000);
    const pttl = Number(await rawCommand(m.port, ['PTTL', 'lock']));
    expect(pttl).toBeGreaterThan(39_000);
    expect(pttl).toBeLessThanOrEqual(40_000);
    // Keys that expire soon are deleted by serverCron's active expiry without being read:
    // with the monotonic clock faked too, serverCron would stall for the 30 s of the jump.
    for (let i = 0; i < 5; i++) expect(await rawCommand(m.port, ['SET', `short-${i}`, 'v', 'PX', '50'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(m.port, ['DBSIZE'])) === 1,
      3000,
      () => 'active expiry did not delete the short keys after a backwards jump',
    );
  });

  it('replication and Sentinel keep working across jumps on M', async () => {
    m.jumpClock(45_000); // now +15 s
    expect(await rawCommand(m.port, ['SET', 'after-jumps', 'v'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(r.port, ['GET', 'after-jumps'])) === 'v',
      5000,
      () => 'R stopped replicating after the jumps',
    );
    expect((await replicationState(r.port)).linkUp).toBe(true);
    // Sentinel pings M every second; M answers whatever its wall clock says.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const seen = await sentinelMasterState(s.port, 'mymaster');
    expect(seen?.flags).toBe('master');
    const reply = await rawCommand(s.port, ['SENTINEL', 'MASTER', 'mymaster']);
    const fields = Array.isArray(reply) ? reply : [];
    const lastOkPingMs = Number(fields[fields.indexOf('last-ok-ping-reply') + 1]);
    expect(lastOkPingMs).toBeLessThan(1500);
  });

  it('a replica whose clock jumps forward hides a key its master still holds (replicas expire reads by their own clock)', async () => {
    m.setClockOffset(0);
    expect(await rawCommand(m.port, ['SET', 'lock', 'c2', 'PX', '10000'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(r.port, ['GET', 'lock'])) === 'c2',
      5000,
      () => 'R never got the key',
    );
    r.jumpClock(20_000);
    expect(await rawCommand(r.port, ['GET', 'lock'])).toBe(null);
    expect(await rawCommand(m.port, ['GET', 'lock'])).toBe('c2');
    r.setClockOffset(0);
    expect(await rawCommand(r.port, ['GET', 'lock'])).toBe('c2');
  });

  it('the offset is cumulative and survives a crash and restart in the same dir; libfaketime leaves no files behind', async () => {
    m.setClockOffset(0);
    m.jumpClock(7000);
    m.jumpClock(-2000);
    expect(readFileSync(`${m.dir}/${CLOCK_OFFSET_FILE}`, 'utf8')).toBe('+5.000\n');
    const pid = m.pid ?? -1;
    const leftovers = () => [`/dev/shm/faketime_shm_${pid}`, `/dev/shm/sem.faketime_sem_${pid}`].filter((f) => existsSync(f));
    expect(leftovers()).toEqual([]);
    await m.kill();
    expect(leftovers()).toEqual([]);
    await m.restart();
    expect(m.clockOffsetMs).toBe(5000);
    const ahead = await clockAheadMs(m);
    expect(ahead).toBeGreaterThan(4000);
    expect(ahead).toBeLessThan(6000);
  });

  it('a server started on the host clock refuses to jump, saying why', async () => {
    const plain = await startRedis({ id: 'P', observe: (x) => started.push(x) });
    expect(plain.fakeClock).toBe(false);
    expect(() => plain.jumpClock(1000)).toThrow(/P: its clock cannot jump: it was started without the fake clock/);
  });
});

describe('the offset file', () => {
  it("is libfaketime's relative format, in whole milliseconds", () => {
    expect(formatClockOffset(20_000)).toBe('+20.000');
    expect(formatClockOffset(-250)).toBe('-0.250');
    expect(formatClockOffset(0)).toBe('+0.000');
    expect(parseClockOffset('-86400.001\n')).toBe(-86_400_001);
    expect(parseClockOffset('+1,5')).toBeUndefined();
    expect(() => formatClockOffset(0.5)).toThrow(/whole number/);
  });
});
