import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.ts';
import { sentinelConfigText } from './redisConfig.ts';
import { REDIS_SERVER_PATH, requireRedisServer } from './redisServerPath.ts';
import { ServerProcess } from './serverProcess.ts';

export interface StartSentinelOptions {
  /** Defaults to `sentinel-<port>`. */
  id?: string;
  port?: number;
  dir?: string;
  parentDir?: string;
  /** The name Sentinel gives the monitored master; defaults to `mymaster`. */
  masterName?: string;
  masterPort: number;
  /** Defaults to 5000 ms: quick enough for a demo, slow enough that a short pause is not a failover. */
  downAfterMs?: number;
  /** Defaults to 10,000 ms. */
  failoverTimeoutMs?: number;
  observe?: (server: ServerProcess) => void;
}

export const DEFAULT_MASTER_NAME = 'mymaster';
export const DEFAULT_DOWN_AFTER_MS = 5000;
export const DEFAULT_FAILOVER_TIMEOUT_MS = 10_000;

/** Starts `redis-server <conf> --sentinel` monitoring one master with quorum 1. */
export async function startSentinel(opts: StartSentinelOptions): Promise<ServerProcess> {
  requireRedisServer();
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(path.join(opts.parentDir ?? os.tmpdir(), 'sentinel-'));
  mkdirSync(dir, { recursive: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < (opts.port === undefined ? 3 : 1); attempt++) {
    const port = opts.port ?? (await freePort());
    const confPath = path.join(dir, 'sentinel.conf');
    writeFileSync(
      confPath,
      sentinelConfigText({
        port,
        dir,
        masterName: opts.masterName ?? DEFAULT_MASTER_NAME,
        masterPort: opts.masterPort,
        downAfterMs: opts.downAfterMs ?? DEFAULT_DOWN_AFTER_MS,
        failoverTimeoutMs: opts.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
      }),
    );
    const server = new ServerProcess({
      id: opts.id ?? `sentinel-${port}`,
      role: 'sentinel',
      port,
      dir,
      command: [REDIS_SERVER_PATH, confPath, '--sentinel'],
      ownsDir,
    });
    opts.observe?.(server);
    try {
      await server.start();
      return server;
    } catch (e) {
      lastError = e;
    }
  }
  if (ownsDir) rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
