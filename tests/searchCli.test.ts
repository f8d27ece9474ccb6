import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../src/scenario/link/decodeLink.ts';
import { parseScenario } from '../src/scenario/parse.ts';

const root = join(import.meta.dirname, '..');
const search = (args: string[]) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/search.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run search', () => {
  it('prints the seed first, finds and shrinks a clock-jump counterexample, with a link that opens it', () => {
    const r = search(['--faults', 'clock-jump', '--runs', '2000', '--seed', '1']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('search seed 1: redlock, fencing none, up to 2,000 runs');
    expect(r.stdout).toMatch(/found at run #\d+: C\d and C\d both believe they hold the lock/);
    expect(r.stdout.match(/^ {2}fault: /gm)).toHaveLength(1);
    const link = /open it: http:\/\/127\.0\.0\.1:5173\/#(v1\.\S+)/.exec(r.stdout)?.[1];
    expect(link).toBeDefined();
    const decoded = decodeLink(link as string);
    expect(decoded.ok).toBe(true);
  });

  it('--json: one object, the same search for the same seed; --out writes the scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-cli-'));
    try {
      const out = join(dir, 'counterexample.json');
      const args = ['--strategy', 'set-nx-px-del', '--runs', '500', '--seed', '3', '--json'];
      const a = search([...args, '--out', out]);
      const b = search(args);
      expect(a.status).toBe(0);
      const ja = JSON.parse(a.stdout);
      const jb = JSON.parse(b.stdout);
      expect(ja.counterexample.scenario).toEqual(jb.counterexample.scenario);
      expect(ja.found.index).toBe(jb.found.index);
      expect(parseScenario(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what it covered when it finds nothing', () => {
    const r = search(['--strategy', 'set-nx-px-cad', '--faults', 'none', '--runs', '300']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no counterexample: 300 runs of set-nx-px-cad (fencing none) on 1 node with 2 clients');
    expect(r.stdout).toContain('no faults (a healthy network with random latency)');
  });

  it('refuses bad arguments with exit 2 and the reason', () => {
    for (const [args, reason] of [
      [['--strategy', 'zookeeper'], 'strategy:'],
      [['--pause', '10-20'], '--pause: "10-20" is not a range MIN..MAX'],
      [['--runs'], '--runs needs a value'],
      [['--frobnicate', '1'], 'unknown option --frobnicate'],
    ] as const) {
      const r = search([...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(reason);
    }
  });
});
