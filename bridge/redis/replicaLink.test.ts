import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from './fleet.ts';
import { readFleetState } from './fleetState.ts';
import { isSameLiveProcess } from './procStatus.ts';
import { rawCommand } from './rawCommand.ts';
import { replicationState, sentinelMasterState, sentinelReplicas } from './replicationStatus.ts';
import type { ProcessRecord } from './serverProcess.ts';
import { DEFAULT_MASTER_NAME } from './startSentinel.ts';
import { stopProcess } from './stopProcess.ts';
import { waitFor } from './waitFor.ts';

/**
 * The replica's link through a proxy (FleetOptions.replicaLink): M, R and Sentinel S on real
 * processes, with a plain forwarding proxy written here standing where the bridge puts its
 * delaying one. It counts what crosses it, so the tests can tell the link really goes through.
 */
class ForwardingProxy {
  private readonly server = net.createServer((client) => this.forward(client));
  private readonly sockets = new Set<net.Socket>();
  connections = 0;
  bytesToReplica = 0;

  constructor(private readonly targetPort: number) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: net.Socket): void {
    this.connections++;
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.on('data', (chunk: Buffer) => {
      this.bytesToReplica += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

const root = mkdtempSync(path.join(os.tmpdir(), 'replica-link-test-'));
const stateFile = path.join(root, 'state.json');
const proxies: ForwardingProxy[] = [];
const hookCalls: Array<[string, string, number]> = [];
const fleet = new Fleet({
  stateFile,
  dataRoot: root,
  termDeadlineMs: 3000,
  replicaLink: async (replicaId, masterId, masterPort) => {
    hookCalls.push([replicaId, masterId, masterPort]);
    const proxy = new ForwardingProxy(masterPort);
    proxies.push(proxy);
    return proxy.listen();
  },
});
let recorded: ProcessRecord[] = [];

const port = (id: string) => fleet.node(id).port;
const proxyPort = async () => (await replicationState(port('R'))).masterPort;

beforeAll(async () => {
  await fleet.start({
    nodes: [
      { id: 'M', fakeClock: false },
      { id: 'R', replicaOf: 'M', fakeClock: false },
    ],
    // A short failover-timeout, so that Sentinel's own repointing of R shows within the test.
    sentinels: [{ id: 'S', monitors: 'M', downAfterMs: 2000, failoverTimeoutMs: 2000 }],
  });
  const read = readFleetState(stateFile);
  recorded = read.ok ? read.state.bridges.flatMap((b) => b.processes) : [];
}, 30_000);

afterAll(async () => {
  await fleet.stop().catch(() => {});
  await Promise.allSettled(recorded.map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
  await Promise.allSettled(proxies.map((p) => p.close()));
  rmSync(root, { recursive: true, force: true });
}, 30_000);

describe('a replica linked to its master through a proxy', () => {
  it('the hook is asked once, for R and M; R replicates from the proxy, and writes on M reach R through it', async () => {
    expect(hookCalls).toEqual([['R', 'M', port('M')]]);
    const state = await replicationState(port('R'));
    expect(state.linkUp).toBe(true);
    expect(state.masterPort).not.toBe(port('M'));
    const before = proxies[0]?.bytesToReplica ?? 0;
    expect(await rawCommand(port('M'), ['SET', 'lock', 'c1'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(port('R'), ['GET', 'lock'])) === 'c1',
      5000,
      () => 'the write did not reach R',
    );
    expect(proxies[0]?.connections).toBe(1);
    expect(proxies[0]?.bytesToReplica).toBeGreaterThan(before);
  });

  it('Sentinel monitors M on its own port and knows R by its own port, not the proxy’s', async () => {
    const s = port('S');
    expect((await sentinelMasterState(s, DEFAULT_MASTER_NAME))?.port).toBe(port('M'));
    expect(await sentinelReplicas(s, DEFAULT_MASTER_NAME)).toEqual([{ port: port('R'), flags: 'slave' }]);
  });

  it('Sentinel repoints R at M’s own port once failover-timeout has passed; prepare puts it back on the proxy', async () => {
    const viaProxy = await proxyPort();
    await waitFor(
      async () => (await proxyPort()) === port('M'),
      25_000,
      () => `Sentinel did not repoint R:\n${fleet.server('S').logTail()}`,
    );
    expect(fleet.server('S').logTail(50)).toMatch(/\+fix-slave-config slave 127\.0\.0\.1:\d+/);

    await fleet.prepare({
      nodes: [
        { id: 'M', persistence: 'none' },
        { id: 'R', persistence: 'none' },
      ],
      sentinel: { downAfterMs: 2000, failoverTimeoutMs: 600_000 },
    });

    expect(await replicationState(port('R'))).toEqual({ role: 'slave', masterPort: viaProxy, linkUp: true });
    expect(hookCalls).toHaveLength(1);
    const s = port('S');
    expect(await sentinelReplicas(s, DEFAULT_MASTER_NAME)).toEqual([{ port: port('R'), flags: 'slave' }]);
    expect(await sentinelMasterState(s, DEFAULT_MASTER_NAME)).toMatchObject({ port: port('M'), failoverTimeoutMs: 600_000 });
    expect(await rawCommand(port('M'), ['SET', 'lock', 'c2'])).toBe('OK');
    await waitFor(
      async () => (await rawCommand(port('R'), ['GET', 'lock'])) === 'c2',
      5000,
      () => 'R does not replicate through the proxy after prepare',
    );
  }, 40_000);

  it('with that long failover-timeout, Sentinel still promotes R as soon as M is down', async () => {
    await fleet.redis('M').kill();
    await waitFor(
      async () => (await sentinelMasterState(port('S'), DEFAULT_MASTER_NAME))?.port === port('R'),
      15_000,
      () => `Sentinel did not promote R:\n${fleet.server('S').logTail()}`,
    );
    expect((await replicationState(port('R'))).role).toBe('master');
  }, 20_000);
});
