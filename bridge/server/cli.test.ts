import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFleetState } from '../redis/fleetState.ts';
import { isSameLiveProcess, type ProcessIdentity } from '../redis/procStatus.ts';
import { stopProcess } from '../redis/stopProcess.ts';
import { BridgeTestClient, PLAYGROUND_ORIGIN } from './testing/bridgeTestClient.ts';
import { readBanner, spawnBridge } from './testing/spawnBridge.ts';

/**
 * `npm run bridge` as a user runs it: a real process that starts real redis-servers, prints
 * its URL and token, serves a page, and on Ctrl-C (SIGINT to its whole process group, as a
 * terminal sends it) stops everything and exits 0.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'bridge-cli-test-'));
const stateFile = path.join(root, 'state.json');
/** Every redis-server the bridge recorded: afterAll stops any survivor, so a failing test leaves nothing behind. */
const recorded: ProcessIdentity[] = [];

afterAll(async () => {
  await Promise.allSettled(recorded.map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
  rmSync(root, { recursive: true, force: true });
}, 30_000);

describe('npm run bridge', () => {
  it('prints its URL and token, serves the playground, and on Ctrl-C exits 0 leaving no redis-server', async () => {
    const bridge = spawnBridge(['--port', '0', '--state-file', stateFile]);
    try {
      const { url, token, nodes } = await readBanner(bridge);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(bridge.stdout()).toContain(`Open http://127.0.0.1:5173/?bridge=${url.replace(/\/$/, '')} and paste the token.`);
      expect(nodes.map((n) => `${n.id}:${n.role}`)).toEqual([
        'A:master',
        'B:master',
        'C:master',
        'D:master',
        'E:master',
        'M:master',
        'R:replica',
        'S:sentinel',
      ]);

      const state = readFleetState(stateFile);
      if (!state.ok) throw new Error(state.reason);
      const processes = state.state.bridges.flatMap((b) => b.processes);
      recorded.push(...processes);
      expect(processes.map((p) => p.id).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'M', 'R', 'S']);
      expect(processes.every(isSameLiveProcess)).toBe(true);

      const page = await BridgeTestClient.connect(url, PLAYGROUND_ORIGIN);
      const welcome = await page.request({ type: 'hello', token, protocol: 1 });
      expect(welcome.type === 'welcome' && welcome.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'M', 'R', 'S']);
      expect((await page.request({ type: 'ping' })).type).toBe('pong');

      bridge.interrupt();
      expect(await bridge.exited).toBe(0);
      expect((await page.closed).code).toBe(1001);
      expect(processes.filter(isSameLiveProcess).map((p) => p.id)).toEqual([]);
      const after = readFleetState(stateFile);
      expect(after.ok && after.state.bridges).toEqual([]);
      expect(bridge.stderr()).toContain('received SIGINT; stopping');
    } finally {
      bridge.kill();
    }
  }, 90_000);

  it('answers bad flags with the usage and exit code 2, starting nothing', async () => {
    const bridge = spawnBridge(['--port', 'eighty', '--state-file', stateFile]);
    expect(await bridge.exited).toBe(2);
    expect(bridge.stderr()).toContain('--port eighty: expected 0-65535');
    expect(bridge.stderr()).toContain('Usage: npm run bridge');
    const remote = spawnBridge(['--host', '0.0.0.0']);
    expect(await remote.exited).toBe(2);
    expect(remote.stderr()).toContain('add --allow-remote if you mean it');
  }, 30_000);
});
