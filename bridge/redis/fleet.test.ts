import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from './fleet.ts';
import { defaultTopology } from './fleetTopology.ts';
import { readFleetState } from './fleetState.ts';
import { isGone, isSameLiveProcess, readCmdline } from './procStatus.ts';
import { rawCommand } from './rawCommand.ts';
import { currentRole, sentinelMasterAddress } from './replicationStatus.ts';
import type { ProcessRecord } from './serverProcess.ts';
import { DEFAULT_MASTER_NAME } from './startSentinel.ts';
import { stopProcess } from './stopProcess.ts';
import { waitFor } from './waitFor.ts';

/**
 * The default topology on real redis-server processes: five masters, M + R + Sentinel S with
 * a short down-after (2 s, the shortest the fleet accepts) so a failover happens within the test. The tests run in order and
 * share the fleet (starting eight servers once keeps the file quick).
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'fleet-test-'));
const stateFile = path.join(root, 'state.json');
const fleet = new Fleet({ stateFile, dataRoot: root, termDeadlineMs: 3000 });
/** Every process the fleet ever recorded: afterAll stops any that is still the recorded process. */
const seen = new Map<number, ProcessRecord>();

function recorded(): ProcessRecord[] {
  const read = readFleetState(stateFile);
  if (!read.ok) throw new Error(read.reason);
  const processes = read.state.bridges.find((b) => b.pid === process.pid)?.processes ?? [];
  for (const p of processes) seen.set(p.pid, p);
  return processes;
}

beforeAll(async () => {
  await fleet.start(defaultTopology({ downAfterMs: 2000, failoverTimeoutMs: 4000 }));
  recorded();
}, 60_000);

afterAll(async () => {
  await fleet.stop().catch(() => {});
  await Promise.allSettled([...seen.values()].map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('Fleet with the default topology', () => {
  it('runs A-E, M, R and S and records each with its exact command line', () => {
    expect(fleet.nodes().map((n) => `${n.id}:${n.role}`)).toEqual([
      'A:master',
      'B:master',
      'C:master',
      'D:master',
      'E:master',
      'M:master',
      'R:replica',
      'S:sentinel',
    ]);
    const processes = recorded();
    expect(processes.map((p) => p.id).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'M', 'R', 'S']);
    for (const p of processes) {
      expect(readCmdline(p.pid), p.id).toEqual(p.command);
      expect(isSameLiveProcess(p), p.id).toBe(true);
      expect(p.port).toBe(fleet.node(p.id).port);
    }
    expect(new Set(processes.map((p) => p.port)).size).toBe(8);
    expect(fleet.node('S').masterName).toBe(DEFAULT_MASTER_NAME);
  });

  it('the five Redlock masters are independent: a key set on A is on no other', async () => {
    expect(await rawCommand(fleet.node('A').port, ['SET', 'only-on-a', '1'])).toBe('OK');
    for (const id of ['B', 'C', 'D', 'E', 'M']) expect(await rawCommand(fleet.node(id).port, ['EXISTS', 'only-on-a']), id).toBe(0);
  });

  it('the replica R receives a key written on M', async () => {
    expect(await rawCommand(fleet.node('M').port, ['SET', 'lock', 'c1'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(fleet.node('R').port, ['GET', 'lock'])) === 'c1',
      10_000,
      () => 'R never received the key',
    );
  });

  it('pausing a master is recorded as paused; PING times out until resume', async () => {
    const b = fleet.server('B');
    await b.pause();
    expect(b.state).toBe('paused');
    await expect(rawCommand(b.port, ['PING'], 300)).rejects.toThrow(/timeout/);
    await b.resume();
    expect(await rawCommand(b.port, ['PING'])).toBe('PONG');
  });

  it('Sentinel promotes R after M is killed; the state file drops M, and M restarts on its port', async () => {
    const m = fleet.redis('M');
    const r = fleet.node('R');
    const s = fleet.node('S');
    const oldPid = m.pid;
    await m.kill();
    expect(recorded().map((p) => p.id)).not.toContain('M');
    await waitFor(
      async () => (await sentinelMasterAddress(s.port, DEFAULT_MASTER_NAME))?.port === r.port,
      30_000,
      () => `Sentinel did not promote R:\n${fleet.server('S').logTail()}`,
    );
    await waitFor(
      async () => (await currentRole(r.port)) === 'master',
      10_000,
      () => 'R was not told it is the master',
    );
    expect(await rawCommand(r.port, ['GET', 'lock'])).toBe('c1');

    await m.restart();
    expect(m.pid).not.toBe(oldPid);
    const again = recorded().find((p) => p.id === 'M');
    expect(again?.pid).toBe(m.pid);
    expect(again?.port).toBe(m.port);
    // Sentinel turns the old master into a replica of the new one once it sees it again.
    await waitFor(
      async () => (await currentRole(m.port)) === 'slave',
      30_000,
      () => `M did not rejoin as a replica:\n--- S\n${fleet.server('S').logTail(300)}\n--- M\n${m.logTail(40)}`,
    );
  }, 90_000);

  it('refuses faults on nodes it did not start, and unknown nodes', () => {
    fleet.connect([{ id: 'X', role: 'master', host: '127.0.0.1', port: 1 }]);
    expect(fleet.node('X').server).toBeUndefined();
    expect(() => fleet.server('X')).toThrow(/did not start/);
    expect(() => fleet.server('nope')).toThrow(/no node nope/);
    expect(() => fleet.redis('S')).toThrow(/sentinel/);
    expect(() => fleet.connect([{ id: 'A', role: 'master', host: '127.0.0.1', port: 2 }])).toThrow(/already/);
  });

  it('stop() stops every server, removes the data dir and the state entry', async () => {
    const pids = fleet.livePids();
    expect(pids).toHaveLength(8);
    const dir = fleet.dataDir ?? '';
    await fleet.stop();
    for (const pid of pids) expect(isGone(pid), `pid ${pid}`).toBe(true);
    expect(existsSync(dir)).toBe(false);
    expect(recorded()).toEqual([]);
    const read = readFleetState(stateFile);
    expect(read.ok && read.state.bridges).toEqual([]);
  });
});

describe('Fleet.start input checks', () => {
  it('rejects a topology with duplicate ids or a replica of nothing, before starting anything', async () => {
    const bad = new Fleet({ stateFile: path.join(root, 'bad.json'), dataRoot: root });
    await expect(
      bad.start({
        nodes: [{ id: 'A' }, { id: 'A' }, { id: 'R', replicaOf: 'Q' }],
        sentinels: [{ id: 'S', monitors: 'R', downAfterMs: 1000 }],
      }),
    ).rejects.toThrow(/A is used twice[\s\S]*replicaOf Q[\s\S]*monitors R[\s\S]*downAfterMs 1000 is below 2000/);
    expect(bad.livePids()).toEqual([]);
    expect(existsSync(path.join(root, 'bad.json'))).toBe(false);
  });
});
