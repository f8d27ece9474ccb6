#!/usr/bin/env node
// Layer check for the engine (DESIGN.md): src/sim imports nothing but src/sim (and the lock
// machines in src/lock); src/lock imports src/lock, src/sim and xstate; the checker in
// src/check reads traces, so it imports src/check and (the types of) src/sim. Biome bans ambient
// globals (Date, timers, window, process…) and Math.random; this script bans the imports
// Biome cannot express: anything that resolves outside the engine's own folders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Rules per layer: which folders (relative to src) and which packages each may import. */
export const LAYERS = {
  sim: { folders: ['sim', 'lock'], packages: [] },
  lock: { folders: ['lock', 'sim'], packages: ['xstate'] },
  check: { folders: ['check', 'sim'], packages: [] },
  // Shared by the browser and the bridge: zod and the scenario's types (src/protocol/layer.test.ts keeps those type-only).
  protocol: { folders: ['protocol', 'sim'], packages: ['zod'] },
  // The counterexample search: pure like the engine (it runs in workers and in the CLI alike).
  search: { folders: ['search', 'sim', 'check', 'scenario', 'lock'], packages: ['zod'] },
};

function stripComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function listFiles(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(listFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Engine code proper: tests and test helpers may import test tools. */
function isTestFile(path) {
  return /\.test\.tsx?$/.test(path) || path.split(sep).includes('testing');
}

/** Returns a list of "file:line: message" violations for the tree rooted at srcDir. */
export function checkEngineImports(srcDir) {
  const problems = [];
  for (const [layer, rule] of Object.entries(LAYERS)) {
    for (const file of listFiles(join(srcDir, layer))) {
      if (isTestFile(file)) continue;
      const code = stripComments(readFileSync(file, 'utf8'));
      for (const match of code.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? match[2] ?? match[3];
        const start = match.index + (match[0].length - match[0].trimStart().length);
        const line = code.slice(0, start).split('\n').length;
        const where = `${relative(process.cwd(), file)}:${line}`;
        if (spec.startsWith('.')) {
          const target = relative(srcDir, resolve(dirname(file), spec));
          const top = target.split(sep)[0];
          if (target.startsWith('..') || !rule.folders.includes(top)) {
            problems.push(
              `${where}: src/${layer} must not import "${spec}" (resolves to ${target}); allowed: ${rule.folders.map((f) => `src/${f}`).join(', ')}`,
            );
          }
        } else {
          const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          if (!rule.packages.includes(pkg)) {
            problems.push(
              `${where}: src/${layer} must not import the package "${spec}"${rule.packages.length ? ` (allowed: ${rule.packages.join(', ')})` : ' (the engine imports no packages)'}`,
            );
          }
        }
      }
    }
  }
  return problems;
}

/** The bridge's folders of src it may import at run time: never the engine (DESIGN.md), only the shared layers. */
export const BRIDGE_ALLOWED = ['protocol', 'lock', 'scenario'];
const TYPE_IMPORT_RE = /(?:^|[\s;])import\s+type\s[^'"`]*?from\s*['"]([^'"]+)['"]/g;

/**
 * The bridge is a separate program that shares message types with the browser and runs the
 * same lock machines, but never imports the engine: src/sim (and the UI, the checker) only
 * as types. Tests may import anything (they compare real runs with simulated ones).
 */
export function checkBridgeImports(bridgeDir, srcDir) {
  const problems = [];
  for (const file of listFiles(bridgeDir)) {
    if (isTestFile(file)) continue;
    const code = stripComments(readFileSync(file, 'utf8'));
    const typeOnly = new Set([...code.matchAll(TYPE_IMPORT_RE)].map((m) => m.index));
    for (const match of code.matchAll(IMPORT_RE)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith('.')) continue;
      const target = relative(srcDir, resolve(dirname(file), spec));
      if (target.startsWith('..')) continue; // inside bridge/
      const top = target.split(sep)[0];
      if (BRIDGE_ALLOWED.includes(top) || typeOnly.has(match.index)) continue;
      const line = code.slice(0, match.index).split('\n').length + (code[match.index] === '\n' ? 1 : 0);
      problems.push(
        `${relative(process.cwd(), file)}:${line}: the bridge must not import "${spec}" at run time (src/${top}); allowed: ${BRIDGE_ALLOWED.map((f) => `src/${f}`).join(', ')}, and any types`,
      );
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(process.argv[2] ?? 'src');
  const problems = [...checkEngineImports(srcDir), ...checkBridgeImports(resolve(process.argv[3] ?? 'bridge'), srcDir)];
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`lint-engine: ${problems.length} import(s) cross the engine's boundary`);
    process.exit(1);
  }
  console.log('lint-engine: the engine imports only itself');
}
