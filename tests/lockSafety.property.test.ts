import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check } from '../src/check/check.ts';
import type { CheckResult, ExclusionViolation } from '../src/check/types.ts';
import type { ScenarioInputV1 } from '../src/scenario/schema.ts';
import { run } from '../src/sim/engine/run.ts';
import type { Scenario } from '../src/sim/model/scenario.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';
import { type LockScenarioOptions, lockScenarioArb } from './arbitraries/lockScenario.ts';
import { mustParse, type ValidScenario } from './arbitraries/scenario.ts';

/**
 * Acceptance (the lock issue): "with fault-free networks, correct clocks and the correct
 * strategies (set-nx-px-cad, redlock), random scenarios over many seeds are always safe;
 * with set-nx-px-del or large clock jumps, the property search finds violations".
 *
 * - The safety properties use fc.assert with a fixed, printed seed (LOCK_SAFETY_SEED and
 *   LOCK_SAFETY_RUNS explore others) and count what the runs did, so that "always safe"
 *   cannot pass by never taking the lock.
 * - The searches use fc.check (a counterexample is the expected outcome), bounded to
 *   SEARCH_RUNS cases, and then look at the counterexample: a real exclusion violation, and
 *   the mechanism the spec names (S10's DEL of someone else's key; R5's expiry by a jumped
 *   wall clock, S6).
 * - Seeds that found a counterexample are pinned (PINNED below) and replayed every time, as
 *   tldraw's syncFuzz.test.ts does. A (seed, path) pair addresses one case of the
 *   arbitrary as it is now; the minimal scenarios in MINIMAL below do not depend on it.
 */
const SEED = envInt('LOCK_SAFETY_SEED', 0x10c4_5afe);
const NUM_RUNS = envInt('LOCK_SAFETY_RUNS', 300);
/** The most cases a search may take to find its counterexample (before shrinking). */
const SEARCH_RUNS = 100;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

interface Outcome {
  scenario: Scenario;
  trace: TraceEvent[];
  verdict: CheckResult;
}

function runAndCheck(scenario: Scenario): Outcome {
  const result = run(scenario, { hash: false });
  expect(result.stats.truncated, 'run hit the event limit').toBe(false);
  return { scenario, trace: result.trace, verdict: check(result.trace) };
}

/** A failure message that is enough to reproduce and read the run: the document and the findings. */
function describeUnsafe(input: ScenarioInputV1, o: Outcome): string {
  const v = o.verdict.exclusionViolations[0];
  const s = o.verdict.staleWrites[0];
  return [
    `unsafe run: ${o.verdict.exclusionViolations.length} exclusion violation(s), ${o.verdict.staleWrites.length} stale write(s)`,
    v === undefined ? '' : `first violation: ${v.clients.join(' and ')} from ${v.atMs} to ${v.untilMs} ms: ${v.explanation}`,
    s === undefined
      ? ''
      : `first stale write: ${s.client} epoch ${s.epoch} at ${s.atMs} ms after ${s.newerClient} epoch ${s.newerEpoch} at ${s.newerAtMs} ms`,
    `scenario: ${JSON.stringify(input)}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** What the safe runs did, so that a property that never takes the lock fails. */
interface Coverage {
  runs: number;
  acquisitions: number;
  runsWithAcquisition: number;
  /** Two or more clients held the lock in turn, and some attempt was refused meanwhile. */
  contendedRuns: number;
  features: Set<string>;
}

function newCoverage(): Coverage {
  return { runs: 0, acquisitions: 0, runsWithAcquisition: 0, contendedRuns: 0, features: new Set() };
}

function record(c: Coverage, o: Outcome): void {
  c.runs++;
  c.acquisitions += o.verdict.acquisitions;
  if (o.verdict.acquisitions > 0) c.runsWithAcquisition++;
  const holders = new Set(o.verdict.beliefs.map((b) => b.client));
  if (holders.size >= 2 && o.trace.some((e) => e.kind === 'lock-failed')) c.contendedRuns++;
  const mark = (f: string) => c.features.add(f);
  const { scenario, verdict } = o;
  mark(`fencing:${scenario.fencing}`);
  for (const client of scenario.clients) {
    const s = client.strategy;
    if (s.kind === 'redlock') {
      mark(`redlock:N=${scenario.nodes.filter((n) => n.replicaOf === undefined).length}`);
      mark(`redlock:${s.mode}`);
      if (s.autoExtend !== null) mark('redlock:autoExtend');
    } else {
      mark(s.kind);
    }
  }
  // A critical section longer than the TTL, held safely thanks to extensions.
  if (verdict.beliefs.some((b) => b.extensions > 0 && b.endMs - b.startMs > scenario.lock.ttlMs)) mark('held-beyond-ttl-by-extension');
  if (holders.size >= 2) mark(`holders:${holders.size}`);
}

/** Runs one fault-free property over NUM_RUNS cases and returns its coverage. */
function assertAlwaysSafe(options: LockScenarioOptions, seed: number, numRuns: number): Coverage {
  const coverage = newCoverage();
  fc.assert(
    fc.property(lockScenarioArb(options), ({ input, scenario }) => {
      const o = runAndCheck(scenario);
      if (!o.verdict.safe) throw new Error(describeUnsafe(input, o));
      record(coverage, o);
    }),
    { seed, numRuns },
  );
  return coverage;
}

const FAULT_FREE_CORRECT: LockScenarioOptions = {
  strategies: ['set-nx-px-cad', 'redlock'],
  faults: 'none',
  criticalSection: 'within-validity',
};

describe('fault-free networks, correct clocks, correct strategies and usage: always safe', () => {
  test(`set-nx-px-cad and Redlock (N = 1..7, parallel/sequential, auto-extension or not): ${NUM_RUNS} random scenarios, all safe (fast-check seed ${SEED})`, () => {
    console.log(`lock safety property: fast-check seed ${SEED}, ${NUM_RUNS} runs (LOCK_SAFETY_SEED / LOCK_SAFETY_RUNS to change)`);
    const c = assertAlwaysSafe(FAULT_FREE_CORRECT, SEED, NUM_RUNS);
    // Not vacuous: nearly every run took the lock, many runs were contended, and the
    // generated worlds covered every shape the property speaks of.
    expect(c.runs).toBe(NUM_RUNS);
    expect(c.runsWithAcquisition).toBeGreaterThanOrEqual(Math.ceil(0.95 * NUM_RUNS));
    expect(c.acquisitions).toBeGreaterThanOrEqual(3 * NUM_RUNS);
    expect(c.contendedRuns).toBeGreaterThanOrEqual(Math.ceil(0.3 * NUM_RUNS));
    const expected = [
      'set-nx-px-cad',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `redlock:N=${n}`),
      'redlock:parallel',
      'redlock:sequential',
      'redlock:autoExtend',
      'held-beyond-ttl-by-extension',
      'fencing:none',
      'fencing:token',
      'fencing:cas',
      'holders:4',
    ];
    expect(expected.filter((f) => !c.features.has(f))).toEqual([]);
  });

  test('Redlock with auto-extension: critical sections up to 3 × TTL stay safe', () => {
    const c = assertAlwaysSafe({ ...FAULT_FREE_CORRECT, strategies: ['redlock'], autoExtend: 'always', clientsMin: 2 }, SEED + 1, 100);
    expect(c.contendedRuns).toBeGreaterThanOrEqual(30);
    expect(c.features.has('held-beyond-ttl-by-extension')).toBe(true);
  });

  test('every design is safe when nothing goes wrong (no crash, pause, jump, partition or loss)', () => {
    // setnx-expire, set-nx-px-del and single-failover are unsafe only under faults (S8–S10).
    const c = assertAlwaysSafe({ faults: 'none', criticalSection: 'within-validity' }, SEED + 2, 150);
    expect(c.runsWithAcquisition).toBeGreaterThanOrEqual(140);
    for (const kind of ['setnx-expire', 'set-nx-px-del', 'set-nx-px-cad', 'single-failover', 'redlock:parallel'])
      expect(c.features).toContain(kind);
  });
});

// ---------------------------------------------------------------------------------------
// Searches: the property "no exclusion violation" must fail.

/**
 * The first DEL that removed a key (:1), sent by someone other than the holder, between the
 * holder's attempt (its SET may land before it hears the OK) and the violation.
 */
function foreignDel(trace: readonly TraceEvent[], v: ExclusionViolation): Extract<TraceEvent, { kind: 'command' }> | undefined {
  const holderStart = trace.findIndex((e) => e.kind === 'lock-attempt' && e.value === v.values[0]);
  for (let i = Math.max(0, holderStart); i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.t > v.atMs) break;
    if (e.kind === 'command' && e.argv[0] === 'DEL' && e.reply.t === 'int' && e.reply.v === 1 && e.client !== v.clients[0]) return e;
  }
  return undefined;
}

/** Clock jumps on Redis nodes of at least one TTL, at or before `atMs`. */
function largeNodeJumps(o: Outcome, atMs: number): Array<Extract<TraceEvent, { kind: 'clock-jump' }>> {
  const nodeIds = new Set(o.scenario.nodes.map((n) => n.id));
  return o.trace.filter(
    (e): e is Extract<TraceEvent, { kind: 'clock-jump' }> =>
      e.kind === 'clock-jump' && nodeIds.has(e.process) && e.deltaMs >= o.scenario.lock.ttlMs && e.t <= atMs,
  );
}

interface Search {
  name: string;
  options: LockScenarioOptions;
  /** Asserts that an unsafe outcome shows the mechanism this search is about. */
  explain: (o: Outcome, input: ScenarioInputV1) => void;
}

const noExclusionViolation = (options: LockScenarioOptions) =>
  fc.property(lockScenarioArb(options), ({ scenario }) => runAndCheck(scenario).verdict.exclusionViolations.length === 0);

const SEARCHES = {
  /** S10: a lease runs out mid-work; the late holder's plain DEL removes its successor's key. */
  del: {
    name: 'set-nx-px-del with critical sections around or beyond the TTL',
    options: { strategies: ['set-nx-px-del'], faults: 'none', criticalSection: 'overrun', clientsMin: 2 },
    explain: (o) => {
      const v = o.verdict.exclusionViolations[0] as ExclusionViolation;
      const del = foreignDel(o.trace, v);
      expect(del, `no DEL by another client removed ${v.clients[0]}'s key before ${v.atMs} ms`).toBeDefined();
    },
  },
  /** R5: a forward wall-clock jump ≥ TTL expires the holder's key on that node. */
  jumpCad: {
    name: 'set-nx-px-cad with forward clock jumps ≥ TTL on the node',
    options: { strategies: ['set-nx-px-cad'], faults: 'node-clock-jumps', criticalSection: 'within-validity', clientsMin: 2 },
    explain: explainJump,
  },
  /** S6 without partitions: jumps on a majority of Redlock's masters (N ≥ 3). */
  jumpRedlock: {
    name: 'Redlock (N ≥ 3) with forward clock jumps ≥ TTL on some masters',
    options: { strategies: ['redlock'], redlockNodesMin: 3, faults: 'node-clock-jumps', criticalSection: 'within-validity', clientsMin: 2 },
    explain: explainJump,
  },
} as const satisfies Record<string, Search>;

type SearchName = keyof typeof SEARCHES;

function explainJump(o: Outcome, input: ScenarioInputV1): void {
  const v = o.verdict.exclusionViolations[0] as ExclusionViolation;
  const jumps = largeNodeJumps(o, v.atMs);
  expect(jumps.length, 'no clock jump ≥ TTL on a node before the violation').toBeGreaterThan(0);
  // The jump is the cause: the same scenario without its timeline is safe.
  const calm = runAndCheck(mustParse({ ...input, timeline: [] }));
  expect(calm.verdict.safe, 'the counterexample is unsafe even without its clock jumps').toBe(true);
  // The later acquirer's quorum includes a node whose clock jumped (where the holder's key expired early).
  const acquirer = o.verdict.beliefs.find((b) => b.value === v.values[1]);
  const jumped = new Set(jumps.map((j) => j.process));
  expect(
    acquirer?.nodes.some((n) => jumped.has(n)),
    'the later acquirer used no jumped node',
  ).toBe(true);
}

/** Re-runs a counterexample and asserts it is a real exclusion violation with the search's mechanism. */
function assertCounterexample(search: Search, v: ValidScenario): Outcome {
  const o = runAndCheck(mustParse(JSON.parse(JSON.stringify(v.input))));
  expect(o.verdict.safe).toBe(false);
  expect(o.verdict.exclusionViolations.length).toBeGreaterThan(0);
  const first = o.verdict.exclusionViolations[0] as ExclusionViolation;
  expect(first.clients[0]).not.toBe(first.clients[1]);
  expect(first.untilMs).toBeGreaterThan(first.atMs);
  search.explain(o, v.input);
  return o;
}

describe('the property search finds violations', () => {
  test.each(Object.keys(SEARCHES) as SearchName[])(`%s: fc.check finds an exclusion violation within ${SEARCH_RUNS} runs`, (name) => {
    const search: Search = SEARCHES[name];
    const result = fc.check(noExclusionViolation(search.options), { seed: SEED, numRuns: SEARCH_RUNS });
    expect(result.failed, `${search.name}: no violation in ${SEARCH_RUNS} runs (seed ${SEED})`).toBe(true);
    console.log(
      `search ${name} (${search.name}): counterexample at seed ${result.seed}, path ${result.counterexamplePath}, after ${result.numRuns} runs and ${result.numShrinks} shrinks`,
    );
    const [v] = result.counterexample as [ValidScenario];
    const o = assertCounterexample(search, v);
    const first = o.verdict.exclusionViolations[0] as ExclusionViolation;
    console.log(
      `  ${first.clients.join(' and ')} from ${first.atMs} to ${first.untilMs} ms: ${first.explanation}\n  ${JSON.stringify(v.input)}`,
    );
  });

  test('control: set-nx-px-cad under the same overrunning workloads never breaks exclusion', () => {
    // The DEL search's violations come from DEL, not from the overrun: with compare-and-
    // delete the late holder removes nothing (S10). Its late writes are S4's problem.
    let lateWrites = 0;
    fc.assert(
      fc.property(lockScenarioArb({ ...SEARCHES.del.options, strategies: ['set-nx-px-cad'] }), ({ input, scenario }) => {
        const o = runAndCheck(scenario);
        if (o.verdict.exclusionViolations.length > 0) throw new Error(describeUnsafe(input, o));
        lateWrites += o.verdict.staleWrites.length;
      }),
      { seed: SEED, numRuns: 150 },
    );
    // Overrunning leases do reach the storage late when nothing fences them.
    expect(lateWrites).toBeGreaterThan(0);
  });

  /**
   * Pinned counterexamples: the (seed, path) at which fc.check found (and shrank) a violation
   * for each search, at seeds 1 and 2 (100 runs each), replayed every time. When a search is
   * run at another seed and finds a new case, add it here.
   */
  const PINNED: ReadonlyArray<{ search: SearchName; seed: number; path: string; note: string }> = [
    {
      search: 'del',
      seed: 1,
      path: '0:7:0:0:1:1:1:1:0:0:0:0:0:0:0:0:0:0:0:1:1:1:1:1:4:2:0:0:27:1:5:2:2:2:0:0:6:2:2:8:2:3:3',
      note: 'found at run 1: two clients, TTL 500, critical sections of 506 and 507 ms',
    },
    {
      search: 'del',
      seed: 2,
      path: '6:1:1:2:0:1:2:2:0:0:0:0:0:0:0:0:41:1:1:0:0:0:1:2:2:0:0:0:0:0:1:0:1:1:1:1:1:2:1:0:1:2:1:0:0:0:0:1:1:1',
      note: 'found at run 7: two clients, TTL 10 s, a 10.4 s critical section',
    },
    {
      search: 'jumpCad',
      seed: 1,
      path: '0:1:2:2:2:2:2:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:0:4:4:4:4:4:4:5:5:5:5:5:5:5:5:5:6:6:5:5:5',
      note: 'found at run 1: three clients, A jumps +500 ms (one TTL) at 2 ms',
    },
    {
      search: 'jumpCad',
      seed: 2,
      path: '4:1:1:5:1:4:0:5:5:0:0:0:0:2:2:0:0:0:0:2:1:1:0:1:0:1:2:0:4:1:2:2:2:2:3:0:0:0:0:0:0:0:0:1:56:1:2:1:4:4:1:2:1:1:1:1:1:2:1:1:2:1:1:3:2:2:3',
      note: 'found at run 5: two clients, A jumps one TTL (8232 ms) at 2 ms',
    },
    {
      search: 'jumpRedlock',
      seed: 1,
      path: '1:3:3:3:6:5:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:0:0:0:0:0:0:0:0:0:0:0:0:22:0:0:0:0:0:0:0:0:0:0:4:0:1:0:9:18:18:18:18:18:18:18:18:18:18:18:18:18:18:105:2:16:0:27:27:6:3:17:0:0:8:18:20:0:0:0:0:6:0:1:0:0:2:19:16:16:16:17:18:24:21:19:19:19:19:20:20:19:19:19:19:19',
      note: 'found at run 2: N=4, A, B and D jump one TTL at once',
    },
    {
      search: 'jumpRedlock',
      seed: 2,
      path: '2:2:0:1:1:0:0:0:0:0:0:0:0:0:0:0:0:7:2:2:2:3:2:7:3:2:3:3:3:3:11:4:4:4:4:5:5:5:5:5:5:6:6:6:6:6:6:6:6:6:6:8:7:6:7:5:8:8:0:0:0:0:0:1:1:0:0:1:1:0:0:2:2:2:3:2:3:2:2:6:7:0:1:3:2:0:2:2:3:12:0:1:2:1:2:7:6:0:0:0:2:0:0:1:2:2:4:3:3:2:6:6:6:6:9:0:0:1:0:1:0:2:3:6:6:0:0:1:0:0:2:4:2:2:2:2:6:2:4:3:3:2:5:4:2:2:4:2:2:4:2:4:4:5:4:4',
      note: 'found at run 3: N=3, A and C jump one TTL 2 ms apart',
    },
  ];

  test.each(PINNED)('pinned: $search seed $seed ($note)', ({ search, seed, path }) => {
    const result = fc.check(noExclusionViolation(SEARCHES[search].options), { seed, path, numRuns: 1, endOnFailure: true });
    expect(result.failed, `pinned case ${search} ${seed}/${path} is safe now`).toBe(true);
    assertCounterexample(SEARCHES[search], (result.counterexample as [ValidScenario])[0]);
  });

  /**
   * The shrunk counterexamples of three of those searches, as documents: they do not depend
   * on the arbitrary, so they keep testing the engine when the arbitrary changes.
   */
  const MINIMAL: ReadonlyArray<{ search: SearchName; note: string; input: ScenarioInputV1 }> = [
    {
      search: 'del',
      note: 'S10 fault-free: a lease runs out mid-work, the late DEL frees the lock for a third belief',
      input: {
        version: 1,
        durationMs: 2_000,
        lock: { key: 'lock', ttlMs: 500 },
        seed: 0,
        fencing: 'none',
        nodes: [{ id: 'A' }, { id: 'B' }],
        clients: [
          {
            id: 'C1',
            strategy: { kind: 'set-nx-px-del', node: 'A' },
            workload: { startMs: 0, rounds: 2, thinkMs: 0, writes: 0, checkValidityBeforeWrite: false, criticalSectionMs: 506 },
          },
          {
            id: 'C2',
            strategy: { kind: 'set-nx-px-del', node: 'A', requestTimeoutMs: 56 },
            workload: {
              startMs: 0,
              rounds: 2,
              thinkMs: 60,
              writes: 3,
              checkValidityBeforeWrite: true,
              criticalSectionMs: 507,
              acquireTimeoutMs: 1_521,
            },
          },
        ],
        network: { latencyMs: { kind: 'fixed', ms: 1 } },
      },
    },
    {
      search: 'jumpCad',
      note: "R5: A's wall clock jumps one TTL ahead, C2's key expires at once, C1 takes the lock",
      input: {
        version: 1,
        durationMs: 2_000,
        lock: { key: 'lock', ttlMs: 500 },
        seed: 0,
        fencing: 'none',
        nodes: [{ id: 'A' }],
        clients: [
          {
            id: 'C1',
            strategy: { kind: 'set-nx-px-cad' },
            workload: { startMs: 0, rounds: 2, thinkMs: 4, writes: 0, criticalSectionMs: 2 },
          },
          {
            id: 'C2',
            strategy: { kind: 'set-nx-px-cad', retryDelayMs: 10 },
            workload: { startMs: 0, rounds: 1, thinkMs: 0, writes: 0, criticalSectionMs: 105 },
          },
        ],
        network: { latencyMs: { kind: 'fixed', ms: 2 } },
        timeline: [{ atMs: 17, kind: 'clock-jump', process: 'A', deltaMs: 500 }],
      },
    },
    {
      search: 'jumpRedlock',
      note: 'S6 without partitions: two of three masters jump one TTL ahead; a second client gets a quorum',
      input: {
        version: 1,
        durationMs: 6_000,
        lock: { key: 'lock', ttlMs: 2_000 },
        seed: 0,
        fencing: 'none',
        nodes: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
        clients: [
          {
            id: 'C1',
            strategy: {
              kind: 'redlock',
              mode: 'parallel',
              requestTimeoutMs: 20,
              driftFactor: 0,
              retryCount: 5,
              retryDelayMs: 0,
              retryJitterMs: 0,
              autoExtend: null,
            },
            workload: { startMs: 1, rounds: 1, thinkMs: 0, writes: 0, criticalSectionMs: 1 },
          },
          {
            id: 'C2',
            strategy: {
              kind: 'redlock',
              mode: 'parallel',
              requestTimeoutMs: 20,
              driftFactor: 0,
              retryCount: 5,
              retryDelayMs: 0,
              retryJitterMs: 0,
              autoExtend: { thresholdMs: 30 },
            },
            workload: { startMs: 0, rounds: 1, thinkMs: 0, writes: 0, criticalSectionMs: 4 },
          },
        ],
        network: { latencyMs: { kind: 'fixed', ms: 1 } },
        timeline: [
          { atMs: 4, kind: 'clock-jump', process: 'C', deltaMs: 2_000 },
          { atMs: 2, kind: 'clock-jump', process: 'A', deltaMs: 2_000 },
        ],
      },
    },
  ];

  test.each(MINIMAL)('minimal: $search ($note)', ({ search, input }) => {
    assertCounterexample(SEARCHES[search], { input, scenario: mustParse(input) });
  });
});
