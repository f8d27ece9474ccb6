import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkBridgeImports, checkEngineImports } from './lint-engine.mjs';

const root = resolve(import.meta.dirname, '..');

/**
 * Runs Biome on a probe file written at `path` (under a throwaway folder inside src/sim or
 * src/ui, so the same overrides apply as to real code), then removes it.
 */
function biomeOn(path: string, code: string): { status: number | null; output: string } {
  const file = resolve(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  try {
    const r = spawnSync(resolve(root, 'node_modules/.bin/biome'), ['lint', path], { cwd: root, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

describe('engine purity lint', () => {
  it.each([
    ['Date.now()', 'export const t = Date.now();', 'Date'],
    ['new Date()', 'export const t = new Date();', 'Date'],
    ['Math.random()', 'export const r = Math.random();', 'Math.random is banned'],
    ['setTimeout', 'setTimeout(() => 1, 10);', 'setTimeout'],
    ['setInterval', 'setInterval(() => 1, 10);', 'setInterval'],
    ['performance.now()', 'export const p = performance.now();', 'performance'],
    ['window', 'export const w = window.innerWidth;', 'window'],
    ['document', 'export const d = document.title;', 'document'],
    ['process', 'export const e = process.env;', 'process'],
  ])('rejects %s in src/sim', (_name, code, expected) => {
    const r = biomeOn(`src/sim/lint-probe-${process.pid}/fixture.ts`, `${code}\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(expected);
  });

  it.each([
    ['Date.now()', 'export const t = Date.now();', 'Date'],
    ['Math.random()', 'export const r = Math.random();', 'Math.random is banned'],
    ['setTimeout', 'setTimeout(() => 1, 10);', 'setTimeout'],
  ])('rejects %s in src/check (verdicts must not depend on the host)', (_name, code, expected) => {
    const r = biomeOn(`src/check/lint-probe-${process.pid}/fixture.ts`, `${code}\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(expected);
  });

  it('allows the same code outside the engine (the UI may read the wall clock)', () => {
    const r = biomeOn(`src/ui/lint-probe-${process.pid}/fixture.ts`, 'export const t = Date.now();\nexport const r = Math.random();\n');
    expect(r.status).toBe(0);
  });

  it('flags imports of react, d3, zustand, node: and other layers from src/sim', () => {
    const problems: string[] = checkEngineImports(resolve(root, 'lint/fixtures/bad'));
    expect(problems.some((p) => p.includes('"react"'))).toBe(true);
    expect(problems.some((p) => p.includes('"d3"') && p.includes('src/sim'))).toBe(true);
    expect(problems.some((p) => p.includes('"zustand"'))).toBe(true);
    expect(problems.some((p) => p.includes('"node:fs"'))).toBe(true);
    expect(problems.some((p) => p.includes('ui/App.tsx'))).toBe(true);
    expect(problems.some((p) => p.includes('src/lock') && p.includes('"d3"'))).toBe(true);
    expect(problems.some((p) => p.includes('package "xstate"'))).toBe(false);
  });

  it('accepts engine-internal imports, xstate in src/lock, and import-like comments', () => {
    expect(checkEngineImports(resolve(root, 'lint/fixtures/good'))).toEqual([]);
  });

  it('src/check may import src/check and src/sim only; its tests and testing/ helpers are exempt', () => {
    // A throwaway src tree, so the case needs no fixture files of its own in the repository.
    const src = mkdtempSync(join(tmpdir(), 'lint-check-'));
    const write = (path: string, code: string): void => {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), code);
    };
    try {
      write('check/bad.ts', "import { store } from '../ui/store.ts';\nimport * as d3 from 'd3';\nexport const x = [store, d3];\n");
      write(
        'check/fine.ts',
        "import type { TraceEvent } from '../sim/trace/events.ts';\nimport { y } from './other.ts';\nexport const x: TraceEvent[] = [y];\n",
      );
      write('check/other.ts', 'export const y = 1;\n');
      write('check/fine.test.ts', "import { it } from 'vitest';\nit('ok', () => {});\n");
      write('check/testing/helper.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
      const problems: string[] = checkEngineImports(src);
      expect(problems).toHaveLength(2);
      expect(problems.some((p) => p.includes('check/bad.ts:1') && p.includes('src/check must not import "../ui/store.ts"'))).toBe(true);
      expect(problems.some((p) => p.includes('check/bad.ts:2') && p.includes('the package "d3"'))).toBe(true);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });

  it('the real engine passes both checks', () => {
    expect(checkEngineImports(resolve(root, 'src'))).toEqual([]);
  });

  it('the bridge imports the engine only as types; the lock machines, scenario and protocol it may run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-bridge-'));
    const write = (path: string, code: string): void => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), code);
    };
    try {
      write(
        'bridge/run/bad.ts',
        "import { run } from '../../src/sim/engine/run.ts';\nimport { check } from '../../src/check/check.ts';\nexport const x = [run, check];\n",
      );
      write(
        'bridge/run/fine.ts',
        "import type { TraceEvent } from '../../src/sim/trace/events.ts';\nimport { LOCK_MACHINES } from '../../src/lock/machines/index.ts';\nimport { parseScenario } from '../../src/scenario/parse.ts';\nimport { x } from './other.ts';\nexport const y: TraceEvent[] = [LOCK_MACHINES, parseScenario, x] as never;\n",
      );
      write('bridge/run/other.ts', 'export const x = 1;\n');
      write('bridge/run/fine.test.ts', "import { run } from '../../src/sim/engine/run.ts';\nexport const z = run;\n");
      const problems: string[] = checkBridgeImports(join(dir, 'bridge'), join(dir, 'src'));
      expect(problems).toHaveLength(2);
      expect(problems.some((p) => p.includes('bad.ts:1') && p.includes('src/sim'))).toBe(true);
      expect(problems.some((p) => p.includes('bad.ts:2') && p.includes('src/check'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the real bridge passes', () => {
    expect(checkBridgeImports(resolve(root, 'bridge'), resolve(root, 'src'))).toEqual([]);
  });
});
