import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { infoField, rawCommand } from './rawCommand.ts';
import { type ProcessIdentity, readProcStatus } from './procStatus.ts';
import { type StopOptions, signal, stopProcess } from './stopProcess.ts';
import { sleep, waitFor } from './waitFor.ts';

export type ServerRole = 'master' | 'replica' | 'sentinel';
export type ServerState = 'running' | 'paused' | 'stopped';

export interface ServerProcessOptions {
  /** The node's name in the topology (A, M, R, S, ...). */
  id: string;
  /** The role it was started in (a failover can change a node's real role later). */
  role: ServerRole;
  port: number;
  dir: string;
  /** The exact command line: executable first. It must stay what /proc/<pid>/cmdline shows. */
  command: readonly string[];
  /** Whether `dispose()` removes `dir` (true when startRedis/startSentinel made it). */
  ownsDir: boolean;
  /** How long a start may take before it counts as failed. */
  readyTimeoutMs?: number;
  /**
   * Variables to set (a string) or remove (undefined) in the environment the server inherits
   * from the bridge: the fake clock's LD_PRELOAD, for one. Not part of `command`, so /proc's
   * cmdline, which the orphan cleanup matches, stays the same.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What the fleet's state file records about a running process. */
export interface ProcessRecord extends ProcessIdentity {
  id: string;
  role: ServerRole;
  port: number;
  /** When it was spawned, as an ISO-8601 UTC timestamp. */
  startedAt: string;
}

/**
 * One redis-server (or Sentinel) process that this program spawned and can kill, restart in
 * the same port and dir, pause and resume. It is spawned detached, in its own process group:
 * a Ctrl+C in the terminal reaches the bridge alone, and the bridge decides how and in what
 * order its servers stop. Its output goes to `server.log` in its dir, never to a pipe, so a
 * server keeps working (and can be cleaned up later) if the bridge dies.
 */
export class ServerProcess {
  readonly id: string;
  readonly role: ServerRole;
  readonly port: number;
  readonly dir: string;
  readonly command: readonly string[];
  readonly logPath: string;
  private readonly ownsDir: boolean;
  private readonly readyTimeoutMs: number;
  private readonly envChanges: Readonly<Record<string, string | undefined>>;
  private child: ChildProcess | undefined;
  private current: ProcessRecord | undefined;
  private paused = false;
  private readonly listeners = new Set<(server: ServerProcess) => void>();

  constructor(opts: ServerProcessOptions) {
    this.id = opts.id;
    this.role = opts.role;
    this.port = opts.port;
    this.dir = opts.dir;
    this.command = [...opts.command];
    this.ownsDir = opts.ownsDir;
    this.readyTimeoutMs = opts.readyTimeoutMs ?? 10_000;
    this.envChanges = { ...opts.env };
    this.logPath = `${opts.dir}/server.log`;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  get state(): ServerState {
    if (this.current === undefined) return 'stopped';
    return this.paused ? 'paused' : 'running';
  }

  /** The running process as the state file records it; undefined while stopped. */
  get record(): ProcessRecord | undefined {
    return this.current;
  }

  /** Called after every spawn, exit, pause and resume (the fleet rewrites its state file). */
  onChange(listener: (server: ServerProcess) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Spawns the server and waits until it answers PING as the process we spawned. */
  async start(): Promise<void> {
    if (this.child !== undefined) throw new Error(`${this.id}: already running (pid ${this.pid})`);
    const child = this.spawnChild();
    try {
      await this.waitReady(child);
    } catch (e) {
      await this.kill();
      throw new Error(`${this.id} (${this.role} on port ${this.port}) did not start: ${(e as Error).message}\n${this.logTail()}`);
    }
  }

  /** Starts it again with the same command line, port and dir (so an AOF, if any, is reloaded). */
  async restart(): Promise<void> {
    if (this.child !== undefined) throw new Error(`${this.id}: restart needs a stopped server; kill or stop it first`);
    await this.start();
  }

  /** SIGKILL: the crash fault. Nothing is flushed beyond what the server already wrote. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill('SIGKILL');
    await waitFor(
      () => hasExited(child),
      5000,
      () => `${this.id}: pid ${child.pid} survived SIGKILL`,
    );
  }

  /** SIGTERM (a clean shutdown), SIGKILL after the deadline. */
  async stop(opts: Omit<StopOptions, 'gone'> = {}): Promise<void> {
    const child = this.child;
    const pid = this.pid;
    if (child === undefined || pid === undefined) return;
    await stopProcess(pid, { ...opts, gone: () => hasExited(child) });
  }

  /** Stops it and removes its dir when this object made the dir. */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** SIGSTOP: the process freezes; connections stay open and nothing answers (a GC-like pause). */
  async pause(): Promise<void> {
    const pid = this.requirePid('pause');
    signal(pid, 'SIGSTOP');
    await waitFor(
      () => readProcStatus(pid)?.state === 'T',
      2000,
      () => `${this.id}: pid ${pid} did not stop on SIGSTOP`,
    );
    this.paused = true;
    this.emit();
  }

  /** SIGCONT: the process carries on where it froze. */
  async resume(): Promise<void> {
    const pid = this.requirePid('resume');
    signal(pid, 'SIGCONT');
    await waitFor(
      () => readProcStatus(pid)?.state !== 'T',
      2000,
      () => `${this.id}: pid ${pid} did not continue on SIGCONT`,
    );
    this.paused = false;
    this.emit();
  }

  /**
   * SIGKILL without waiting: for process.on('exit'), where only synchronous work runs. The
   * kernel kills the process even while it is stopped (paused).
   */
  killNow(): void {
    const pid = this.pid;
    if (pid !== undefined && this.child !== undefined && !hasExited(this.child)) signal(pid, 'SIGKILL');
  }

  /** The end of the server's log, for error messages. */
  logTail(lines = 20): string {
    try {
      return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private spawnChild(): ChildProcess {
    const [executable, ...args] = this.command;
    if (executable === undefined) throw new Error(`${this.id}: empty command`);
    const log = openSync(this.logPath, 'a');
    let child: ChildProcess;
    try {
      child = spawn(executable, args, { detached: true, stdio: ['ignore', log, log], env: this.childEnv() });
    } finally {
      closeSync(log); // the child has its own copy
    }
    const pid = child.pid;
    if (pid === undefined) {
      // spawn reports ENOENT and the like through an 'error' event; the message is enough here.
      child.on('error', () => {});
      throw new Error(`${this.id}: could not spawn ${executable}`);
    }
    this.child = child;
    this.paused = false;
    // libuv returns from spawn after exec, so /proc already shows our command line.
    this.current = {
      id: this.id,
      role: this.role,
      port: this.port,
      pid,
      command: this.command,
      startTicks: readProcStatus(pid)?.startTicks ?? -1,
      startedAt: new Date().toISOString(),
    };
    child.once('exit', () => {
      if (this.child !== child) return;
      this.child = undefined;
      this.current = undefined;
      this.paused = false;
      this.emit();
    });
    this.emit();
    return child;
  }

  private childEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [name, value] of Object.entries(this.envChanges)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    return env;
  }

  /** Ready = answers PING, and INFO names our pid (not another server that took the port). */
  private async waitReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + this.readyTimeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (hasExited(child)) throw new Error(`it exited (code ${child.exitCode}, signal ${child.signalCode})`);
      try {
        const pong = await rawCommand(this.port, ['PING'], 500);
        const processId = pong === 'PONG' ? await infoField(this.port, 'server', 'process_id', 500) : undefined;
        if (processId === String(child.pid)) return;
        last = processId === undefined ? `PING answered ${JSON.stringify(pong)}` : `port ${this.port} is served by pid ${processId}`;
      } catch (e) {
        last = (e as Error).message;
      }
      await sleep(20);
    }
    throw new Error(`no PING answer within ${this.readyTimeoutMs} ms (${last})`);
  }

  private requirePid(action: string): number {
    const pid = this.pid;
    if (pid === undefined) throw new Error(`${this.id}: cannot ${action} a stopped server`);
    return pid;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this);
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
