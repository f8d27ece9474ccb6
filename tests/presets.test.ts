import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import type { CheckResult } from '../src/check/types.ts';
import { DEFAULT_PRESET_NAME, findPreset, loadPreset, PRESETS, presetNames } from '../src/scenario/presets/index.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { run } from '../src/sim/engine/run.ts';
import type { Fencing } from '../src/sim/model/scenario.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';

/**
 * Every preset against what the literature says happens (spec section E, S1–S12): the
 * verdict (safe or not, which finding, between whom, about when) and the story that leads
 * to it. All expected values come from the scenario's own timing and the sources, never
 * from a stored run.
 */

type Kind = TraceEvent['kind'];
type Ev<K extends Kind> = Extract<TraceEvent, { kind: K }>;

interface Outcome {
  trace: TraceEvent[];
  verdict: CheckResult;
  hash: string;
  /** Events of one kind, optionally narrowed by a predicate. */
  all<K extends Kind>(kind: K, where?: (e: Ev<K>) => boolean): Ev<K>[];
  /** The first event of a kind that matches; fails the test if there is none. */
  first<K extends Kind>(kind: K, where?: (e: Ev<K>) => boolean): Ev<K>;
}

function runPreset(name: string, fencing?: Fencing): Outcome {
  const parsed = loadPreset(name, fencing === undefined ? {} : { fencing });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  const result = run(parsed.value);
  expect(result.stats.truncated).toBe(false);
  const trace = result.trace;
  const all = <K extends Kind>(kind: K, where?: (e: Ev<K>) => boolean): Ev<K>[] =>
    trace.filter((e): e is Ev<K> => e.kind === kind && (where === undefined || where(e as Ev<K>)));
  const first = <K extends Kind>(kind: K, where?: (e: Ev<K>) => boolean): Ev<K> => {
    const found = all(kind, where)[0];
    if (found === undefined) throw new Error(`${name}: no ${kind} event matching the condition`);
    return found;
  };
  return { trace, verdict: check(trace), hash: result.traceHash, all, first };
}

const by =
  (client: string) =>
  (e: { client: string }): boolean =>
    e.client === client;
const REDLOCK_NODES = ['A', 'B', 'C', 'D', 'E'];
/** TTL 10000 ms, drift 0.01 × 10000 + 2 = 102 ms (R19): validity after a 4 ms round trip. */
const VALIDITY_AFTER_RTT = 10_000 - 4 - 102;

describe('the preset library', () => {
  const dir = resolve(import.meta.dirname, '..', 'src', 'scenario', 'presets');

  it('names are unique, match their files, and every JSON file is listed', () => {
    const names = presetNames();
    expect(new Set(names).size).toBe(names.length);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect([...names].sort()).toEqual(files);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has every preset the spec asks for', () => {
    for (const name of [
      'happy-path',
      'split-vote',
      'gc-pause-during-acquire',
      'gc-pause-after-acquire',
      'delayed-write',
      'clock-jump',
      'restart-no-persistence',
      'restart-aof-always',
      'restart-aof-everysec',
      'delayed-restart',
      'failover-happy-path',
      'failover-loses-lock',
      'failover-with-wait',
      'setnx-expire-crash',
      'set-nx-px-crash',
      'del-without-owner-check',
      'cad-with-owner-check',
      'watchdog-renewal',
      'watchdog-renewal-paused',
      'busy-redlock',
    ]) {
      expect(findPreset(name), name).toBeDefined();
    }
    expect(findPreset(DEFAULT_PRESET_NAME)).toBeDefined();
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '%s parses, has a title and a description citing its S-number and a source',
    (name, preset) => {
      const parsed = parseScenario(preset.scenario);
      expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues)).toBe(true);
      if (!parsed.ok) return;
      expect(loadPreset(name)).toEqual(parsed);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(parsed.value.name.length).toBeGreaterThan(0);
      expect(parsed.value.name).not.toBe('Untitled scenario');
      const description = parsed.value.description;
      expect(description.length).toBeGreaterThan(200);
      expect(description).toMatch(/Expected: (SAFE|UNSAFE)/);
      expect(description).toMatch(/\[(DL|MK|AZ|NR5|NR4|RS|RB|RD|RDD|RIA|SET|EXP|REPL|SEN|PERS|WAIT|EVAL|SRC)\]/);
      if (name !== 'busy-redlock') expect(`${parsed.value.name} ${description}`).toContain(preset.source);
    },
  );

  it.each(presetNames())('%s runs to the same trace hash twice', (name) => {
    const a = runPreset(name);
    const b = runPreset(name);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(b.trace.length).toBe(a.trace.length);
  });

  it('loadPreset refuses an unknown name, and applies a fencing override through validation', () => {
    const unknown = loadPreset('no-such-preset');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]?.message).toContain('happy-path');
    const token = loadPreset('gc-pause-after-acquire', { fencing: 'token' });
    expect(token.ok && token.value.fencing).toBe('token');
    const plain = loadPreset('gc-pause-after-acquire');
    expect(plain.ok && plain.value.fencing).toBe('none');
    // An override is part of the document, so a bad one is an issue, not a crash.
    const bad = loadPreset('gc-pause-after-acquire', { fencing: 'paper' as Fencing });
    expect(bad.ok).toBe(false);
  });

  it('only the presets whose verdict fencing changes are marked for fencing variants', () => {
    expect(
      PRESETS.filter((p) => p.fencingVariants === true)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['delayed-write', 'gc-pause-after-acquire', 'watchdog-renewal-paused']);
  });
});

describe('S1 happy-path [DL]', () => {
  const o = runPreset('happy-path');

  it('is safe: C1 then C2, never both', () => {
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    expect(o.verdict.staleWrites).toEqual([]);
    expect(o.verdict.acquisitions).toBe(2);
    expect(o.verdict.beliefs.map((b) => b.client)).toEqual(['C1', 'C2']);
    expect(o.verdict.deadlocked).toBe(false);
  });

  it('C1: keys set at 2 ms on all five nodes (expire 10002), OK at 4 ms, validity 10000 − 4 − 102', () => {
    const sets = o.all('key-set', (e) => e.t === 2);
    expect(sets.map((e) => e.node).sort()).toEqual(REDLOCK_NODES);
    for (const s of sets) expect(s.expireAtMs).toBe(10_002);
    expect(o.first('lock-acquired', by('C1'))).toMatchObject({ t: 4, validityMs: VALIDITY_AFTER_RTT, validUntilMs: 9_898 });
  });

  it('C2 is refused by all five while C1 holds, and gets the lock after C1 releases', () => {
    const released = o.first('lock-released', by('C1'));
    const failures = o.all('lock-failed', by('C2'));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    for (const f of failures) {
      expect(f).toMatchObject({ reason: 'no-quorum', votes: 0 });
      expect(f.t).toBeLessThan(released.t);
    }
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.t).toBeGreaterThan(released.t);
    expect(c2.votes).toBeGreaterThanOrEqual(3);
  });
});

describe('S2 split-vote [DL, R14]', () => {
  const o = runPreset('split-vote');

  it('is safe but not live for a while: nobody holds the lock from 0 ms until the first winner', () => {
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    const firstWin = o.first('lock-acquired');
    expect(o.verdict.maxUnavailableMs).toBeGreaterThan(0);
    expect(o.verdict.unavailable).toEqual({ fromMs: 0, toMs: firstWin.t });
  });

  it('first round: C1 wins A and B, C2 wins C and D, E is down; both fail with 2 votes and unlock', () => {
    expect(o.first('crash')).toMatchObject({ process: 'E', t: 0 });
    const firstSets = o.all('key-set', (e) => e.t === 2);
    const owner = (node: string) => firstSets.find((e) => e.node === node)?.value.split('-')[0];
    expect(['A', 'B', 'C', 'D'].map(owner)).toEqual(['C1', 'C1', 'C2', 'C2']);
    expect(firstSets.some((e) => e.node === 'E')).toBe(false);
    for (const client of ['C1', 'C2']) {
      expect(o.first('lock-failed', by(client))).toMatchObject({ reason: 'no-quorum', votes: 2 });
    }
    // Step 5: each unlocks all instances at once, removing its own partial keys.
    const cleared = o.all('key-del', (e) => e.via === 'command' && e.t < o.first('lock-acquired').t);
    expect(cleared.map((e) => e.node).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('after a random delay one client wins all four live nodes; the other gets it after the release', () => {
    const [win, second] = o.all('lock-acquired');
    expect(win?.votes).toBeGreaterThanOrEqual(3);
    // The winner retried only after the 50 ms timeout and at least 100 ms of retry delay.
    expect(win?.t).toBeGreaterThanOrEqual(150);
    expect(second?.client).not.toBe(win?.client);
    expect(second?.t).toBeGreaterThan(o.first('lock-released').t);
  });
});

describe('S3 gc-pause-during-acquire [MK, AZ]', () => {
  const o = runPreset('gc-pause-during-acquire');

  it('is safe: only C2 ever holds the lock', () => {
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    expect(o.verdict.beliefs.map((b) => b.client)).toEqual(['C2']);
  });

  it("C1's keys were set at 2 ms and expired at 10002 while C1 was paused; C2 locks A–E at ≈10.1 s", () => {
    for (const node of REDLOCK_NODES) {
      expect(o.first('key-set', (e) => e.node === node && e.value.startsWith('C1-'))).toMatchObject({ t: 2, expireAtMs: 10_002 });
    }
    expect(o.first('pause')).toMatchObject({ process: 'C1', t: 3, untilMs: 15_000 });
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.t).toBeGreaterThan(10_002);
    expect(c2.t).toBeLessThan(10_200);
  });

  it('C1 reads a majority of OKs after the pause, but with no validity left its attempt fails (no-validity)', () => {
    const failed = o.first('lock-failed', by('C1'));
    expect(failed).toMatchObject({ t: 15_000, reason: 'no-validity' });
    expect(failed.votes).toBeGreaterThanOrEqual(3);
    expect(failed.validityMs).toBeLessThan(0);
    // Its unlock is a compare-and-delete on every node: 0 everywhere, C2's keys stay.
    const unlocks = o.all('command', (e) => e.client === 'C1' && e.argv[0] === 'EVAL');
    expect(unlocks.map((e) => e.node).sort()).toEqual(REDLOCK_NODES);
    for (const u of unlocks) expect(u.reply).toEqual({ t: 'int', v: 0 });
    const c2Released = o.first('lock-released', by('C2'));
    expect(o.all('key-del', (e) => e.via === 'command' && e.t < c2Released.t)).toEqual([]);
  });
});

describe('S4 gc-pause-after-acquire [MK, AZ]', () => {
  const story = (o: Outcome) => {
    expect(o.first('lock-acquired', by('C1'))).toMatchObject({ t: 4, epoch: 1, validUntilMs: 9_898 });
    expect(o.first('pause')).toMatchObject({ process: 'C1', t: 9_001, untilMs: 15_000 });
    // C1's belief ended on its own clock while it was paused: it does not know.
    expect(o.first('lease-expired', by('C1')).t).toBe(9_898);
    expect(o.all('lock-lost', by('C1'))).toEqual([]);
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.epoch).toBe(2);
    expect(c2.t).toBeGreaterThan(10_002);
    const c2Write = o.first('storage-write', by('C2'));
    expect(c2Write.verdict).toBe('accepted');
    const c1Write = o.first('storage-write', by('C1'));
    expect(c1Write.t).toBe(15_002);
    expect(c2Write.t).toBeLessThan(c1Write.t);
    // No two beliefs overlap: the damage is in the storage, not in the lock.
    expect(o.verdict.exclusionViolations).toEqual([]);
    return c1Write;
  };

  it('fencing none: UNSAFE — C1’s older write is accepted after C2’s (stale write)', () => {
    const o = runPreset('gc-pause-after-acquire', 'none');
    expect(story(o).verdict).toBe('accepted');
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.staleWrites).toHaveLength(1);
    expect(o.verdict.staleWrites[0]).toMatchObject({ client: 'C1', epoch: 1, newerClient: 'C2', newerEpoch: 2, atMs: 15_002 });
    expect(o.verdict.fencingRejections).toEqual([]);
  });

  it('fencing token: SAFE — the storage has seen token 2 and rejects token 1', () => {
    const o = runPreset('gc-pause-after-acquire', 'token');
    expect(story(o).verdict).toBe('token-too-old');
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.fencingRejections.length).toBeGreaterThanOrEqual(1);
    expect(o.verdict.fencingRejections[0]).toMatchObject({ client: 'C1', verdict: 'token-too-old', token: 1, highestToken: 2 });
  });

  it('fencing cas: SAFE — C2 claimed the resource with its value, C1’s write no longer matches', () => {
    const o = runPreset('gc-pause-after-acquire', 'cas');
    expect(story(o).verdict).toBe('value-mismatch');
    expect(o.all('storage-claim').map((c) => c.client)).toEqual(['C1', 'C2']);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.fencingRejections.length).toBeGreaterThanOrEqual(1);
    expect(o.verdict.fencingRejections[0]).toMatchObject({ client: 'C1', verdict: 'value-mismatch', currentOwner: 'C2' });
  });
});

describe('S5 delayed-write [MK]', () => {
  const story = (o: Outcome) => {
    // C1 did everything right: wrote at 9000 within its validity and released; no pause.
    expect(o.all('pause')).toEqual([]);
    const send = o.first('send', (e) => e.from === 'C1' && e.to === 'storage' && e.type === 'write');
    expect(send.t).toBe(9_000);
    expect(send.deliverAtMs).toBeGreaterThanOrEqual(99_000);
    expect(o.first('lock-released', by('C1')).t).toBeLessThanOrEqual(9_000);
    expect(o.first('lock-acquired', by('C2')).t).toBeGreaterThan(9_000);
    expect(o.verdict.exclusionViolations).toEqual([]);
    const c1Write = o.first('storage-write', by('C1'));
    expect(c1Write.t).toBe(send.deliverAtMs);
    expect(o.first('storage-write', by('C2')).t).toBeLessThan(c1Write.t);
    return c1Write;
  };

  it('fencing none: UNSAFE — the 90 s old write is accepted after C2’s', () => {
    const o = runPreset('delayed-write', 'none');
    expect(story(o).verdict).toBe('accepted');
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.staleWrites).toHaveLength(1);
    expect(o.verdict.staleWrites[0]).toMatchObject({ client: 'C1', epoch: 1, newerClient: 'C2', newerEpoch: 2 });
  });

  it.each(['token', 'cas'] as const)('fencing %s: SAFE with one fencing rejection of C1', (fencing) => {
    const o = runPreset('delayed-write', fencing);
    expect(story(o).verdict).toBe(fencing === 'token' ? 'token-too-old' : 'value-mismatch');
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.fencingRejections).toHaveLength(1);
    expect(o.verdict.fencingRejections[0]?.client).toBe('C1');
  });
});

describe('S6 clock-jump [MK, AZ]', () => {
  const o = runPreset('clock-jump');

  it('is unsafe: C1 and C2 both hold the lock from C2’s acquisition at ≈1104 ms', () => {
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.exclusionViolations).toHaveLength(1);
    const v = o.verdict.exclusionViolations[0];
    expect(v?.clients).toEqual(['C1', 'C2']);
    expect(v?.atMs).toBe(o.first('lock-acquired', by('C2')).t);
    expect(v?.atMs).toBeGreaterThanOrEqual(1_100);
    expect(v?.atMs).toBeLessThan(1_200);
  });

  it('C1 holds A, B, C; C’s clock jumps +10 s and expires C1’s key; C2 wins C, D, E', () => {
    expect([...o.first('lock-acquired', by('C1')).nodes].sort()).toEqual(['A', 'B', 'C']);
    const jump = o.first('clock-jump');
    expect(jump).toMatchObject({ process: 'C', t: 1_000, deltaMs: 10_000 });
    const expired = o.first('key-del', (e) => e.node === 'C');
    expect(expired.via).not.toBe('command');
    expect(expired.t).toBeGreaterThanOrEqual(1_000);
    expect(expired.t).toBeLessThan(1_100);
    expect([...o.first('lock-acquired', by('C2')).nodes].sort()).toEqual(['C', 'D', 'E']);
    // A and B still hold C1's key: nothing happened to them.
    expect(o.all('key-del', (e) => (e.node === 'A' || e.node === 'B') && e.t < 1_200)).toEqual([]);
  });
});

describe('S7 restarts [DL, MK, AZ]', () => {
  const c2Nodes = (o: Outcome) => [...o.first('lock-acquired', by('C2')).nodes].sort();

  it('restart-no-persistence (S7a): C restarts empty, C2 locks C, D, E → UNSAFE, C1/C2 overlap', () => {
    const o = runPreset('restart-no-persistence');
    expect(o.first('crash', (e) => e.process === 'C')).toMatchObject({ t: 900, keysLost: 1 });
    expect(o.first('restart', (e) => e.process === 'C')).toMatchObject({ t: 1_500, keysLoaded: 0 });
    expect(c2Nodes(o)).toEqual(['C', 'D', 'E']);
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.exclusionViolations).toHaveLength(1);
    expect(o.verdict.exclusionViolations[0]?.clients).toEqual(['C1', 'C2']);
    const at = o.verdict.exclusionViolations[0]?.atMs ?? 0;
    expect(at).toBeGreaterThanOrEqual(1_600);
    expect(at).toBeLessThan(1_700);
  });

  it('restart-aof-always (S7b): C reloads C1’s key with its absolute expiry, so C2 gets only 2 votes → SAFE', () => {
    const o = runPreset('restart-aof-always');
    expect(o.first('restart', (e) => e.process === 'C')).toMatchObject({ t: 1_500, keysLoaded: 1 });
    const loaded = o.first('key-set', (e) => e.node === 'C' && e.via === 'load');
    expect(loaded.value).toBe(o.first('lock-acquired', by('C1')).value);
    expect(loaded.expireAtMs).toBe(10_002);
    const failures = o.all('lock-failed', by('C2'));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    for (const f of failures) expect(f).toMatchObject({ reason: 'no-quorum', votes: 2 });
    expect(o.all('lock-acquired', by('C2'))).toEqual([]);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
  });

  it('restart-aof-everysec (S7c): the crash comes before C’s first fsync, the key is lost → UNSAFE as S7a', () => {
    const o = runPreset('restart-aof-everysec');
    const crash = o.first('crash', (e) => e.process === 'C');
    expect(o.all('aof-fsync', (e) => e.node === 'C' && e.t <= crash.t)).toEqual([]);
    expect(o.first('restart', (e) => e.process === 'C')).toMatchObject({ keysLoaded: 0, persistence: 'aof-everysec' });
    expect(c2Nodes(o)).toEqual(['C', 'D', 'E']);
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.exclusionViolations[0]?.clients).toEqual(['C1', 'C2']);
  });

  it('delayed-restart (S7d): C stays down until 11100 (> crash + TTL), C2 gets only D, E until then → SAFE', () => {
    const o = runPreset('delayed-restart');
    expect(o.first('restart-delayed')).toMatchObject({ process: 'C', t: 1_500, untilMs: 11_100 });
    const restart = o.first('restart', (e) => e.process === 'C');
    expect(restart.t).toBe(11_100);
    const early = o.all('lock-failed', (e) => e.client === 'C2' && e.t < restart.t);
    expect(early.length).toBeGreaterThanOrEqual(1);
    for (const f of early) expect(f).toMatchObject({ reason: 'no-quorum', votes: 2 });
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.t).toBeGreaterThan(restart.t);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    // Safety costs availability: C2 waits for the restart.
    expect(o.verdict.maxUnavailableMs).toBeGreaterThan(5_000);
  });
});

describe('S8 failover [DL, SEN, REPL, WAIT]', () => {
  it('failover-loses-lock: M dies before replicating, R is promoted, C2 locks R → UNSAFE, C1/C2 from ≈31 s', () => {
    const o = runPreset('failover-loses-lock');
    const c1 = o.first('lock-acquired', by('C1'));
    expect(c1.nodes).toEqual(['M']);
    expect(o.first('crash', (e) => e.process === 'M').t).toBe(200);
    // The write never reached the replica.
    expect(o.all('key-set', (e) => e.node === 'R' && e.value === c1.value)).toEqual([]);
    const failover = o.first('failover');
    expect(failover).toMatchObject({ from: 'M', to: 'R' });
    expect(failover.t).toBeGreaterThanOrEqual(30_000);
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.nodes).toEqual(['R']);
    expect(c2.t).toBeGreaterThan(failover.t);
    expect(c1.validUntilMs).toBeGreaterThan(c2.t);
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.exclusionViolations).toHaveLength(1);
    expect(o.verdict.exclusionViolations[0]).toMatchObject({ clients: ['C1', 'C2'], atMs: c2.t });
  });

  it('failover-with-wait: WAIT 1 100 returns 0, C1 reports wait-no-ack and never holds → SAFE', () => {
    const o = runPreset('failover-with-wait');
    expect(o.first('wait-done')).toMatchObject({ node: 'M', client: 'C1', acked: 0, timedOut: true });
    const failed = o.first('lock-failed', by('C1'));
    expect(failed).toMatchObject({ reason: 'wait-no-ack', votes: 1 });
    expect(failed.t).toBeLessThan(200);
    expect(o.all('lock-acquired', by('C1'))).toEqual([]);
    const failover = o.first('failover');
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.nodes).toEqual(['R']);
    expect(c2.t).toBeGreaterThan(failover.t);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    expect(o.verdict.acquisitions).toBe(1);
  });
});

describe('S9 crash between SETNX and EXPIRE [RIA]', () => {
  it('setnx-expire-crash: the key has no TTL and its owner is gone → deadlocked (safe, not live)', () => {
    const o = runPreset('setnx-expire-crash');
    const set = o.first('key-set', (e) => e.node === 'A');
    expect(set.expireAtMs).toBe(-1);
    expect(set.value.startsWith('C1-')).toBe(true);
    expect(o.first('crash', (e) => e.process === 'C1').t).toBe(3);
    expect(o.all('command', (e) => e.argv[0] === 'EXPIRE')).toEqual([]);
    for (const f of o.all('lock-failed', by('C2'))) expect(f.reason).toBe('refused');
    expect(o.first('lock-gave-up', by('C2'))).toBeDefined();
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.acquisitions).toBe(0);
    expect(o.verdict.deadlocked).toBe(true);
    expect(o.verdict.deadlocks).toHaveLength(1);
    expect(o.verdict.deadlocks[0]).toMatchObject({ node: 'A', key: 'lock', owner: 'C1', value: set.value });
  });

  it('set-nx-px-crash: the same crash, but the key expires at 10002 and C2 gets the lock → not deadlocked', () => {
    const o = runPreset('set-nx-px-crash');
    expect(o.first('key-set', (e) => e.node === 'A')).toMatchObject({ t: 2, expireAtMs: 10_002 });
    expect(o.first('crash', (e) => e.process === 'C1').t).toBe(3);
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.t).toBeGreaterThan(10_002);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.deadlocked).toBe(false);
    expect(o.verdict.deadlocks).toEqual([]);
    // The price is the TTL: nobody could lock between C2's first try and the expiry.
    expect(o.verdict.maxUnavailableMs).toBeGreaterThan(8_000);
  });
});

describe('S10 release without an ownership check [DL, SET]', () => {
  it('del-without-owner-check: C1’s DEL removes C2’s key, C3 acquires → C2 and C3 both hold (UNSAFE)', () => {
    const o = runPreset('del-without-owner-check');
    const c2 = o.first('lock-acquired', by('C2'));
    expect(c2.t).toBeGreaterThan(10_002);
    const del = o.first('command', (e) => e.client === 'C1' && e.argv[0] === 'DEL');
    expect(del.t).toBeGreaterThanOrEqual(12_000);
    expect(del.reply).toEqual({ t: 'int', v: 1 });
    // What it deleted was C2's key: the last value set on A before the DEL.
    const before = o.all('key-set', (e) => e.node === 'A' && e.t < del.t).at(-1);
    expect(before?.value).toBe(c2.value);
    expect(o.first('key-del', (e) => e.node === 'A' && e.t === del.t).via).toBe('command');
    const c3 = o.first('lock-acquired', by('C3'));
    expect(c3.t).toBeGreaterThan(del.t);
    expect(c3.t).toBeLessThan(o.first('lock-released', by('C2')).t);
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.exclusionViolations).toHaveLength(1);
    expect(o.verdict.exclusionViolations[0]).toMatchObject({ clients: ['C2', 'C3'], atMs: c3.t });
    expect(o.verdict.staleWrites[0]).toMatchObject({ client: 'C2', newerClient: 'C3' });
  });

  it('cad-with-owner-check: C1’s compare-and-delete answers 0, C3 waits for C2 → SAFE', () => {
    const o = runPreset('cad-with-owner-check');
    const cad = o.first('command', (e) => e.client === 'C1' && e.argv[0] === 'EVAL');
    expect(cad.argv[1]).toBe('compare-and-delete');
    expect(cad.t).toBeGreaterThanOrEqual(12_000);
    expect(cad.reply).toEqual({ t: 'int', v: 0 });
    expect(o.all('key-del', (e) => e.t === cad.t)).toEqual([]);
    expect(o.first('lock-acquired', by('C3')).t).toBeGreaterThan(o.first('lock-released', by('C2')).t);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    expect(o.verdict.staleWrites).toEqual([]);
    expect(o.verdict.acquisitions).toBe(3);
  });
});

describe('S12 auto-extension [NR5, RD]', () => {
  it('watchdog-renewal: extensions at validity − 500 ms keep C1 holding for 25 s; C2 waits → SAFE', () => {
    const o = runPreset('watchdog-renewal');
    const extended = o.all('lock-extended', by('C1'));
    expect(extended.length).toBeGreaterThanOrEqual(2);
    // Extension starts at 9898 − 500 = 9398; new validity = 9398 + 10000 − 102.
    expect(extended[0]?.t).toBeGreaterThanOrEqual(9_398);
    expect(extended[0]?.t).toBeLessThan(9_898);
    expect(extended[0]?.validUntilMs).toBe(9_398 + 10_000 - 102);
    const released = o.first('lock-released', by('C1'));
    expect(released.t).toBeGreaterThanOrEqual(25_000);
    expect(o.all('lease-expired', by('C1'))).toEqual([]);
    for (const f of o.all('lock-failed', by('C2'))) expect(f.t).toBeLessThan(released.t);
    expect(o.first('lock-acquired', by('C2')).t).toBeGreaterThan(released.t);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
  });

  const pausedStory = (o: Outcome) => {
    expect(o.first('pause')).toMatchObject({ process: 'C1', t: 9_000, untilMs: 20_000 });
    expect(o.all('lock-extended')).toEqual([]);
    expect(o.first('lease-expired', by('C1')).t).toBe(9_898);
    expect(o.first('lock-acquired', by('C2')).t).toBeGreaterThan(10_002);
    expect(o.first('lock-lost', by('C1'))).toMatchObject({ reason: 'extend-failed' });
    const c1Write = o.first('storage-write', by('C1'));
    expect(c1Write.t).toBeGreaterThan(20_000);
    expect(o.first('storage-write', by('C2')).t).toBeLessThan(c1Write.t);
    expect(o.verdict.exclusionViolations).toEqual([]);
  };

  it('watchdog-renewal-paused, fencing none: the extension never ran, C1 writes after C2 → UNSAFE (stale write)', () => {
    const o = runPreset('watchdog-renewal-paused');
    pausedStory(o);
    expect(o.verdict.safe).toBe(false);
    expect(o.verdict.staleWrites[0]).toMatchObject({ client: 'C1', epoch: 1, newerClient: 'C2', newerEpoch: 2 });
  });

  it.each(['token', 'cas'] as const)('watchdog-renewal-paused, fencing %s: the late write is rejected → SAFE', (fencing) => {
    const o = runPreset('watchdog-renewal-paused', fencing);
    pausedStory(o);
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.fencingRejections.length).toBeGreaterThanOrEqual(1);
    expect(o.verdict.fencingRejections.every((r) => r.client === 'C1')).toBe(true);
  });
});

describe('busy-redlock (benchmark, no faults) [DL]', () => {
  const o = runPreset('busy-redlock');

  it('is safe and lively: dozens of hand-overs, every client gets its turns, no deadlock', () => {
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.exclusionViolations).toEqual([]);
    expect(o.verdict.staleWrites).toEqual([]);
    expect(o.verdict.deadlocked).toBe(false);
    expect(o.verdict.acquisitions).toBeGreaterThanOrEqual(40);
    for (const client of ['C1', 'C2', 'C3']) expect(o.all('lock-acquired', by(client)).length).toBeGreaterThanOrEqual(10);
    expect(o.verdict.maxUnavailableMs).toBeLessThan(1_000);
    expect(o.all('crash')).toEqual([]);
    expect(o.all('pause')).toEqual([]);
  });

  it('has contention: refusals and some split votes, all resolved by unlock-and-retry', () => {
    const failed = o.all('lock-failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.reason === 'no-quorum')).toBe(true);
    expect(failed.some((f) => f.votes > 0)).toBe(true);
  });
});

describe('failover-happy-path (S8 setup, no faults) [DL][REPL][SEN]', () => {
  const o = runPreset('failover-happy-path');
  it('is safe: C1 holds the lock on M, the key reaches R by replication, C2 gets the lock only after C1 releases', () => {
    expect(o.verdict.safe).toBe(true);
    expect(o.verdict.acquisitions).toBe(2);
    const c1 = o.first('lock-acquired', by('C1'));
    expect(c1.nodes).toEqual(['M']);
    const replicated = o.first('key-set', (e) => e.node === 'R' && e.via === 'replication');
    expect(replicated.t).toBeGreaterThanOrEqual(1000); // replication lag 1 s
    const released = o.first('lock-released', by('C1'));
    expect(o.first('lock-acquired', by('C2')).t).toBeGreaterThan(released.t);
    expect(o.all('failover')).toHaveLength(0);
  });

  /** What the playground's "kill the master" does to this run, depending on when. */
  function killedAt(atMs: number): CheckResult {
    const parsed = loadPreset('failover-happy-path');
    if (!parsed.ok) throw new Error('invalid');
    return check(run({ ...parsed.value, timeline: [{ atMs, kind: 'kill-master', restartAfterMs: null }] }).trace);
  }

  it('becomes S8 when the master dies before the key reached the replica: Sentinel promotes R and C2 locks it while C1 holds', () => {
    const v = killedAt(300);
    expect(v.safe).toBe(false);
    expect(v.exclusionViolations[0]?.clients).toEqual(['C1', 'C2']);
    // down-after 5 s + promotion 1 s after the crash, then C2's next poll
    expect(v.exclusionViolations[0]?.atMs).toBeGreaterThan(6300);
    expect(v.exclusionViolations[0]?.atMs).toBeLessThan(8000);
  });

  it('stays safe when the master dies after replication: R already has C1\'s key', () => {
    expect(killedAt(2000).safe).toBe(true);
    expect(killedAt(2000).exclusionViolations).toHaveLength(0);
  });
});
