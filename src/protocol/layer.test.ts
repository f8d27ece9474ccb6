import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The protocol is shared by the browser and the bridge: no Node APIs, no DOM, no engine.
 * Biome's engine rules do not cover src/protocol, so this test holds the line: imports
 * are zod, siblings, and (as types only) the scenario model and the trace's events.
 */
const DIR = import.meta.dirname;
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') }));

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('src/protocol stays shareable', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('imports only zod, its own files, and the scenario model and trace events as types', () => {
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/^import (type )?[\s\S]*? from '([^']+)';$/gm)) {
        const [statement, typeOnly, from] = match;
        const allowed =
          from === 'zod' || /^\.\/[A-Za-z]+\.ts$/.test(from ?? '') || (typeOnly !== undefined && (from === '../sim/model/scenario.ts' || from === '../sim/trace/events.ts'));
        expect(allowed, `${file}: ${statement}`).toBe(true);
      }
    }
  });

  it('touches no Node, DOM or ambient time and randomness', () => {
    const banned =
      /\b(process\.|Buffer\b|require\(|window\.|document\.|globalThis|Date\.now|new Date|performance\.|Math\.random|setTimeout|setInterval)/;
    for (const { file, text } of sources) expect(withoutComments(text).match(banned)?.[0], file).toBeUndefined();
  });
});
