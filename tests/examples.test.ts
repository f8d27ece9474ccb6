import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../src/scenario/defaultScenario.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { run } from '../src/sim/engine/run.ts';
import { formatReply } from '../src/sim/redis/reply.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';

/** Each shipped example tells a story; these tests check the run tells the same one. */
const dir = resolve(import.meta.dirname, '..', 'docs', 'examples');
function load(name: string): unknown {
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
}
function runInput(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return run(parsed.value);
}
/** "C2@40002 SET lock … => OK" lines for every reply a client received. */
function replies(trace: TraceEvent[]): string[] {
  return trace.flatMap((e) => (e.kind === 'reply' ? [`${e.client}@${e.t} ${e.argv.join(' ')} => ${formatReply(e.reply)}`] : []));
}

describe('shipped examples', () => {
  it('docs/examples/failover-raw.json is the default scenario', () => {
    expect(load('failover-raw')).toEqual(DEFAULT_SCENARIO);
  });

  it('default: both clients are told OK for the same lock after failover (S8)', () => {
    const r = runInput(DEFAULT_SCENARIO);
    const lines = replies(r.trace);
    expect(lines).toContain('C1@2 SET lock c1-token NX PX 60000 => OK');
    expect(lines).toContain('C2@7 SET lock c2-token NX PX 60000 => (nil)');
    expect(lines).toContain('C2@40002 SET lock c2-token NX PX 60000 => OK');
    expect(r.trace.find((e) => e.kind === 'failover')).toMatchObject({ from: 'M', to: 'R', t: 31_000 });
  });

  it('replica-read-after-expiry: the replica answers nil while it still holds the key (S11)', () => {
    const r = runInput(load('replica-read-after-expiry'));
    const lines = replies(r.trace);
    expect(lines).toContain('C1@500 GET k => "v"');
    expect(lines).toContain('C1@1001 GET k => (nil)');
    expect(lines).toContain('C1@1001 PTTL k => (integer) -2');
    // The key was still on R at 1001 ms: it leaves R only when M's DEL arrives.
    const delOnR = r.trace.find((e) => e.kind === 'key-del' && e.node === 'R');
    expect(delOnR?.t).toBeGreaterThan(1001);
  });

  it('clock-jump-expires-key: C2 gets the lock 1.1 s after C1 took it for 10 s (R5)', () => {
    const lines = replies(runInput(load('clock-jump-expires-key')).trace);
    expect(lines).toContain('C2@602 SET lock c2 NX PX 10000 => (nil)');
    expect(lines).toContain('C2@1102 SET lock c2 NX PX 10000 => OK');
  });

  it('restart-persistence: only aof-always keeps the lock across a power loss (R9)', () => {
    const lines = replies(runInput(load('restart-persistence')).trace);
    expect(lines.filter((l) => l.includes('GET lock'))).toEqual([
      'C1@2502 GET lock => (nil)',
      'C1@2502 GET lock => (nil)',
      'C1@2502 GET lock => "c1"',
    ]);
  });

  it('partitioned-old-master: C1 writes to the isolated master, which later discards them (R8)', () => {
    const r = runInput(load('partitioned-old-master'));
    const lines = replies(r.trace);
    expect(lines).toContain('C1@2002 SET lock c1 NX PX 30000 => OK');
    expect(lines).toContain('C1@7002 GET lock => "c1"');
    expect(lines).toContain('C2@8002 SET lock c2 NX PX 30000 => OK');
    expect(lines).toContain('C1@11002 GET lock => "c2"');
    expect(r.trace.find((e) => e.kind === 'full-sync' && e.node === 'M')).toMatchObject({ discarded: 1, master: 'R' });
  });
});
