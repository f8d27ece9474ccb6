import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from './fleet.ts';
import { defaultTopology, REDLOCK_NODE_IDS } from './fleetTopology.ts';
import { readFleetState } from './fleetState.ts';
import { isSameLiveProcess } from './procStatus.ts';
import { rawCommand } from './rawCommand.ts';
import type { Persistence } from './redisConfig.ts';
import { replicationState, sentinelMasterAddress, sentinelMasterState, sentinelReplicas } from './replicationStatus.ts';
import type { ProcessRecord, ServerProcess } from './serverProcess.ts';
import { startRedis } from './startRedis.ts';
import { DEFAULT_MASTER_NAME } from './startSentinel.ts';
import { stopProcess } from './stopProcess.ts';
import { waitFor } from './waitFor.ts';

/**
 * Fleet.prepare on the default topology, on real redis-server processes: each test leaves the
 * fleet the way a run would (a killed, paused or failed-over node, keys everywhere), and
 * prepare must hand the next run fresh nodes. The tests share one fleet and run in order.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'fleet-prepare-test-'));
const stateFile = path.join(root, 'state.json');
const fleet = new Fleet({ stateFile, dataRoot: root, termDeadlineMs: 3000 });
const seen = new Map<number, ProcessRecord>();
const ownServers: ServerProcess[] = [];

function noteRecorded(): void {
  const read = readFleetState(stateFile);
  if (!read.ok) return;
  for (const b of read.state.bridges) for (const p of b.processes) seen.set(p.pid, p);
}

const port = (id: string) => fleet.node(id).port;
const redlock = (persistence: Persistence) => REDLOCK_NODE_IDS.map((id) => ({ id, persistence }));
const failoverNodes = [
  { id: 'M', persistence: 'none' as const },
  { id: 'R', persistence: 'none' as const },
];

beforeAll(async () => {
  await fleet.start(defaultTopology({ downAfterMs: 5000, failoverTimeoutMs: 4000 }));
  fleet.server('S').onChange(noteRecorded);
  noteRecorded();
}, 60_000);

afterAll(async () => {
  noteRecorded();
  await fleet.stop().catch(() => {});
  await Promise.allSettled(ownServers.map((s) => s.dispose()));
  await Promise.allSettled([...seen.values()].map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('Fleet.prepare', () => {
  it('empties the listed nodes and leaves the others alone', async () => {
    for (const id of [...REDLOCK_NODE_IDS, 'M']) expect(await rawCommand(port(id), ['SET', 'lock', 'old'])).toBe('OK');
    await fleet.prepare({ nodes: redlock('none'), keys: ['lock'] });
    for (const id of REDLOCK_NODE_IDS) expect(await rawCommand(port(id), ['DBSIZE']), id).toBe(0);
    expect(await rawCommand(port('M'), ['GET', 'lock'])).toBe('old');
  });

  it('switches persistence; a killed node comes back empty, and stays empty after another crash (the FLUSHALL is in its AOF)', async () => {
    await fleet.prepare({ nodes: redlock('aof-always') });
    for (const id of REDLOCK_NODE_IDS) {
      expect(await rawCommand(port(id), ['CONFIG', 'GET', 'appendfsync']), id).toEqual(['appendfsync', 'always']);
      expect(fleet.redis(id).persistence).toBe('aof-always');
    }
    const c = fleet.redis('C');
    expect(await rawCommand(c.port, ['SET', 'lock', 'c1'])).toBe('OK');
    await c.kill();
    await fleet.prepare({ nodes: redlock('aof-always') });
    expect(c.state).toBe('running');
    expect(await rawCommand(c.port, ['DBSIZE'])).toBe(0);
    noteRecorded();
    await c.kill();
    await c.restart();
    expect(await rawCommand(c.port, ['DBSIZE'])).toBe(0);
    await fleet.prepare({ nodes: redlock('aof-everysec') });
    expect(await rawCommand(c.port, ['CONFIG', 'GET', 'appendfsync'])).toEqual(['appendfsync', 'everysec']);
    await fleet.prepare({ nodes: redlock('none') });
    expect(await rawCommand(c.port, ['CONFIG', 'GET', 'appendonly'])).toEqual(['appendonly', 'no']);
  }, 30_000);

  it('resumes a paused node and puts a jumped clock back in step', async () => {
    const b = fleet.redis('B');
    await b.pause();
    const a = fleet.redis('A');
    a.jumpClock(60_000);
    await fleet.prepare({ nodes: redlock('none') });
    expect(b.state).toBe('running');
    expect(await rawCommand(b.port, ['PING'])).toBe('PONG');
    expect(a.clockOffsetMs).toBe(0);
    const time = await rawCommand(a.port, ['TIME']);
    expect(Math.abs(Number((time as string[])[0]) * 1000 - Date.now())).toBeLessThan(2000);
  });

  it('with nothing changed, keeps the failover group as it is and applies the run’s down-after', async () => {
    const pids = ['M', 'R', 'S'].map((id) => fleet.server(id).pid);
    expect(await rawCommand(port('M'), ['SET', 'lock', 'old'])).toBe('OK');
    await fleet.prepare({ nodes: failoverNodes, sentinel: { downAfterMs: 30_000 } });
    expect(['M', 'R', 'S'].map((id) => fleet.server(id).pid)).toEqual(pids);
    expect(await rawCommand(port('M'), ['DBSIZE'])).toBe(0);
    expect(await rawCommand(port('R'), ['DBSIZE'])).toBe(0);
    expect((await sentinelMasterState(port('S'), DEFAULT_MASTER_NAME))?.downAfterMs).toBe(30_000);
  });

  it('after SENTINEL FAILOVER (R promoted, M its replica): M master again, R its replica, Sentinel watching M with R', async () => {
    const s = port('S');
    expect(await rawCommand(port('M'), ['SET', 'lock', 'c1'])).toBe('OK');
    expect(await rawCommand(s, ['SENTINEL', 'FAILOVER', DEFAULT_MASTER_NAME])).toBe('OK');
    await waitFor(
      async () => (await sentinelMasterAddress(s, DEFAULT_MASTER_NAME))?.port === port('R'),
      15_000,
      () => `Sentinel did not promote R:\n${fleet.server('S').logTail()}`,
    );
    await waitFor(
      async () => (await replicationState(port('M'))).role === 'slave',
      15_000,
      () => 'Sentinel did not turn M into a replica of R',
    );

    await fleet.prepare({ nodes: failoverNodes, sentinel: { downAfterMs: 3000 } });

    expect((await replicationState(port('M'))).role).toBe('master');
    expect(await replicationState(port('R'))).toEqual({ role: 'slave', masterPort: port('M'), linkUp: true });
    expect(await sentinelMasterAddress(s, DEFAULT_MASTER_NAME)).toEqual({ host: '127.0.0.1', port: port('M') });
    expect(await sentinelReplicas(s, DEFAULT_MASTER_NAME)).toEqual([{ port: port('R'), flags: 'slave' }]);
    expect(await sentinelMasterState(s, DEFAULT_MASTER_NAME)).toMatchObject({ flags: 'master', downAfterMs: 3000 });
    expect(await rawCommand(port('R'), ['DBSIZE'])).toBe(0);
    expect(await rawCommand(port('M'), ['SET', 'lock', 'c2'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(port('R'), ['GET', 'lock'])) === 'c2',
      5000,
      () => 'R does not replicate M after prepare',
    );
    // The roles are in the config files too: Sentinel had written "replicaof R" into M's.
    expect(readFileSync(fleet.redis('M').confPath, 'utf8')).not.toMatch(/^replicaof /m);
    expect(readFileSync(fleet.redis('R').confPath, 'utf8')).toMatch(new RegExp(`^replicaof 127\\.0\\.0\\.1 ${port('M')}$`, 'm'));
  }, 40_000);

  it('after M was killed and R promoted by Sentinel, brings M back as the master', async () => {
    const m = fleet.redis('M');
    await m.kill();
    const s = port('S');
    await waitFor(
      async () => (await sentinelMasterAddress(s, DEFAULT_MASTER_NAME))?.port === port('R'),
      20_000,
      () => `Sentinel did not promote R:\n${fleet.server('S').logTail()}`,
    );
    await fleet.prepare({ nodes: failoverNodes });
    expect(m.state).toBe('running');
    expect((await replicationState(port('M'))).role).toBe('master');
    expect((await replicationState(port('R'))).masterPort).toBe(port('M'));
    expect(await sentinelMasterAddress(s, DEFAULT_MASTER_NAME)).toEqual({ host: '127.0.0.1', port: port('M') });
    // Without a sentinel in the spec, Sentinel is back to the topology's down-after.
    expect((await sentinelMasterState(s, DEFAULT_MASTER_NAME))?.downAfterMs).toBe(5000);
  }, 40_000);

  it('refuses a bad spec before touching anything, naming the node and why', async () => {
    await expect(fleet.prepare({ nodes: [{ id: 'Q', persistence: 'none' }] })).rejects.toThrow(/node Q: not in this fleet/);
    await expect(fleet.prepare({ nodes: [{ id: 'S', persistence: 'none' }] })).rejects.toThrow(/node S: a Sentinel/);
    await expect(fleet.prepare({ nodes: failoverNodes, sentinel: { downAfterMs: 1000 } })).rejects.toThrow(
      /downAfterMs 1000 is below 2000/,
    );
    await expect(fleet.prepare({ nodes: [{ id: 'A', persistence: 'fsync' as Persistence }] })).rejects.toThrow(/persistence "fsync"/);
  });

  it('can jump clocks: every node is its own, under libfaketime', () => {
    expect(fleet.clockJumpCapability()).toEqual({ clockJump: true });
  });
});

describe('Fleet.prepare on existing servers (connect)', () => {
  it('deletes only the named keys, restarts and reconfigures nothing; clock jumps are refused with the reason', async () => {
    const x = await startRedis({ id: 'X', parentDir: root, observe: (s) => ownServers.push(s) });
    const external = new Fleet({ stateFile: path.join(root, 'external.json') });
    external.connect([{ id: 'X', role: 'master', host: '127.0.0.1', port: x.port }]);
    expect(await rawCommand(x.port, ['SET', 'lock', 'someone'])).toBe('OK');
    expect(await rawCommand(x.port, ['SET', 'their-data', 'keep'])).toBe('OK');
    const pid = x.pid;

    await external.prepare({ nodes: [{ id: 'X', persistence: 'aof-always' }], keys: ['lock'] });

    expect(await rawCommand(x.port, ['EXISTS', 'lock'])).toBe(0);
    expect(await rawCommand(x.port, ['GET', 'their-data'])).toBe('keep');
    expect(await rawCommand(x.port, ['CONFIG', 'GET', 'appendonly'])).toEqual(['appendonly', 'no']);
    expect(x.pid).toBe(pid);
    const capability = external.clockJumpCapability();
    expect(capability.clockJump).toBe(false);
    expect(capability.reason).toMatch(/X \(127\.0\.0\.1:\d+\) are existing servers the bridge did not start/);
  });

  it('says which node failed and why', async () => {
    const down = new Fleet({ stateFile: path.join(root, 'down.json') });
    down.connect([{ id: 'Y', role: 'master', host: '127.0.0.1', port: 1 }]);
    await expect(down.prepare({ nodes: [{ id: 'Y', persistence: 'none' }], keys: ['lock'] })).rejects.toThrow(
      /node Y \(127\.0\.0\.1:1\): DEL: .*ECONNREFUSED/,
    );
  });
});
