import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPreset, presetNames } from '../src/scenario/presets/index.ts';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'docs/examples/clock-jump-expires-key.json');
const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'));

/** Runs `npm run sim -- …` the way a user does, minus npm's banner (the script itself). */
function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/sim.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: lets the tests of a `describe.concurrent` block overlap. */
function simAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(join(root, 'node_modules/.bin/tsx'), ['src/cli/sim.ts', ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
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

describe.concurrent('npm run sim with presets and the checker', () => {
  const json = async (...args: string[]) => {
    const r = await simAsync(...args, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0] as string);
  };

  it('--list prints one line per preset (name, source, title) and exits 0', async () => {
    const r = await simAsync('--list');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(presetNames().length);
    for (const [i, name] of presetNames().entries()) {
      const preset = findPreset(name);
      expect(lines[i]).toMatch(new RegExp(`^${name} +${preset?.source} +`));
      expect(lines[i]).toContain(preset?.title);
    }
  });

  it('--preset happy-path --json: safe, two acquisitions, the summary fields kept', async () => {
    const out = await json('--preset', 'happy-path');
    expect(out).toMatchObject({
      safe: true,
      preset: 'happy-path',
      fencing: 'none',
      deadlocked: false,
      exclusionViolations: [],
      staleWrites: [],
    });
    expect(out.acquisitions).toBeGreaterThanOrEqual(2);
    expect(out.events).toBeGreaterThan(0);
    expect(out.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof out.maxUnavailableMs).toBe('number');
    expect(out.fencingRejections).toEqual([]);
    expect(out.deadlocks).toEqual([]);
    for (const field of [
      'name',
      'seed',
      'durationMs',
      'schedulerEvents',
      'messages',
      'commands',
      'keyWrites',
      'faults',
      'nodes',
      'replies',
    ]) {
      expect(out).toHaveProperty(field);
    }
  });

  it('gc-pause-after-acquire: a stale write without fencing, a rejection with token or cas', async () => {
    const modes = ['token', 'cas'];
    const [none, ...fencedRuns] = await Promise.all([
      json('--preset', 'gc-pause-after-acquire'),
      ...modes.map((fencing) => json('--preset', 'gc-pause-after-acquire', '--fencing', fencing)),
    ]);
    expect(none.safe).toBe(false);
    expect(none.staleWrites.length).toBeGreaterThanOrEqual(1);
    expect(none.fencingRejections).toEqual([]);
    for (const [i, fencing] of modes.entries()) {
      const fenced = fencedRuns[i];
      expect(fenced.fencing).toBe(fencing);
      expect(fenced.safe).toBe(true);
      expect(fenced.staleWrites).toEqual([]);
      expect(fenced.fencingRejections.length).toBeGreaterThanOrEqual(1);
      expect(fenced.traceHash).not.toBe(none.traceHash);
    }
  });

  it('clock-jump: an exclusion violation with a time, two clients and an explanation', async () => {
    const out = await json('--preset', 'clock-jump');
    expect(out.safe).toBe(false);
    const [v] = out.exclusionViolations;
    expect(typeof v.atMs).toBe('number');
    expect(typeof v.untilMs).toBe('number');
    expect(v.clients).toHaveLength(2);
    for (const c of v.clients) expect(typeof c).toBe('string');
    expect(v.clients[0]).not.toBe(v.clients[1]);
    expect(v.explanation.length).toBeGreaterThan(0);
    expect(v.causes.length).toBeGreaterThan(0);
  });

  it('the text output ends with the verdict and explains each exclusion violation', async () => {
    const unsafe = await simAsync('--preset', 'clock-jump');
    expect(unsafe.status).toBe(0); // an unsafe run still completed
    expect(unsafe.stdout).toMatch(/^UNSAFE — 1 exclusion violation/m);
    expect(unsafe.stdout).toMatch(/^ {2}exclusion violation \d+–\d+ ms: C1 \(epoch 1\) and C2 \(epoch 2\)/m);
    expect(unsafe.stdout).toContain('acquired the lock at');
    expect(unsafe.stdout).toMatch(/trace hash [0-9a-f]{64}/);
    const safe = await simAsync('--preset', 'gc-pause-after-acquire', '--fencing', 'token');
    expect(safe.status).toBe(0);
    expect(safe.stdout).toMatch(/^SAFE — no exclusion violation, no stale write$/m);
    expect(safe.stdout).toContain('fencing rejected C1');
  });

  it('the same command gives the same trace hash; --seed changes it where the scenario draws random numbers', async () => {
    const [a, b, c] = await Promise.all([
      json('--preset', 'split-vote'),
      json('--preset', 'split-vote'),
      json('--preset', 'split-vote', '--seed', '12345'),
    ]);
    expect(b.traceHash).toBe(a.traceHash);
    expect(c.seed).toBe(12345);
    expect(c.traceHash).not.toBe(a.traceHash);
  });

  it('bad preset arguments exit 2 with a clear message and no stack trace', async () => {
    const cases: Array<[string[], string]> = [
      [['--preset', 'nope'], `unknown preset "nope"; try --list`],
      [[example, '--preset', 'happy-path'], 'not both'],
      [['--preset', 'happy-path', '--fencing', 'maybe'], '--fencing must be one of none, token, cas, got "maybe"'],
      [['--preset'], '--preset needs a value'],
      [['--preset', '--json'], '--preset needs a value'],
      [['--preset', 'happy-path', '--fencing'], '--fencing needs a value'],
      [['--preset', 'happy-path', '--seed'], '--seed needs a value'],
      [[], 'missing the scenario'],
    ];
    const results = await Promise.all(cases.map(([args]) => simAsync(...args)));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i] as Awaited<ReturnType<typeof simAsync>>;
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await simAsync('--preset', 'nope')).stderr).toContain(presetNames().join(', '));
  });
});
