import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkEngineImports } from './lint-engine.mjs';

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

  it('the real engine passes both checks', () => {
    expect(checkEngineImports(resolve(root, 'src'))).toEqual([]);
  });
});
