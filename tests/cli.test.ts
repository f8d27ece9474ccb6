import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'docs/examples/clock-jump-expires-key.json');
const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'));

/** Runs `npm run sim -- …` the way a user does, minus npm's banner (the script itself). */
function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/sim.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run sim', () => {
  it('prints a human summary with the story of the run', () => {
    const r = sim(example);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('A forward clock jump expires a lock early');
    expect(r.stdout).toContain('A clock jumped +10000 ms');
    expect(r.stdout).toMatch(/C2 <- A {2}SET lock c2 NX PX 10000 {2}=> {2}OK/);
    expect(r.stdout).toMatch(/trace hash [0-9a-f]{64}/);
  });

  it('--json prints one JSON object with events and traceHash', () => {
    const r = sim(example, '--json');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(out.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.events).toBeGreaterThan(10);
    expect(out.seed).toBe(11);
  });

  it('--trace writes the full trace, whose lines hash to the trace hash', () => {
    const path = join(tmp, 'trace.json');
    const r = sim(example, '--trace', path, '--json');
    expect(r.status).toBe(0);
    const { traceHash, events } = JSON.parse(r.stdout);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
    expect(trace).toHaveLength(events);
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .slice(1, -2)
      .map((l) => l.replace(/,$/, ''));
    expect(
      createHash('sha256')
        .update(lines.map((l) => `${l}\n`).join(''))
        .digest('hex'),
    ).toBe(traceHash);
  });

  it('--seed overrides the scenario seed', () => {
    const a = JSON.parse(sim(example, '--json').stdout);
    const b = JSON.parse(sim(example, '--json', '--seed', '12345').stdout);
    expect(b.seed).toBe(12345);
    expect(b.traceHash).not.toBe(a.traceHash);
  });

  it('an invalid scenario exits 2 and names the offending field on stderr', () => {
    const path = join(tmp, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({ version: 1, nodes: [{ id: 'A', hz: 9999 }], clients: [{ id: 'C1', strategy: { kind: 'script', steps: [] } }] }),
    );
    const r = sim(path);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nodes[0].hz');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('broken JSON, a missing file and unknown options exit 2 with a message', () => {
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '{"version": 1, "nodes": [');
    expect(sim(path).stderr).toContain('not valid JSON');
    expect(sim(path).status).toBe(2);
    const missing = sim(join(tmp, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const unknown = sim(example, '--frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --frobnicate');
    expect(sim(example, '--seed', '-4').status).toBe(2);
  });
});
