#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts with esbuild exactly as plain JavaScript (no tsx
// loader, no keepNames helpers: the code the browser gets is built the same way), then runs it.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, '.tmp/bench/run.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(root, 'bench/run.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
