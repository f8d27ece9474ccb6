import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { readProcStatus } from './procStatus.ts';

/**
 * The state file: every bridge that is running (or died without cleaning up) and the
 * processes it started. Several bridges may share one file, so each write replaces only the
 * writer's own entry. It is read back after a crash, so it is parsed, never trusted.
 */
const processRecord = z.object({
  id: z.string().max(100),
  role: z.enum(['master', 'replica', 'sentinel']),
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65_535),
  command: z.array(z.string().max(4096)).min(1).max(64),
  startTicks: z.number().int(),
  startedAt: z.string().max(64),
});

const bridgeEntry = z.object({
  pid: z.number().int().positive(),
  startTicks: z.number().int(),
  startedAt: z.string().max(64),
  /** Where the bridge keeps its servers' dirs; removed once its servers are gone. */
  dataDir: z.string().max(4096),
  processes: z.array(processRecord).max(1000),
});

const fleetStateSchema = z.object({
  version: z.literal(1),
  bridges: z.array(bridgeEntry).max(1000),
});

export type BridgeEntry = z.infer<typeof bridgeEntry>;
export type FleetState = z.infer<typeof fleetStateSchema>;

/**
 * Where a bridge records its servers unless told otherwise: per user, and under the temp dir
 * on purpose (a reboot that empties it also ends every process it could name).
 */
export function defaultStateFile(): string {
  return path.join(os.tmpdir(), `redlock-playground-bridge-${os.userInfo().uid}`, 'fleet-state.json');
}

/** Names the bridge's data dirs; the cleanup removes only dirs with this prefix. */
export const DATA_DIR_PREFIX = 'redlock-bridge-';

export const EMPTY_STATE: FleetState = { version: 1, bridges: [] };

export type ReadResult = { ok: true; state: FleetState } | { ok: false; reason: string };

/** A missing file is an empty state; a file we cannot parse is reported, with why. */
export function readFleetState(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, state: EMPTY_STATE };
    return { ok: false, reason: (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON: ${(e as Error).message}` };
  }
  const parsed = fleetStateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, state: parsed.data };
}

/**
 * Writes the whole file atomically (a temp file in the same dir, then rename), so a reader,
 * or a bridge killed mid-write, never sees half a file. Synchronous: it also runs in
 * process.on('exit').
 */
export function writeFleetState(file: string, state: FleetState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Reads, changes and writes the state; an unreadable file is replaced (it could not be used anyway). */
export function updateFleetState(file: string, change: (state: FleetState) => FleetState): void {
  const read = readFleetState(file);
  writeFleetState(file, change(read.ok ? read.state : EMPTY_STATE));
}

/** Puts `entry` in place of this bridge's entry (same pid and start time), or adds it. */
export function withBridgeEntry(state: FleetState, entry: BridgeEntry): FleetState {
  return { version: 1, bridges: [...state.bridges.filter((b) => !sameBridge(b, entry)), entry] };
}

export function withoutBridgeEntry(state: FleetState, bridge: Pick<BridgeEntry, 'pid' | 'startTicks'>): FleetState {
  return { version: 1, bridges: state.bridges.filter((b) => !sameBridge(b, bridge)) };
}

function sameBridge(a: Pick<BridgeEntry, 'pid' | 'startTicks'>, b: Pick<BridgeEntry, 'pid' | 'startTicks'>): boolean {
  return a.pid === b.pid && a.startTicks === b.startTicks;
}

/** This process as a bridge: its pid and start time (a recycled pid has another start time). */
export function currentBridgeIdentity(): { pid: number; startTicks: number } {
  return { pid: process.pid, startTicks: readProcStatus(process.pid)?.startTicks ?? -1 };
}

/** Whether the bridge that wrote `entry` still runs: same pid, same start time, not a zombie. */
export function isBridgeAlive(entry: Pick<BridgeEntry, 'pid' | 'startTicks'>): boolean {
  const status = readProcStatus(entry.pid);
  return status !== undefined && status.state !== 'Z' && status.state !== 'X' && status.startTicks === entry.startTicks;
}
