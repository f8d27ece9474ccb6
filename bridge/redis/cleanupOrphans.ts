import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { removeFakeClockLeftovers } from './fakeClock.ts';
import { type BridgeEntry, DATA_DIR_PREFIX, type FleetState, isBridgeAlive, readFleetState, updateFleetState } from './fleetState.ts';
import { isSameLiveProcess, readProcStatus } from './procStatus.ts';
import { type StopOutcome, stopProcess } from './stopProcess.ts';

type Recorded = BridgeEntry['processes'][number];

export interface CleanupReport {
  /** Why the state file could not be read (it was moved aside to `movedTo`); nothing was stopped. */
  unreadable?: { reason: string; movedTo?: string };
  /** Orphans stopped: recorded by a bridge that is gone, and still the very process recorded. */
  stopped: Array<{ bridgePid: number; id: string; role: Recorded['role']; pid: number; port: number; outcome: StopOutcome }>;
  /** Recorded processes left alone: already gone, or the pid now belongs to another process. */
  skipped: Array<{ bridgePid: number; id: string; pid: number; reason: 'gone' | 'pid reused by another process' }>;
  /** Processes that could not be stopped (their entries stay for the next attempt). */
  failed: Array<{ bridgePid: number; id: string; pid: number; error: string }>;
  /** Pids of the dead bridges whose entries were removed. */
  removedBridges: number[];
}

/** Sentinels first (so none starts a failover as the master goes), then replicas, then masters. */
const STOP_ORDER: ReadonlyArray<Recorded['role']> = ['sentinel', 'replica', 'master'];

/**
 * Stops the redis-servers that a bridge recorded in `stateFile` and then died without
 * stopping (it was SIGKILLed, or the machine's OOM killer took it). A process is signalled
 * only if its pid still shows the recorded command line and start time: a pid recycled by
 * another program is never touched. Entries of dead bridges are then removed, with their
 * data dirs. Entries of live bridges are left alone.
 */
export async function cleanupOrphans(stateFile: string, opts: { termDeadlineMs?: number } = {}): Promise<CleanupReport> {
  const report: CleanupReport = { stopped: [], skipped: [], failed: [], removedBridges: [] };
  const read = readFleetState(stateFile);
  if (!read.ok) {
    report.unreadable = { reason: read.reason, movedTo: moveAside(stateFile) };
    return report;
  }
  const dead = read.state.bridges.filter((b) => !isBridgeAlive(b));
  const survivors = new Map<BridgeEntry, Recorded[]>();
  for (const bridge of dead) {
    survivors.set(bridge, await stopBridgeProcesses(bridge, report, opts.termDeadlineMs ?? 5000));
  }
  for (const [bridge, left] of survivors) {
    if (left.length === 0) {
      removeDataDir(bridge.dataDir);
      report.removedBridges.push(bridge.pid);
    }
  }
  if (dead.length > 0) updateFleetState(stateFile, (state) => afterCleanup(state, survivors));
  return report;
}

async function stopBridgeProcesses(bridge: BridgeEntry, report: CleanupReport, termDeadlineMs: number): Promise<Recorded[]> {
  const left: Recorded[] = [];
  for (const role of STOP_ORDER) {
    const group = bridge.processes.filter((p) => p.role === role);
    await Promise.all(
      group.map(async (p) => {
        if (!isSameLiveProcess(p)) {
          const status = readProcStatus(p.pid);
          const gone = status === undefined || status.state === 'Z' || status.state === 'X';
          report.skipped.push({ bridgePid: bridge.pid, id: p.id, pid: p.pid, reason: gone ? 'gone' : 'pid reused by another process' });
          return;
        }
        try {
          // "Gone" = no longer the recorded process, so a pid reused mid-stop is not SIGKILLed.
          const outcome = await stopProcess(p.pid, { termDeadlineMs, gone: () => !isSameLiveProcess(p) });
          // A fake-clock node SIGKILLed here leaves libfaketime's files behind (none for the others).
          removeFakeClockLeftovers(p.pid);
          report.stopped.push({ bridgePid: bridge.pid, id: p.id, role: p.role, pid: p.pid, port: p.port, outcome });
        } catch (e) {
          report.failed.push({ bridgePid: bridge.pid, id: p.id, pid: p.pid, error: (e as Error).message });
          left.push(p);
        }
      }),
    );
  }
  return left;
}

/** The state re-read at write time (another bridge may have written meanwhile), minus what was cleaned. */
function afterCleanup(state: FleetState, survivors: Map<BridgeEntry, Recorded[]>): FleetState {
  const cleaned = [...survivors.entries()];
  const bridges = state.bridges.flatMap((b) => {
    const match = cleaned.find(([dead]) => dead.pid === b.pid && dead.startTicks === b.startTicks);
    if (match === undefined) return [b];
    return match[1].length === 0 ? [] : [{ ...b, processes: match[1] }];
  });
  return { version: 1, bridges };
}

/** Removes a dead bridge's data dir, but only one the bridge made (a hostile file must not delete /home). */
function removeDataDir(dir: string): void {
  if (!path.isAbsolute(dir) || !path.basename(dir).startsWith(DATA_DIR_PREFIX)) return;
  rmSync(dir, { recursive: true, force: true });
}

function moveAside(file: string): string | undefined {
  const target = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, target);
    return target;
  } catch {
    return undefined;
  }
}
