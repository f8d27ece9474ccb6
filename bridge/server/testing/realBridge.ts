import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFleetState } from '../../redis/fleetState.ts';
import { isSameLiveProcess, type ProcessIdentity } from '../../redis/procStatus.ts';
import { stopProcess } from '../../redis/stopProcess.ts';
import { createBackend } from '../../run/backend.ts';
import type { BridgeBackend } from '../../run/runTypes.ts';
import { type BridgeServer, type BridgeServerOptions, startBridgeServer } from '../startBridgeServer.ts';
import { PLAYGROUND_ORIGIN } from './bridgeTestClient.ts';

export const TEST_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';

export interface RealBridge {
  backend: BridgeBackend;
  server: BridgeServer;
  /** Port of node `id` (A-E, M, R, S) for checks with rawCommand. */
  port(id: string): number;
  /** Stops the server, the backend, and any recorded redis-server that survived them. */
  stop(): Promise<void>;
}

/**
 * The real thing for tests: createBackend's fleet of redis-servers on loopback ports (its
 * own state file and data dir under a temp dir), and the WebSocket server in front of it.
 */
export async function startRealBridge(
  server: Partial<BridgeServerOptions> = {},
  /** Puts something between the server and the backend (a test counting what reaches it). */
  wrap: (backend: BridgeBackend) => BridgeBackend = (b) => b,
): Promise<RealBridge> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bridge-server-test-'));
  const stateFile = path.join(root, 'state.json');
  const recorded: ProcessIdentity[] = [];
  const record = () => {
    const read = readFleetState(stateFile);
    if (read.ok) recorded.push(...read.state.bridges.flatMap((b) => b.processes));
  };
  let backend: BridgeBackend | undefined;
  let bridgeServer: BridgeServer | undefined;
  const stop = async () => {
    record();
    await bridgeServer?.close();
    await backend?.close().catch(() => {});
    await Promise.allSettled(recorded.map((p) => stopProcess(p.pid, { gone: () => !isSameLiveProcess(p) })));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    backend = await createBackend({ stateFile, dataRoot: root });
    record();
    bridgeServer = await startBridgeServer({ backend: wrap(backend), token: TEST_TOKEN, allowedOrigins: [PLAYGROUND_ORIGIN], ...server });
  } catch (e) {
    await stop();
    throw e;
  }
  const nodes = backend.nodes();
  return {
    backend,
    server: bridgeServer,
    port: (id) => {
      const node = nodes.find((n) => n.id === id);
      if (node === undefined) throw new Error(`no node ${id}`);
      return node.port;
    },
    stop,
  };
}
