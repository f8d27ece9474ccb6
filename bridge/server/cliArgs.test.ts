import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOptions, DEFAULT_ORIGINS, parseCliArgs } from './cliArgs.ts';
import { readNodesFile } from './nodesFile.ts';

function options(argv: string[]): CliOptions {
  const result = parseCliArgs(argv);
  if (result.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(result)}`);
  return result.options;
}

function badUsage(argv: string[]): string {
  const result = parseCliArgs(argv);
  if (result.kind !== 'bad') throw new Error(`expected a usage error, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('npm run bridge flags', () => {
  it('defaults to 127.0.0.1:8787, the playground dev and preview origins, a generated token and 20/s', () => {
    expect(options([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      origins: DEFAULT_ORIGINS,
      token: undefined,
      nodesFile: undefined,
      stateFile: undefined,
      rateLimit: { burst: 40, perSecond: 20 },
      warning: undefined,
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('takes repeated origins, a port, a token and a rate', () => {
    const o = options([
      '--port',
      '0',
      '--origin',
      'http://a.test:1',
      '--origin',
      'https://b.test',
      '--token',
      'x'.repeat(16),
      '--rate',
      '50/s',
    ]);
    expect(o).toMatchObject({
      port: 0,
      origins: ['http://a.test:1', 'https://b.test'],
      token: 'x'.repeat(16),
      rateLimit: { burst: 100, perSecond: 50 },
    });
  });

  it('refuses a remote host without --allow-remote, and warns with it', () => {
    expect(badUsage(['--host', '0.0.0.0'])).toContain('not loopback');
    expect(options(['--host', '0.0.0.0', '--allow-remote']).warning).toContain('WARNING: listening on 0.0.0.0');
    expect(options(['--host', '::1']).warning).toBeUndefined();
    expect(options(['--host', 'localhost']).warning).toBeUndefined();
  });

  it('explains bad flags', () => {
    expect(badUsage(['--port', '70000'])).toBe('--port 70000: expected 0-65535');
    expect(badUsage(['--origin', 'http://127.0.0.1:5173/'])).toContain('a browser would send "http://127.0.0.1:5173"');
    expect(badUsage(['--origin', 'localhost:5173'])).toContain('a browser would send');
    expect(badUsage(['--token', 'short'])).toContain('16-256 printable characters');
    expect(badUsage(['--rate', 'fast'])).toContain('--rate fast: expected messages per second');
    expect(badUsage(['--prot', '1'])).toContain("Unknown option '--prot'");
  });
});

describe('--nodes FILE', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nodes-file-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('reads existing servers, giving a sentinel the default master name', () => {
    const p = file(
      'ok.json',
      JSON.stringify({
        nodes: [
          { id: 'A', port: 6379, role: 'master' },
          { id: 'S', port: 26379, role: 'sentinel' },
        ],
      }),
    );
    expect(readNodesFile(p)).toEqual({
      ok: true,
      nodes: [
        { id: 'A', host: '127.0.0.1', port: 6379, role: 'master' },
        { id: 'S', host: '127.0.0.1', port: 26379, role: 'sentinel', masterName: 'mymaster' },
      ],
    });
  });

  it('names the file and each wrong field', () => {
    const p = file(
      'bad.json',
      JSON.stringify({
        nodes: [
          { id: 'A', port: 70000, role: 'master' },
          { id: 'A', port: 1, role: 'primary' },
        ],
      }),
    );
    const result = readNodesFile(p);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toContain(`--nodes ${p}: not a nodes file`);
    expect(error).toContain('nodes[0].port:');
    expect(error).toContain('nodes[1].role:');
    expect(
      readNodesFile(
        file(
          'dup.json',
          JSON.stringify({
            nodes: [
              { id: 'A', port: 1, role: 'master' },
              { id: 'A', port: 2, role: 'master' },
            ],
          }),
        ),
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('nodes[1].id: "A" is also nodes[0]'),
    });
    expect(readNodesFile(file('notjson.json', '{nodes'))).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(readNodesFile(path.join(dir, 'missing.json'))).toMatchObject({ ok: false, error: expect.stringContaining('cannot read it') });
  });
});
