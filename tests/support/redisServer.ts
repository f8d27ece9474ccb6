import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Real redis-server processes for tests, on free 127.0.0.1 ports, each with its own
 * temporary --dir and --pidfile. Servers are stopped by PID (never by name), replicas
 * before their master (a master waits about a second for its replicas on SIGTERM).
 */
export const REDIS_SERVER = '/usr/bin/redis-server';

export interface RedisProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Port of the master this server replicates. */
  replicaOf?: number;
  extraArgs?: string[];
}

/** Throws (never skips) when redis-server is missing: the fidelity test needs a real Redis 7.0. */
export function requireRedisServer(): void {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} not found. The fidelity test compares the simulation with a real Redis 7.0: ` +
        'install it with `apt-get install -y --no-install-recommends redis-server` (scripts/test-all.sh does).',
    );
  }
}

const live = new Set<ChildProcess>();
// Last resort if the test process exits without afterAll (a crash): no server outlives it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startRedis(opts: StartOptions = {}): Promise<RedisProcess> {
  requireRedisServer();
  let lastError: unknown;
  // The port is free when we look, but another process could take it before redis binds it.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort(), opts);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function startOnce(port: number, opts: StartOptions): Promise<RedisProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `redis-${port}-`));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--repl-diskless-sync-delay',
    '0',
    '--daemonize',
    'no',
    '--dir',
    dir,
    '--pidfile',
    path.join(dir, 'redis.pid'),
    ...(opts.replicaOf === undefined ? [] : ['--replicaof', '127.0.0.1', String(opts.replicaOf)]),
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${REDIS_SERVER}`);
  live.add(child);
  const server: RedisProcess = {
    port,
    pid,
    stop: async () => {
      await stopPid(pid);
      live.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(
      async () => (await rawCommand(port, ['PING'])) === '+PONG',
      5000,
      () => `redis on port ${port} did not answer PING:\n${output}`,
    );
    if (opts.replicaOf !== undefined) {
      await waitFor(
        async () => (await rawCommand(port, ['INFO', 'replication'])).includes('master_link_status:up'),
        10_000,
        () => `replica on port ${port} did not sync with its master on ${opts.replicaOf}:\n${output}`,
      );
    }
    // The server we talk to is the one we started (its pidfile names our child).
    const pidfile = Number(readFileSync(path.join(dir, 'redis.pid'), 'utf8').trim());
    if (pidfile !== pid) throw new Error(`pidfile says ${pidfile}, spawned ${pid}`);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

export interface MasterReplica {
  master: RedisProcess;
  replica: RedisProcess;
  /** Stops the replica first, then the master. */
  stop(): Promise<void>;
}

export async function startMasterReplica(extraArgs: string[] = []): Promise<MasterReplica> {
  const master = await startRedis({ extraArgs });
  let replica: RedisProcess;
  try {
    replica = await startRedis({ replicaOf: master.port, extraArgs });
  } catch (e) {
    await master.stop();
    throw e;
  }
  return {
    master,
    replica,
    stop: async () => {
      try {
        await replica.stop();
      } finally {
        await master.stop();
      }
    },
  };
}

/** Gone = no /proc entry, or a zombie (stopped processes can linger as Z here; kill -0 would still succeed). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

async function stopPid(pid: number, timeoutMs = 3000): Promise<void> {
  if (isGone(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (!isGone(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      await waitFor(
        async () => isGone(pid),
        2000,
        () => `redis-server ${pid} survived SIGKILL`,
      );
      return;
    }
    await sleep(20);
  }
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(message());
    await sleep(25);
  }
}

/**
 * One command over a fresh socket, the reply as raw RESP text (enough for PING and INFO
 * while a server starts; no client library, so nothing logs connection errors).
 */
export function rawCommand(port: number, argv: string[], timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const done = (e: Error | null) => {
      socket.destroy();
      if (e === null) resolve(data.trimEnd());
      else reject(e);
    };
    socket.setTimeout(timeoutMs, () => done(new Error('timeout')));
    socket.on('error', done);
    socket.on('connect', () => {
      socket.write(`*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    socket.on('data', (d: Buffer) => {
      data += d.toString();
      if (respComplete(data)) done(null);
    });
  });
}

/** Whether `data` holds one whole simple reply or bulk string. */
function respComplete(data: string): boolean {
  const eol = data.indexOf('\r\n');
  if (eol < 0) return false;
  if (data[0] !== '$') return true;
  const len = Number(data.slice(1, eol));
  return len < 0 || Buffer.byteLength(data) >= eol + 2 + len + 2;
}
