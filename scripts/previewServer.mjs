/**
 * What the browser measurements share (measure-fps.mjs, measure-load.mjs): the built app
 * served by `vite preview` on 127.0.0.1 as one child process (stopped by its PID), and
 * Debian's Chromium launched with the flags this machine needs. Failures throw; each script
 * reports them under its own name.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `vite preview` as one Node process (no npx wrapper), so its PID is the server's. */
export function startPreview({ port, outDir = null }) {
  const args = [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (outDir !== null) args.push('--outDir', outDir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, url: `http://127.0.0.1:${port}/`, output: () => output };
}

export function stopPreview(server) {
  if (server === null || server.child.exitCode !== null || server.child.pid === undefined) return;
  try {
    process.kill(server.child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

export async function waitForServer(server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`vite preview exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      const res = await fetch(server.url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on ${server.url} within ${timeoutMs} ms:\n${server.output()}`);
}

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
