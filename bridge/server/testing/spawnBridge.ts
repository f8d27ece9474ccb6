import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../../..');

export interface SpawnedBridge {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group (npx, tsx, node). */
  interrupt(): void;
  /** SIGKILL to the group: for cleanup after a failure only. */
  kill(): void;
}

/**
 * `tsx bridge/cli.ts ...args` (what `npm run bridge` runs) in its own process group, output
 * collected. tsx itself, not npx or npm: on Ctrl-C those wrappers die of the SIGINT at once
 * (exit by signal) while the bridge under them stops in order, so only tsx, which waits for
 * the bridge and exits with its code, shows how the bridge ended.
 */
export function spawnBridge(args: readonly string[]): SpawnedBridge {
  const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), ['bridge/cli.ts', ...args], { cwd: REPO, detached: true });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, signal);
  };
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    interrupt: () => signalGroup('SIGINT'),
    kill: () => signalGroup('SIGKILL'),
  };
}

/** Waits until the output matches; the error shows the output so far. */
export async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(read());
    if (match !== null) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BridgeBanner {
  url: string;
  token: string;
  nodes: { id: string; host: string; port: number; role: string }[];
}

/** Waits for the start-up banner (bridge/server/startupBanner.ts) and reads it. */
export async function readBanner(bridge: SpawnedBridge, timeoutMs = 60_000): Promise<BridgeBanner> {
  await waitForOutput(bridge.stdout, /^Open .* and paste the token\.$/m, timeoutMs);
  const text = bridge.stdout();
  const url = /^ {2}url: +(\S+)$/m.exec(text)?.[1];
  const token = /^ {2}token: +(\S+)$/m.exec(text)?.[1];
  if (url === undefined || token === undefined) throw new Error(`no url or token in:\n${text}`);
  const nodes = [...text.matchAll(/^ {4}(\S+) +(\S+):(\d+) +(\S+)$/gm)].map((m) => ({
    id: m[1] ?? '',
    host: m[2] ?? '',
    port: Number(m[3]),
    role: m[4] ?? '',
  }));
  return { url, token, nodes };
}
