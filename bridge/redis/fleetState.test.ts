import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BridgeEntry,
  currentBridgeIdentity,
  EMPTY_STATE,
  isBridgeAlive,
  readFleetState,
  updateFleetState,
  withBridgeEntry,
  withoutBridgeEntry,
  writeFleetState,
} from './fleetState.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'fleet-state-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (pid: number, startTicks: number, ids: string[]): BridgeEntry => ({
  pid,
  startTicks,
  startedAt: '2026-01-01T00:00:00.000Z',
  dataDir: '/tmp/redlock-bridge-x',
  processes: ids.map((id, i) => ({
    id,
    role: 'master',
    pid: 1000 + i,
    port: 7000 + i,
    command: ['/usr/bin/redis-server', `/tmp/redlock-bridge-x/${id}/redis.conf`],
    startTicks: 5,
    startedAt: '2026-01-01T00:00:00.000Z',
  })),
});

describe('the fleet state file', () => {
  it('a missing file is an empty state; a written one reads back equal, with no temp file left', () => {
    const file = path.join(root, 'a', 'state.json');
    expect(readFleetState(file)).toEqual({ ok: true, state: EMPTY_STATE });
    const state = withBridgeEntry(EMPTY_STATE, entry(10, 1, ['A', 'B']));
    writeFleetState(file, state);
    expect(readFleetState(file)).toEqual({ ok: true, state });
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
  });

  it('each bridge replaces only its own entry (same pid and start time); a reused pid is another bridge', () => {
    const file = path.join(root, 'shared.json');
    updateFleetState(file, (s) => withBridgeEntry(s, entry(10, 1, ['A'])));
    updateFleetState(file, (s) => withBridgeEntry(s, entry(20, 2, ['M'])));
    updateFleetState(file, (s) => withBridgeEntry(s, entry(10, 1, ['A', 'B'])));
    updateFleetState(file, (s) => withBridgeEntry(s, entry(10, 9, ['C'])));
    const read = readFleetState(file);
    expect(read.ok && read.state.bridges.map((b) => `${b.pid}/${b.startTicks}:${b.processes.map((p) => p.id).join('')}`)).toEqual([
      '20/2:M',
      '10/1:AB',
      '10/9:C',
    ]);
    updateFleetState(file, (s) => withoutBridgeEntry(s, { pid: 10, startTicks: 1 }));
    const after = readFleetState(file);
    expect(after.ok && after.state.bridges.map((b) => b.pid)).toEqual([20, 10]);
  });

  it('reports a malformed file with the field at fault, and replaces it on the next update', () => {
    const file = path.join(root, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, bridges: [{ ...entry(10, 1, ['A']), processes: [{ pid: -3 }] }] }));
    const read = readFleetState(file);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/bridges\.0\.processes\.0\.(id|pid)/);
    writeFileSync(path.join(root, 'notjson.json'), '{');
    expect(readFleetState(path.join(root, 'notjson.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not JSON/) });
    updateFleetState(file, (s) => withBridgeEntry(s, entry(30, 3, ['A'])));
    expect(readFleetState(file).ok).toBe(true);
  });

  it('a bridge is alive only with its pid and its start time', () => {
    const self = currentBridgeIdentity();
    expect(isBridgeAlive(self)).toBe(true);
    expect(isBridgeAlive({ pid: self.pid, startTicks: self.startTicks + 1 })).toBe(false);
    expect(isBridgeAlive({ pid: 2 ** 22 + 1, startTicks: 0 })).toBe(false); // above pid_max: never a process
  });
});
