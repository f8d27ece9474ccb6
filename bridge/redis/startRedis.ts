import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.ts';
import { type Persistence, redisConfigText } from './redisConfig.ts';
import { REDIS_SERVER_PATH, requireRedisServer } from './redisServerPath.ts';
import { ServerProcess, type ServerRole } from './serverProcess.ts';

export interface StartRedisOptions {
  /** The node's name; defaults to `redis-<port>`. */
  id?: string;
  /** A fixed port; by default a free one is picked (and picked again if someone takes it first). */
  port?: number;
  /** The server's own directory (created if missing); by default a new private one under `parentDir`. */
  dir?: string;
  /** Where the private directory is made when `dir` is not given; defaults to the OS temp dir. */
  parentDir?: string;
  persistence?: Persistence;
  /** Port of the master to replicate (on 127.0.0.1). */
  replicaOfPort?: number;
  extraConfigLines?: readonly string[];
  /** Sees each server object before it is spawned, so a fleet can record it from its first pid on. */
  observe?: (server: ServerProcess) => void;
}

const PORT_ATTEMPTS = 3;

/** Writes a redis.conf into the server's private dir and starts it; resolves once it answers PING. */
export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServer> {
  requireRedisServer();
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(path.join(opts.parentDir ?? os.tmpdir(), 'redis-'));
  mkdirSync(dir, { recursive: true });
  let lastError: unknown;
  // A port that was free when we asked can be taken before redis-server binds it: pick again.
  for (let attempt = 0; attempt < (opts.port === undefined ? PORT_ATTEMPTS : 1); attempt++) {
    const port = opts.port ?? (await freePort());
    const confPath = path.join(dir, 'redis.conf');
    const persistence = opts.persistence ?? 'none';
    writeFileSync(
      confPath,
      redisConfigText({ port, dir, persistence, replicaOfPort: opts.replicaOfPort, extraLines: opts.extraConfigLines }),
    );
    const server = new RedisServer({
      id: opts.id ?? `redis-${port}`,
      role: opts.replicaOfPort === undefined ? 'master' : 'replica',
      port,
      dir,
      command: [REDIS_SERVER_PATH, confPath],
      ownsDir,
      persistence,
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

export interface RestartOptions {
  /** Restart with another persistence mode (the AOF left by the old mode is used only if both are AOF). */
  persistence?: Persistence;
}

/** A redis-server node: a ServerProcess whose restart can also change its persistence. */
export class RedisServer extends ServerProcess {
  private persistenceMode: Persistence;

  constructor(opts: ConstructorParameters<typeof ServerProcess>[0] & { role: ServerRole; persistence: Persistence }) {
    super(opts);
    this.persistenceMode = opts.persistence;
  }

  get persistence(): Persistence {
    return this.persistenceMode;
  }

  get confPath(): string {
    return this.command[1] ?? '';
  }

  override async restart(opts: RestartOptions = {}): Promise<void> {
    if (opts.persistence !== undefined && opts.persistence !== this.persistenceMode) {
      if (this.state !== 'stopped') throw new Error(`${this.id}: restart needs a stopped server; kill or stop it first`);
      // Patch two lines rather than regenerate: Sentinel's CONFIG REWRITE may have put a
      // replicaof line into this file during a failover, and the node must keep it.
      const text = readFileSync(this.confPath, 'utf8');
      writeFileSync(this.confPath, withPersistence(text, opts.persistence));
      this.persistenceMode = opts.persistence;
    }
    await super.restart();
  }
}

/** The config text with its appendonly/appendfsync lines set for `persistence`. */
export function withPersistence(text: string, persistence: Persistence): string {
  const kept = text.split('\n').filter((line) => !/^\s*(appendonly|appendfsync)\s/i.test(line));
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  kept.push(`appendonly ${persistence === 'none' ? 'no' : 'yes'}`, `appendfsync ${persistence === 'aof-always' ? 'always' : 'everysec'}`);
  return `${kept.join('\n')}\n`;
}
