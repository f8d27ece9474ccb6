#!/usr/bin/env node
// `npm run bench [-- --no-build] [-- --only engine,search,load]`: bundles each benchmark entry
// point in bench/ with esbuild exactly as plain JavaScript (no tsx loader, no keepNames
// helpers: the code the browser gets is built the same way) and runs each in a Node process
// of its own (so one benchmark's JIT and heap do not colour the next); then measures the
// production build's initial JavaScript and time to interactive (scripts/measure-load.mjs,
// which runs `vite build` first unless --no-build).
//   engine: bench/run.ts — the engine's throughput, re-simulation, scrubbing.
//   search: bench/search.ts — counterexample search runs/s on one core, shrinking time.
//   load:   scripts/measure-load.mjs — initial JS gzipped, time to interactive in Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PARTS = ['engine', 'search', 'load'];
const ENTRIES = { engine: 'bench/run.ts', search: 'bench/search.ts' };

const args = process.argv.slice(2);
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : PARTS;
const unknown = only.filter((p) => !PARTS.includes(p));
if (unknown.length > 0 || only.length === 0) {
  console.error(`bench: --only takes a comma-separated list of ${PARTS.join(', ')}`);
  process.exit(2);
}

function runNode(script, scriptArgs = []) {
  const ran = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' });
  if (ran.status !== 0) {
    console.error(`bench: ${script} failed (${ran.status ?? ran.signal})`);
    process.exitCode = 1;
  }
}

for (const part of only.filter((p) => p in ENTRIES)) {
  const outfile = resolve(root, `.tmp/bench/${part}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [resolve(root, ENTRIES[part])],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  runNode(outfile);
}
if (only.includes('load')) runNode(resolve(root, 'scripts/measure-load.mjs'), args.includes('--no-build') ? ['--no-build'] : []);
