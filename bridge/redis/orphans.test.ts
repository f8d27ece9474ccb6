import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupOrphans } from './cleanupOrphans.ts';
import { Fleet } from './fleet.ts';
import { type FleetState, readFleetState, writeFleetState } from './fleetState.ts';
import { isSameLiveProcess, readProcStatus } from './procStatus.ts';
import { rawCommand } from './rawCommand.ts';
import type { ProcessRecord, ServerProcess } from './serverProcess.ts';
import { startRedis } from './startRedis.ts';
import { stopProcess } from './stopProcess.ts';
import { waitFor } from './waitFor.ts';

/**
 * No orphans: a child Node process (testing/fleetChild.ts) plays the bridge. It starts the
 * default fleet (eight servers) with the shutdown hooks, and then is signalled, crashes, or
 * is SIGKILLed. The servers' identities (pid + command line + start time) come from the
 * child's report, so "alive" below means "still that very process", never a recycled pid.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'orphans-test-'));
const childScript = fileURLToPath(new URL('./testing/fleetChild.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const children: ChildProcess[] = [];
const recordedEver: ProcessRecord[] = [];
const ownServers: ServerProcess[] = [];
const fleets: Fleet[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.allSettled(fleets.map((f) => f.stop()));
  await Promise.allSettled(ownServers.map((s) => s.dispose()));
  await Promise.allSettled(recordedEver.map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
  rmSync(root, { recursive: true, force: true });
}, 60_000);

interface ChildReport {
  bridgePid: number;
  dataDir: string;
  processes: ProcessRecord[];
}

interface ChildRun {
  child: ChildProcess;
  report: ChildReport;
  stateFile: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

let runs = 0;

/** Starts the stand-in bridge and resolves once it reports its eight servers. */
type ChildMode = 'wait' | 'throw' | 'reject' | 'exit';

async function startChild(mode: ChildMode, stateFile = path.join(root, `state-${++runs}.json`)): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', tsxLoader, childScript, stateFile, root, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  const report = await new Promise<ChildReport>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line !== undefined) resolve(JSON.parse(line) as ChildReport);
    });
    void exited.then(({ code, signal }) => reject(new Error(`fleetChild exited (${code ?? signal}) before reporting:\n${stderr}`)));
  });
  recordedEver.push(...report.processes);
  return { child, report, stateFile, exited };
}

function alive(processes: readonly ProcessRecord[]): string[] {
  return processes.filter((p) => isSameLiveProcess(p)).map((p) => `${p.id}:${p.pid}`);
}

function bridgePidsIn(stateFile: string): number[] {
  const read = readFleetState(stateFile);
  if (!read.ok) throw new Error(read.reason);
  return read.state.bridges.map((b) => b.pid);
}

describe('no redis-server outlives the bridge', () => {
  const stops: Array<{ name: string; mode: ChildMode; signal?: NodeJS.Signals; exitCode: number }> = [
    { name: '(a) SIGINT', mode: 'wait', signal: 'SIGINT', exitCode: 130 },
    { name: '(b) SIGTERM', mode: 'wait', signal: 'SIGTERM', exitCode: 143 },
    { name: '(c) an uncaught exception', mode: 'throw', exitCode: 1 },
    { name: '(c2) an unhandled promise rejection', mode: 'reject', exitCode: 1 },
  ];
  for (const stop of stops) {
    it(`${stop.name}: every server it started is stopped before it exits`, async () => {
      const run = await startChild(stop.mode);
      expect(run.report.processes.map((p) => p.id).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'M', 'R', 'S']);
      expect(alive(run.report.processes)).toHaveLength(8);
      if (stop.signal !== undefined) run.child.kill(stop.signal);
      const exit = await run.exited;
      expect(exit.code, exit.stderr).toBe(stop.exitCode);
      // The bridge waited for each server's exit before its own: none may be left at this point.
      expect(alive(run.report.processes)).toEqual([]);
      expect(bridgePidsIn(run.stateFile)).toEqual([]);
      expect(existsSync(run.report.dataDir)).toBe(false);
      if (stop.mode !== 'wait') expect(exit.stderr).toMatch(/on purpose by fleetChild/);
    });
  }

  it('a bare process.exit(): the exit hook SIGKILLs every server (the last resort)', async () => {
    const run = await startChild('exit');
    const exit = await run.exited;
    expect(exit.code, exit.stderr).toBe(3);
    // SIGKILL was sent synchronously before the exit; the kernel finishes each process shortly.
    await waitFor(
      () => alive(run.report.processes).length === 0,
      5000,
      () => `still alive: ${alive(run.report.processes).join(', ')}`,
    );
    expect(bridgePidsIn(run.stateFile)).toEqual([]);
  });

  it('(d) SIGKILL: the servers survive it, and the next fleet stops them and nothing else', async () => {
    const stateFile = path.join(root, 'state-killed.json');
    const run = await startChild('wait', stateFile);
    run.child.kill('SIGKILL');
    const exit = await run.exited;
    expect(exit.signal).toBe('SIGKILL');
    // Nobody could clean up: all eight still run, answer, and are on record.
    expect(alive(run.report.processes)).toHaveLength(8);
    for (const p of run.report.processes) expect(await rawCommand(p.port, ['PING']), p.id).toBe('PONG');
    expect(bridgePidsIn(stateFile)).toEqual([run.report.bridgePid]);

    // A redis-server the test started itself, unrelated to any bridge: it must survive the cleanup.
    const bystander = await startRedis({ parentDir: root, observe: (s) => ownServers.push(s) });

    const next = new Fleet({ stateFile, dataRoot: root, termDeadlineMs: 3000 });
    fleets.push(next);
    await next.start({ nodes: [{ id: 'A' }], sentinels: [] });
    const cleanup = next.orphanCleanup;
    expect(cleanup?.stopped.map((p) => p.pid).sort()).toEqual(run.report.processes.map((p) => p.pid).sort());
    expect(cleanup?.failed).toEqual([]);
    expect(cleanup?.removedBridges).toEqual([run.report.bridgePid]);
    expect(alive(run.report.processes)).toEqual([]);
    expect(existsSync(run.report.dataDir)).toBe(false);
    expect(bridgePidsIn(stateFile)).toEqual([process.pid]);
    expect(await rawCommand(bystander.port, ['PING'])).toBe('PONG');
    expect(await rawCommand(next.node('A').port, ['PING'])).toBe('PONG');
    await next.stop();
  });
});

describe('cleanupOrphans never signals a process it did not start', () => {
  /** The pid of a process that has exited: a "dead bridge". */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid ?? -1;
  }

  it('leaves a live server alone when its pid is recorded with another command line or start time', async () => {
    const bystander = await startRedis({ parentDir: root, observe: (s) => ownServers.push(s) });
    const pid = bystander.pid ?? -1;
    const ticks = readProcStatus(pid)?.startTicks ?? -1;
    // A dir the entry names as its data dir, without the bridge's prefix: it must not be deleted.
    const notOurs = path.join(root, 'somebody-elses-dir');
    mkdirSync(notOurs);
    writeFileSync(path.join(notOurs, 'keep.txt'), 'keep');
    const stateFile = path.join(root, 'state-recycled.json');
    const record = (command: string[], startTicks: number) => ({
      id: 'A',
      role: 'master' as const,
      pid,
      port: bystander.port,
      command,
      startTicks,
      startedAt: new Date().toISOString(),
    });
    const state: FleetState = {
      version: 1,
      bridges: [
        {
          pid: await deadPid(),
          startTicks: 1,
          startedAt: new Date().toISOString(),
          dataDir: notOurs,
          processes: [
            record(['/usr/bin/redis-server', '/tmp/some-other-bridge/A/redis.conf'], ticks), // pid reused by another command
            record([...bystander.command], ticks + 1), // same command, but a later process got the pid
          ],
        },
      ],
    };
    writeFleetState(stateFile, state);
    const report = await cleanupOrphans(stateFile);
    expect(report.stopped).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toEqual(['pid reused by another process', 'pid reused by another process']);
    expect(await rawCommand(bystander.port, ['PING'])).toBe('PONG');
    expect(readFileSync(path.join(notOurs, 'keep.txt'), 'utf8')).toBe('keep');
    expect(bridgePidsIn(stateFile)).toEqual([]);
  });

  it('leaves the servers of a bridge that is still running alone', async () => {
    const server = await startRedis({ parentDir: root, observe: (s) => ownServers.push(s) });
    const stateFile = path.join(root, 'state-live.json');
    const self = { pid: process.pid, startTicks: readProcStatus(process.pid)?.startTicks ?? -1 };
    const record = server.record;
    if (record === undefined) throw new Error('server has no record');
    writeFleetState(stateFile, {
      version: 1,
      bridges: [{ ...self, startedAt: new Date().toISOString(), dataDir: root, processes: [{ ...record, command: [...record.command] }] }],
    });
    const report = await cleanupOrphans(stateFile);
    expect(report).toMatchObject({ stopped: [], skipped: [], removedBridges: [] });
    expect(await rawCommand(server.port, ['PING'])).toBe('PONG');
    expect(bridgePidsIn(stateFile)).toEqual([process.pid]);
  });

  it('moves an unreadable state file aside and stops nothing', async () => {
    const stateFile = path.join(root, 'state-garbage.json');
    writeFileSync(stateFile, '{"version": 1, "bridges": [{"pid": "not a number"}]}');
    const report = await cleanupOrphans(stateFile);
    expect(report.unreadable?.reason).toMatch(/bridges\.0\.pid/);
    expect(report.unreadable?.movedTo).toBeDefined();
    expect(existsSync(stateFile)).toBe(false);
    expect(readFileSync(report.unreadable?.movedTo ?? '', 'utf8')).toMatch(/not a number/);
  });
});
