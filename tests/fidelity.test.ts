import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import Redis, { ReplyError } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../src/scenario/issues.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { Prng } from '../src/sim/core/prng.ts';
import { type RunResult, run } from '../src/sim/engine/run.ts';
import type { ScriptStep } from '../src/sim/model/scenario.ts';
import type { Reply } from '../src/sim/redis/reply.ts';
import { SCRIPTS } from '../src/sim/redis/scripts.ts';
import { type MasterReplica, rawCommand, startMasterReplica } from './support/redisServer.ts';

/**
 * Fidelity: the same command sequences run in the simulation (master M, replica R, one
 * scripted client) and, with real waits, on a real redis-server master/replica pair. The
 * replies must match one for one.
 *
 * Honest differences, and how the test handles them:
 * - Real time jitters by a few ms; the simulation does not. Commands are 100 ms apart and
 *   TTLs end 50 ms between commands (k*100+50 ms), and `findHazards` drops any step that the
 *   simulated timeline puts within MARGIN_MS of an expiry (or of a TTL rounding boundary,
 *   or of a GT/LT tie), where the real outcome would depend on scheduling luck.
 * - PTTL may differ by up to PTTL_TOLERANCE_MS (< MARGIN_MS) for the same reason. TTL (whole
 *   seconds) is compared exactly: the guard keeps it away from its .5 s rounding boundary.
 * - ioredis returns a status reply (+OK) and a bulk string alike as a JS string, so status
 *   and bulk replies are compared by value.
 * - Limits that depend on the absolute clock (now + TTL overflowing int64) sit elsewhere for
 *   a simulated clock that starts near 0 than for the Unix epoch; the error cases only use
 *   values on the same side of the limit for both clocks.
 * About 10 sequences × ~24 commands plus ~90 fixed cases; the file takes about 30 s.
 */
const STEP_MS = 100;
const MARGIN_MS = 40;
const PTTL_TOLERANCE_MS = 30;
const LATENCY_MS = 1;
const RANDOM_SEQUENCES = 10;
const STEPS_PER_SEQUENCE = 24;
/** FIDELITY_SEED=<n> replays one sequence (the seed printed by a failure). */
const SEEDS = process.env.FIDELITY_SEED
  ? [Number(process.env.FIDELITY_SEED)]
  : Array.from({ length: RANDOM_SEQUENCES }, (_, i) => 7001 + i);

type NodeId = 'M' | 'R';
/** A reply in a form both sides can produce: strings (status or bulk), nil, integers, errors. */
type Norm = string | number | null | { error: string };

let servers: MasterReplica;
let admin: Redis;

beforeAll(async () => {
  // DEBUG (local connections only) lets the replica-expiry test switch off active expiry on M.
  servers = await startMasterReplica(['--enable-debug-command', 'local']);
  admin = connect(servers.master.port);
  await admin.connect();
}, 30_000);

afterAll(async () => {
  admin?.disconnect();
  await servers?.stop();
}, 30_000);

describe('simulated Redis matches redis-server 7.0 reply for reply', () => {
  it('knows the SHA-1 of every script (Redis names a script by it in error replies)', () => {
    for (const [name, script] of Object.entries(SCRIPTS)) {
      expect(script.sha1, name).toBe(createHash('sha1').update(script.lua).digest('hex'));
    }
  });

  for (const seed of SEEDS) {
    it(`random sequence, seed ${seed}`, async () => {
      const { steps, sim, masterHz } = generateSequence(seed);
      await compareWithRedis(steps, sim, masterHz, `seed ${seed} (rerun: FIDELITY_SEED=${seed} npx vitest run tests/fidelity.test.ts)`);
    });
  }

  it('the random sequences read keys on R that R still stores but must report expired (R6)', () => {
    if (process.env.FIDELITY_SEED) return; // one sequence need not contain such a read
    const reads = SEEDS.reduce((n, seed) => n + countReplicaReadsAfterExpiry(generateSequence(seed).sim), 0);
    expect(reads).toBeGreaterThanOrEqual(5);
  });

  it('error replies: texts, argument checks and their order', async () => {
    const steps = spaced(ERROR_CASES, 20);
    await compareWithRedis(steps, simulate(steps), 10, 'error cases');
  });

  it('a replica reports a key expired on the master clock although it still holds it (R6, S11)', async () => {
    const steps = spaced(
      [
        ['M', ['SET', 'lock', 'v1', 'PX', '300']],
        ['M', ['WAIT', '1', '100']],
        ['R', ['GET', 'lock']],
        ['R', ['PTTL', 'lock']],
        ['R', ['TTL', 'lock']],
        ['R', ['EXISTS', 'lock']],
        null, // the key expires 300 ms after the SET, on both clocks
        ['R', ['GET', 'lock']],
        ['R', ['EXISTS', 'lock']],
        ['R', ['PTTL', 'lock']],
        ['R', ['TTL', 'lock']],
        ['R', ['EVAL', 'compare-and-delete', '1', 'lock', 'v1']],
        ['R', ['EVAL', 'compare-and-extend', '1', 'lock', 'v1', '1000']],
      ],
      50,
    );
    // Nothing may delete the key: no active expiry on M (real: DEBUG; simulation: hz 1, so the
    // first cycle comes after the run), and nobody touches it on M.
    const sim = simulate(steps, 1);
    expect(sim.nodes.find((n) => n.id === 'R')?.keys.map((k) => k.key)).toEqual(['lock']);
    await admin.call('DEBUG', ['SET-ACTIVE-EXPIRE', '0']);
    try {
      await compareWithRedis(steps, sim, 1, 'replica expiry');
      expect(await rawCommand(servers.replica.port, ['DBSIZE']), 'the real replica still stores the key').toBe(':1');
    } finally {
      await admin.call('DEBUG', ['SET-ACTIVE-EXPIRE', '1']);
    }
  });

  // Redis parses WAIT's timeout with getTimeoutFromObjectOrReply, whose error text differs
  // from the numreplicas one ("timeout is not an integer or out of range").
  it('WAIT with a non-integer timeout', async () => {
    const steps = spaced([['M', ['WAIT', '1', 'abc']]], 20);
    await compareWithRedis(steps, simulate(steps), 10, 'WAIT timeout');
  });
});

// ---------------------------------------------------------------- the two sides

function simulate(steps: ScriptStep[], masterHz = 10): RunResult {
  const last = Math.max(0, ...steps.map((s) => s.atMs));
  const parsed = parseScenario({
    version: 1,
    name: 'fidelity',
    durationMs: last + 300,
    nodes: [
      { id: 'M', hz: masterHz },
      { id: 'R', replicaOf: 'M' },
    ],
    network: { latencyMs: { kind: 'fixed', ms: LATENCY_MS }, replicationLagMs: { kind: 'fixed', ms: 1 } },
    clients: [{ id: 'C', strategy: { kind: 'script', steps } }],
  });
  if (!parsed.ok) throw new Error(`invalid scenario:\n${formatIssues(parsed.issues)}`);
  return run(parsed.value);
}

function simReplies(sim: RunResult): Array<{ argv: string[]; reply: Norm }> {
  return sim.trace.flatMap((e) => (e.kind === 'reply' ? [{ argv: e.argv, reply: fromSim(e.reply) }] : []));
}

function fromSim(reply: Reply): Norm {
  return reply.t === 'err' ? { error: reply.v } : reply.v;
}

function connect(port: number): Redis {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    disableClientInfo: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // failures surface as rejected commands, not as unhandled events
  return client;
}

/** Replays the steps on the real servers, each at start + atMs on a real timer. */
async function replayOnRedis(steps: readonly ScriptStep[]): Promise<Norm[]> {
  const clients: Record<NodeId, Redis> = { M: connect(servers.master.port), R: connect(servers.replica.port) };
  await Promise.all(Object.values(clients).map((c) => c.connect()));
  try {
    const start = performance.now() + 50;
    return await Promise.all(
      steps.map(async (step) => {
        await new Promise((resolve) => setTimeout(resolve, start + step.atMs - performance.now()));
        return send(clients[step.node as NodeId], step.argv);
      }),
    );
  } finally {
    for (const c of Object.values(clients)) c.disconnect();
  }
}

async function send(client: Redis, argv: readonly string[]): Promise<Norm> {
  // The simulation names its scripts; a real server gets their Lua source.
  const script = argv[0]?.toUpperCase() === 'EVAL' ? SCRIPTS[argv[1] ?? ''] : undefined;
  const real = script === undefined ? [...argv] : ['EVAL', script.lua, ...argv.slice(2)];
  try {
    return (await client.call(real[0] as string, real.slice(1))) as Norm;
  } catch (e) {
    if (e instanceof ReplyError) return { error: (e as Error).message };
    throw e;
  }
}

/** Runs the steps on the real servers and compares; `masterHz` must be the simulated M's hz. */
async function compareWithRedis(steps: ScriptStep[], sim: RunResult, masterHz: number, label: string): Promise<void> {
  await admin.call('CONFIG', ['SET', 'hz', String(masterHz)]);
  await admin.call('FLUSHALL');
  await admin.call('WAIT', ['1', '1000']); // the replica is empty too before the sequence starts
  const hazards = findHazards(steps, sim);
  expect(hazards, `${label}: steps too close to an expiry to compare`).toEqual([]);
  const simulated = simReplies(sim);
  expect(
    simulated.map((r) => r.argv),
    `${label}: the simulation answered every step in order`,
  ).toEqual(steps.map((s) => s.argv));
  const real = await replayOnRedis(steps);
  const lines: string[] = [];
  let mismatches = 0;
  steps.forEach((step, i) => {
    const a = simulated[i]?.reply ?? null;
    const b = real[i] ?? null;
    const same = sameReply(step.argv, a, b);
    if (!same) mismatches++;
    lines.push(
      `${same ? '  ' : '✗ '}${String(step.atMs).padStart(5)} ms ${step.node} ${step.argv.join(' ')}  sim=${show(a)} real=${show(b)}`,
    );
  });
  if (process.env.FIDELITY_VERBOSE) console.log(`${label}\n${lines.join('\n')}`);
  expect(mismatches, `${label}: ${mismatches} replies differ\n${lines.join('\n')}`).toBe(0);
}

function sameReply(argv: readonly string[], sim: Norm, real: Norm): boolean {
  if (argv[0]?.toUpperCase() === 'PTTL' && typeof sim === 'number' && typeof real === 'number' && sim >= 0 && real >= 0) {
    return Math.abs(sim - real) <= PTTL_TOLERANCE_MS;
  }
  return isDeepStrictEqual(sim, real);
}

const show = (r: Norm): string => (r !== null && typeof r === 'object' ? `(error) ${r.error}` : JSON.stringify(r));

// ---------------------------------------------------------------- timing guard

/** The keys a command reads or writes. */
function touchedKeys(argv: readonly string[]): string[] {
  const name = argv[0]?.toUpperCase();
  if (name === 'EVAL') return argv.slice(3, 3 + Math.max(0, Number(argv[2]) || 0));
  if (name === 'DEL' || name === 'EXISTS') return argv.slice(1);
  if (name === 'WAIT' || name === 'PING') return [];
  return argv.slice(1, 2);
}

/**
 * Walks the simulated trace, tracking every key's expiry on each node, and calls `visit`
 * for each command with the expiries (ms, -1 = none; absent = no key) of the keys it touches.
 */
function walkCommands(
  sim: RunResult,
  visit: (e: { t: number; node: string; argv: string[]; nodeMs: number }, expiries: Map<string, number>) => void,
): void {
  const nodes = new Map<string, Map<string, number>>();
  const keysOf = (node: string): Map<string, number> => {
    const keys = nodes.get(node) ?? new Map<string, number>();
    nodes.set(node, keys);
    return keys;
  };
  for (const e of sim.trace) {
    if (e.kind === 'key-set') keysOf(e.node).set(e.key, e.expireAtMs);
    else if (e.kind === 'key-expire') keysOf(e.node).set(e.key, e.expireAtMs);
    else if (e.kind === 'key-del') keysOf(e.node).delete(e.key);
    else if (e.kind === 'command') {
      const expiries = new Map<string, number>();
      for (const key of touchedKeys(e.argv)) {
        const at = keysOf(e.node).get(key);
        if (at !== undefined) expiries.set(key, at);
      }
      visit(e, expiries);
    }
  }
}

/** Steps whose real-time outcome could go either way: too near an expiry, a TTL rounding edge, or a GT/LT tie. */
function findHazards(steps: readonly ScriptStep[], sim: RunResult): ScriptStep[] {
  const hazards = new Set<ScriptStep>();
  walkCommands(sim, (e, expiries) => {
    const step = steps.find((s) => s.atMs + LATENCY_MS === e.t && s.node === e.node);
    if (step === undefined) return; // a WAIT answered later; it touches no key
    const name = e.argv[0]?.toUpperCase();
    for (const at of expiries.values()) {
      if (at < 0) continue;
      const left = at - e.nodeMs;
      if (Math.abs(left) < MARGIN_MS) hazards.add(step);
      if (name === 'TTL' && left > 0 && Math.abs((left % 1000) - 500) < MARGIN_MS) hazards.add(step);
      const flags = e.argv.slice(3).map((f) => f.toUpperCase());
      if ((name === 'EXPIRE' || name === 'PEXPIRE') && (flags.includes('GT') || flags.includes('LT'))) {
        const when = e.nodeMs + Number(e.argv[2]) * (name === 'EXPIRE' ? 1000 : 1);
        if (Math.abs(when - at) < MARGIN_MS) hazards.add(step);
      }
    }
  });
  return steps.filter((s) => hazards.has(s));
}

/** Replica reads of a key R still stores but reports as expired (R6). */
function countReplicaReadsAfterExpiry(sim: RunResult): number {
  let n = 0;
  walkCommands(sim, (e, expiries) => {
    if (e.node === 'R' && [...expiries.values()].some((at) => at >= 0 && e.nodeMs > at)) n++;
  });
  return n;
}

// ---------------------------------------------------------------- sequences

const KEYS = ['lock', 'k2', 'n'];
/** '7' lets INCR succeed, 'a' and 'b' make it fail; two values let compare scripts take both branches. */
const VALUES = ['a', 'b', '7'];

function pick<T>(p: Prng, items: readonly T[]): T {
  return items[p.intInclusive(0, items.length - 1)] as T;
}

/** TTLs end half-way between two commands. */
const ttl = (p: Prng): string => String(p.intInclusive(1, 9) * STEP_MS + STEP_MS / 2);

/**
 * One random command. `written` remembers the last value the sequence tried to write per
 * key, so that compare scripts and reads mostly aim at a live lock (both branches get hit).
 */
function randomCommand(p: Prng, written: Map<string, string>): [NodeId, string[]] {
  const known = [...written.keys()];
  const key = known.length > 0 && p.chance(0.8) ? pick(p, known) : pick(p, KEYS);
  const other = pick(p, KEYS);
  const val = pick(p, VALUES);
  const mine = p.chance(0.7) ? (written.get(key) ?? val) : val;
  const node: NodeId = p.chance(0.2) ? 'R' : 'M';
  const reader: NodeId = p.chance(0.6) ? 'R' : 'M';
  // Weighted: a third of the draws are reads (half of them on R), so keys are observed
  // while they live, as they expire, and after.
  switch (p.intInclusive(0, 15)) {
    case 0:
    case 1:
    case 2: {
      const cond = pick(p, [['NX'], ['NX'], ['XX'], ['NX', 'GET'], ['GET'], []]);
      const expiry = pick(p, [['PX', ttl(p)], ['PX', ttl(p)], ['PX', ttl(p)], ['EX', '1'], ['KEEPTTL'], []]);
      if (node === 'M') written.set(key, val);
      return [node, ['SET', key, val, ...cond, ...expiry]];
    }
    case 3:
      if (node === 'M') written.set(key, val);
      return [node, ['SETNX', key, val]];
    case 4:
    case 5:
      return [reader, ['GET', key]];
    case 6:
    case 7:
      return [reader, [pick(p, ['PTTL', 'PTTL', 'TTL']), key]];
    case 8:
      return [reader, p.chance(0.3) ? ['EXISTS', key, other] : ['EXISTS', key]];
    case 9:
      return [node, p.chance(0.5) ? ['INCR', 'n'] : p.chance(0.3) ? ['DEL', key, other] : ['DEL', key]];
    case 10: {
      const flag = pick(p, [[], [], ['NX'], ['XX'], ['GT'], ['LT']]);
      if (p.chance(0.4)) return [node, ['EXPIRE', key, pick(p, ['1', '2']), ...flag]];
      return [node, ['PEXPIRE', key, p.chance(0.15) ? pick(p, ['0', '-100']) : ttl(p), ...flag]];
    }
    case 11:
      return [node, ['EVAL', 'compare-and-delete', '1', key, mine]];
    case 12:
    case 13:
      return [node, ['EVAL', 'compare-and-extend', '1', key, mine, ttl(p)]];
    default:
      return [
        node,
        pick(p, [
          ['EVAL', 'redsync-delete', '1', key, mine],
          ['EVAL', 'node-redlock-acquire', '2', key, other, val, ttl(p)],
          ['EVAL', 'node-redlock-extend', '1', key, mine, ttl(p)],
          ['EVAL', 'node-redlock-release', '2', key, other, mine],
        ]),
      ];
  }
}

const WRITES = new Set(['SET', 'SETNX', 'DEL', 'EXPIRE', 'PEXPIRE', 'INCR', 'EVAL']);

/** The key and TTL (ms) a command on M may set, if it sets one. */
function expiryOf(argv: readonly string[]): { key: string; ms: number } | null {
  const name = argv[0] as string;
  const at = (i: number, unit = 1) => ({ key: (name === 'EVAL' ? argv[3] : argv[1]) as string, ms: Number(argv[i]) * unit });
  if (name === 'SET') {
    const i = argv.findIndex((a) => a === 'PX' || a === 'EX');
    return i < 0 ? null : at(i + 1, argv[i] === 'EX' ? 1000 : 1);
  }
  if (name === 'PEXPIRE' || name === 'EXPIRE') return at(2, name === 'EXPIRE' ? 1000 : 1);
  if (argv[1] === 'compare-and-extend') return at(5);
  if (argv[1] === 'node-redlock-acquire' || argv[1] === 'node-redlock-extend') return at(argv.length - 1);
  return null;
}

/**
 * A random sequence, one command per 100 ms slot. After some writes on M, a WAIT 1 100
 * follows; after a command that sets a TTL, a read of the key on R is often booked for
 * the slot just after it expires (R6: R must report it missing although it still stores
 * it, unless M touched it meanwhile). Steps the simulated run puts too close to an expiry
 * are then dropped (and the run repeated) until none is left.
 */
function generateSequence(seed: number): { steps: ScriptStep[]; sim: RunResult; masterHz: number } {
  const p = new Prng(seed);
  // hz 1 leaves expired keys on M (and so on R) for up to a second, so R often reads a key it
  // still stores but must report as expired (R6). Replies do not depend on hz; coverage does.
  const masterHz = p.chance(0.5) ? 1 : 10;
  const slots: Array<[NodeId, string[]] | null> = new Array(STEPS_PER_SEQUENCE).fill(null);
  const book = (slot: number, command: [NodeId, string[]]) => {
    if (slot < slots.length && slots[slot] === null) slots[slot] = command;
  };
  const written = new Map<string, string>();
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== null) continue;
    const [node, argv] = randomCommand(p, written);
    slots[i] = [node, argv];
    if (node !== 'M' || !WRITES.has(argv[0] as string)) continue;
    if (p.chance(0.2)) book(i + 1, ['M', ['WAIT', '1', '100']]);
    const expiry = expiryOf(argv);
    if (expiry !== null && expiry.ms > 0 && p.chance(0.6)) {
      book(i + Math.floor(expiry.ms / STEP_MS) + 1, ['R', [pick(p, ['GET', 'PTTL', 'TTL', 'EXISTS']), expiry.key]]);
    }
  }
  let steps = spaced(slots, STEP_MS);
  for (;;) {
    const sim = simulate(steps, masterHz);
    const hazards = findHazards(steps, sim);
    if (hazards.length === 0) return { steps, sim, masterHz };
    steps = steps.filter((s) => s !== hazards[0]);
  }
}

/** Commands `gapMs` apart; a null leaves a gap. */
function spaced(commands: ReadonlyArray<readonly [NodeId, string[]] | null>, gapMs: number): ScriptStep[] {
  const steps: ScriptStep[] = [];
  commands.forEach((c, i) => {
    if (c !== null) steps.push({ atMs: i * gapMs, node: c[0], argv: c[1] });
  });
  return steps;
}

const INT64_MAX = '9223372036854775807';

/** Deterministic cases, mostly errors; the error text must match exactly. */
const ERROR_CASES: Array<[NodeId, string[]]> = [
  // SET: expiry values and option combinations
  ['M', ['SET', 'k', 'v', 'PX', '0']],
  ['M', ['SET', 'k', 'v', 'PX', '-5']],
  ['M', ['SET', 'k', 'v', 'EX', '0']],
  ['M', ['SET', 'k', 'v', 'PX', 'abc']],
  ['M', ['SET', 'k', 'v', 'EX', '1.5']],
  ['M', ['SET', 'k', 'v', 'PX', '9223372036854775808']],
  ['M', ['SET', 'k', 'v', 'PX', INT64_MAX]], // now + ttl overflows int64
  ['M', ['SET', 'k', 'v', 'PX', '4611686018427387905']], // > 2^62 but fits: OK
  ['M', ['SET', 'k', 'v', 'PX']],
  ['M', ['SET', 'k', 'v', 'NX', 'XX']],
  ['M', ['SET', 'k', 'v', 'EX', '10', 'PX', '10']],
  ['M', ['SET', 'k', 'v', 'KEEPTTL', 'PX', '10']],
  ['M', ['SET', 'k', 'v', 'PX', '100', 'KEEPTTL']],
  ['M', ['SET', 'k', 'v', 'NX', 'GET']],
  ['M', ['SET', 'k', 'w', 'XX', 'GET', 'PX', '5000', 'PX', '6000']],
  ['M', ['SET', 'k', 'v', 'BOGUS']],
  // INCR on values that are not int64 integers
  ['M', ['SET', 's', 'notanumber']],
  ['M', ['INCR', 's']],
  ['M', ['SET', 'n', INT64_MAX]],
  ['M', ['INCR', 'n']],
  ['M', ['SET', 'n', '007']],
  ['M', ['INCR', 'n']],
  ['M', ['SET', 'n', '-0']],
  ['M', ['INCR', 'n']],
  ['M', ['SET', 'n', ' 1']],
  ['M', ['INCR', 'n']],
  ['M', ['INCR', 'fresh']],
  // wrong arity (checked before anything else, even READONLY on a replica)
  ['M', ['GET']],
  ['M', ['GET', 'a', 'b']],
  ['M', ['SET', 'k']],
  ['R', ['SET', 'k']],
  ['M', ['SETNX', 'k']],
  ['M', ['DEL']],
  ['M', ['EXISTS']],
  ['M', ['EXPIRE', 'k']],
  ['M', ['PEXPIRE', 'k']],
  ['M', ['PTTL']],
  ['M', ['TTL', 'a', 'b']],
  ['M', ['INCR']],
  ['R', ['INCR', 'a', 'b']],
  ['M', ['WAIT', '1']],
  ['M', ['EVAL']],
  ['M', ['EVAL', 'compare-and-delete']],
  ['M', ['PING', 'a', 'b']],
  ['M', ['PING']],
  ['M', ['PING', 'hello']],
  // EXPIRE / PEXPIRE options and values
  ['M', ['EXPIRE', 'k', '10', 'NX', 'XX']],
  ['M', ['EXPIRE', 'k', '10', 'GT', 'LT']],
  ['M', ['EXPIRE', 'k', '10', 'FOO']],
  ['M', ['EXPIRE', 'k', 'abc']],
  ['M', ['PEXPIRE', 'k', INT64_MAX]],
  ['M', ['EXPIRE', 'k', '10', 'LT']],
  ['M', ['TTL', 'k']],
  ['M', ['EXPIRE', 'k', '-1']],
  ['M', ['EXISTS', 'k']],
  ['M', ['EXPIRE', 'missing', '10']],
  // WAIT
  ['M', ['WAIT', '1', '-1']],
  ['M', ['WAIT', 'x', '100']],
  ['R', ['WAIT', '1', '100']],
  // EVAL numkeys
  ['M', ['EVAL', 'compare-and-delete', '-1', 'k']],
  ['M', ['EVAL', 'compare-and-delete', '2', 'k']],
  ['M', ['EVAL', 'compare-and-delete', 'x', 'k']],
  // writes on the replica
  ['M', ['SET', 'lock', 'v1']],
  ['M', ['WAIT', '1', '100']],
  ['R', ['SET', 'lock', 'v2']],
  ['R', ['SETNX', 'lock', 'v2']],
  ['R', ['DEL', 'missing']],
  ['R', ['EXPIRE', 'lock', '10']],
  ['R', ['PEXPIRE', 'lock', 'abc']],
  ['R', ['INCR', 'lock']],
  ['R', ['GET', 'lock']],
  // scripts: a failing redis.call names the script; on a replica READONLY comes before argument checks
  ['R', ['EVAL', 'compare-and-delete', '1', 'lock', 'v1']],
  ['R', ['EVAL', 'compare-and-delete', '1', 'lock', 'other']],
  ['R', ['EVAL', 'compare-and-extend', '1', 'lock', 'v1', 'abc']],
  ['R', ['EVAL', 'compare-and-extend', '1', 'lock', 'other', '1000']],
  ['R', ['EVAL', 'node-redlock-release', '2', 'lock', 'missing', 'v1']],
  ['R', ['EVAL', 'node-redlock-acquire', '1', 'x', 'v1', '1000']],
  ['R', ['EVAL', 'redsync-delete', '1', 'missing', 'v1']],
  ['M', ['EVAL', 'compare-and-extend', '1', 'lock', 'v1', 'abc']],
  ['M', ['EVAL', 'compare-and-extend', '1', 'lock', 'v1', INT64_MAX]],
  ['M', ['EVAL', 'node-redlock-acquire', '1', 'x', 'v1', 'abc']],
  ['M', ['EVAL', 'node-redlock-acquire', '1', 'x', 'v1', '0']],
  ['M', ['EVAL', 'node-redlock-extend', '1', 'lock', 'v1', '-5']],
  ['M', ['EVAL', 'node-redlock-acquire', '0', 'v1', '1000']],
  ['M', ['EVAL', 'compare-and-extend', '1', 'lock', 'v1', '0']],
  ['M', ['EXISTS', 'lock']],
  ['M', ['EVAL', 'redsync-delete', '1', 'lock', 'v1']],
];
