import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockOffsetPath, readClockOffset, writeClockOffset } from './clockOffsetFile.ts';
import { fakeClockEnv, removeFakeClockLeftovers, requireFakeClock } from './fakeClock.ts';
import { freePort } from './freePort.ts';
import { type Persistence, redisConfigText } from './redisConfig.ts';
import { REDIS_SERVER_PATH, requireRedisServer } from './redisServerPath.ts';
import { ServerProcess, type ServerProcessOptions, type ServerRole } from './serverProcess.ts';

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
  /**
   * Run it under libfaketime (fakeClock.ts), so that jumpClock() can move its wall clock. The
   * offset lives in a file in `dir`: a restart in the same dir keeps it. Throws when
   * libfaketime is missing.
   */
  fakeClock?: boolean;
  /** Sees each server object before it is spawned, so a fleet can record it from its first pid on. */
  observe?: (server: ServerProcess) => void;
}

const PORT_ATTEMPTS = 3;

/** Writes a redis.conf into the server's private dir and starts it; resolves once it answers PING. */
export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServer> {
  requireRedisServer();
  if (opts.fakeClock === true) requireFakeClock();
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(path.join(opts.parentDir ?? os.tmpdir(), 'redis-'));
  mkdirSync(dir, { recursive: true });
  const clockFile = opts.fakeClock === true ? clockOffsetPath(dir) : undefined;
  // An offset left by an earlier server in this dir stays, like its AOF does.
  if (clockFile !== undefined) writeClockOffset(clockFile, readClockOffset(clockFile));
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
      clockFile,
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

export interface RedisServerOptions extends ServerProcessOptions {
  role: ServerRole;
  persistence: Persistence;
  /** The fake clock's offset file (fakeClock.ts); undefined for a server on the host's clock. */
  clockFile?: string;
}

/**
 * A redis-server node: a ServerProcess whose restart can also change its persistence, and
 * whose wall clock can jump when it runs under the fake clock.
 */
export class RedisServer extends ServerProcess {
  private persistenceMode: Persistence;
  private readonly clockFile: string | undefined;
  private offsetMs: number;

  constructor(opts: RedisServerOptions) {
    const clockFile = opts.clockFile;
    super(clockFile === undefined ? opts : { ...opts, env: { ...opts.env, ...fakeClockEnv(clockFile) } });
    this.persistenceMode = opts.persistence;
    this.clockFile = clockFile;
    this.offsetMs = clockFile === undefined ? 0 : readClockOffset(clockFile);
    if (clockFile !== undefined) {
      // Also once a process that never got ready is gone (start() below did not see it ready).
      let lastPid: number | undefined;
      this.onChange(() => {
        if (this.pid !== undefined) lastPid = this.pid;
        else if (lastPid !== undefined) {
          removeFakeClockLeftovers(lastPid);
          lastPid = undefined;
        }
      });
    }
  }

  override async start(): Promise<void> {
    await super.start();
    // libfaketime made its /dev/shm files before main() and keeps them open and mapped: unlinked
    // now, nothing is left behind however the process ends (a SIGKILL skips its own cleanup).
    const pid = this.pid;
    if (this.clockFile !== undefined && pid !== undefined) removeFakeClockLeftovers(pid);
  }

  get persistence(): Persistence {
    return this.persistenceMode;
  }

  /** Whether it runs under the fake clock (jumpClock works). */
  get fakeClock(): boolean {
    return this.clockFile !== undefined;
  }

  /** How far its wall clock is from the host's now: the sum of its jumps (0 on the host's clock). */
  get clockOffsetMs(): number {
    return this.offsetMs;
  }

  /**
   * Moves its wall clock by `deltaMs` (rounded to the millisecond) at once, running or not (a
   * stopped node starts with the new offset). Forward, a key's expiry comes sooner: SET k v PX 10000 then +20 s, and k is
   * gone. Backwards, keys live longer. Redis's timers run on the monotonic clock and carry on.
   */
  jumpClock(deltaMs: number): void {
    if (!Number.isFinite(deltaMs)) throw new Error(`${this.id}: clock jump ${deltaMs} ms: expected a number of milliseconds`);
    // Whole milliseconds: a run at another speed scales the jump (deltaMs / speed) into fractions.
    this.setClockOffset(this.offsetMs + Math.round(deltaMs));
  }

  /** Sets its clock `offsetMs` away from the host's (0: back in step). */
  setClockOffset(offsetMs: number): void {
    const file = this.clockFile;
    if (file === undefined) {
      throw new Error(`${this.id}: its clock cannot jump: it was started without the fake clock (libfaketime)`);
    }
    writeClockOffset(file, offsetMs);
    this.offsetMs = offsetMs;
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
