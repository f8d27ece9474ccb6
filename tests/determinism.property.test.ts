import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../src/sim/model/scenario.ts';
import { type RunOptions, type RunResult, run } from '../src/sim/engine/run.ts';
import { canonicalJson, traceHash } from '../src/sim/trace/canonical.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';
import type { ScenarioInputV1 } from '../src/scenario/schema.ts';
import { lockScenarioArb } from './arbitraries/lockScenario.ts';
import { mustParse, type ValidScenario, validScenarioArb } from './arbitraries/scenario.ts';

/**
 * Acceptance: run(scenario) is a pure function of the scenario. A fast-check property runs
 * 1,000 random valid scenarios twice each (the second time from a fresh parse of the same
 * JSON document) and finds byte-identical traces and equal trace hashes; no run throws.
 *
 * The fast-check seed is fixed (and printed) so a failure reproduces; set DETERMINISM_SEED
 * (and DETERMINISM_RUNS) to explore other seeds. A seed that once failed goes into
 * PINNED_REGRESSIONS below and is replayed on every run, as tldraw's syncFuzz.test.ts does.
 */
const SEED = Number(process.env.DETERMINISM_SEED ?? 0x5eed_2024);
const NUM_RUNS = Number(process.env.DETERMINISM_RUNS ?? 1_000);
/** Scenarios with lock clients (a second property, with its own pinned cases). */
const LOCK_RUNS = Number(process.env.DETERMINISM_LOCK_RUNS ?? 400);
if (!Number.isSafeInteger(SEED) || !Number.isSafeInteger(NUM_RUNS) || NUM_RUNS < 1 || !Number.isSafeInteger(LOCK_RUNS) || LOCK_RUNS < 1) {
  throw new Error(
    `DETERMINISM_SEED, DETERMINISM_RUNS and DETERMINISM_LOCK_RUNS must be integers (got ${process.env.DETERMINISM_SEED}, ${process.env.DETERMINISM_RUNS}, ${process.env.DETERMINISM_LOCK_RUNS})`,
  );
}

const HASH_RE = /^[0-9a-f]{64}$/;

/** Index and both versions of the first event where two traces disagree, for the failure message. */
function firstDifference(a: readonly TraceEvent[], b: readonly TraceEvent[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ea = a[i] === undefined ? '(none)' : canonicalJson(a[i]);
    const eb = b[i] === undefined ? '(none)' : canonicalJson(b[i]);
    if (ea !== eb) return `event ${i}:\n  first:  ${ea}\n  second: ${eb}`;
  }
  return '(traces are identical)';
}

/** Runs a document twice (from two independent parses) and asserts the runs agree. */
function assertDeterministic({ input, scenario }: ValidScenario, options: RunOptions = {}): RunResult {
  const before = JSON.stringify(scenario);
  const first = run(scenario, options);
  // The run must not have changed its input: a scenario is data that is run many times.
  expect(JSON.stringify(scenario), 'run() mutated its scenario').toBe(before);

  const second = run(reparse(input), options);
  expect(first.traceHash).toMatch(HASH_RE);
  expect(second.traceHash).toMatch(HASH_RE);
  if (first.traceHash !== second.traceHash || first.trace.length !== second.trace.length) {
    throw new Error(
      `two runs of one scenario differ (hash ${first.traceHash} vs ${second.traceHash}, ` +
        `${first.trace.length} vs ${second.trace.length} events); first difference at ${firstDifference(first.trace, second.trace)}`,
    );
  }
  // The hash is over the trace that came back (not some other state).
  expect(traceHash(second.trace)).toBe(second.traceHash);
  expect(second.stats).toEqual(first.stats);
  return first;
}

/** A fresh Scenario from the JSON text of the document, sharing no objects with the first. */
function reparse(input: ScenarioInputV1): Scenario {
  return mustParse(JSON.parse(JSON.stringify(input)));
}

const determinism = fc.property(validScenarioArb(), (v) => {
  assertDeterministic(v);
});

/**
 * Lock clients too: the general arbitrary with lock clients of every design among the
 * script clients (any parameters, any topology and timeline), and purpose-built lock worlds
 * (faulty, mixed designs, node clock jumps). A run stops at LOCK_MAX_EVENTS, far above any
 * healthy run here: a guard against a regression of the zero-time extension loop fixed
 * earlier (lockRuntime.property.test.ts keeps its regression tests). A truncated run must be
 * just as deterministic, so the cap only bounds the test's time.
 */
const LOCK_MAX_EVENTS = 250_000;
const withLockClients = fc.oneof(
  { weight: 3, arbitrary: validScenarioArb({ lockClients: true }) },
  { weight: 1, arbitrary: lockScenarioArb({ faults: 'all', mixedStrategies: true }) },
  { weight: 1, arbitrary: lockScenarioArb({ faults: 'all' }) },
  { weight: 1, arbitrary: lockScenarioArb({ faults: 'node-clock-jumps' }) },
);
const lockDeterminism = fc.property(withLockClients, (v) => {
  assertDeterministic(v, { maxEvents: LOCK_MAX_EVENTS });
});

describe('determinism: same scenario, same trace', () => {
  test(`${NUM_RUNS} random valid scenarios run twice give identical traces (fast-check seed ${SEED})`, () => {
    // Printed first, as TigerBeetle's VOPR does: the seed is all it takes to reproduce.
    console.log(`determinism property: fast-check seed ${SEED}, ${NUM_RUNS} runs (DETERMINISM_SEED / DETERMINISM_RUNS to change)`);
    fc.assert(determinism, { seed: SEED, numRuns: NUM_RUNS });
  });

  /**
   * Pinned regressions: fast-check (seed, path) pairs, replayed every time. When the property
   * above fails, fast-check prints "seed: S, path: P"; add { seed: S, path: P, note } here.
   * A path addresses one case of the arbitrary as it is now: if the arbitrary changes, old
   * paths may generate other scenarios, so a real engine bug should also get its own
   * scenario test beside the engine code.
   */
  const PINNED_REGRESSIONS: ReadonlyArray<{ seed: number; path: string; note: string }> = [
    // No failure found yet (60,000 cases over seeds 1-6, all passed). Until one is, these are
    // the heaviest cases of two of those exploration runs (10,000 cases each), kept as smoke.
    { seed: 3, path: '7833', note: 'heaviest of seed 3: 49,042 scheduler events' },
    { seed: 1, path: '3715', note: 'heaviest of seed 1: 44,451 scheduler events' },
  ];

  test.each(PINNED_REGRESSIONS)('pinned regression: seed $seed path $path ($note)', ({ seed, path }) => {
    fc.assert(determinism, { seed, path, numRuns: 1 });
  });

  test(`${LOCK_RUNS} random scenarios with lock clients run twice give identical traces (fast-check seed ${SEED})`, () => {
    console.log(
      `determinism property (lock clients): fast-check seed ${SEED}, ${LOCK_RUNS} runs (DETERMINISM_SEED / DETERMINISM_LOCK_RUNS to change)`,
    );
    let lockClients = 0;
    let acquisitions = 0;
    fc.assert(
      fc.property(withLockClients, (v) => {
        const { trace } = assertDeterministic(v, { maxEvents: LOCK_MAX_EVENTS });
        lockClients += v.scenario.clients.filter((c) => c.strategy.kind !== 'script').length;
        acquisitions += trace.filter((e) => e.kind === 'lock-acquired').length;
      }),
      { seed: SEED, numRuns: LOCK_RUNS },
    );
    // Not vacuous: the lock clients ran and took the lock.
    expect(lockClients).toBeGreaterThan(LOCK_RUNS);
    expect(acquisitions).toBeGreaterThan(LOCK_RUNS);
  });

  /** Failing (seed, path) pairs of the lock-client property, replayed every time. None so far. */
  const PINNED_LOCK_REGRESSIONS: ReadonlyArray<{ seed: number; path: string; note: string }> = [];

  test.each(PINNED_LOCK_REGRESSIONS)('pinned lock regression: seed $seed path $path ($note)', ({ seed, path }) => {
    fc.assert(lockDeterminism, { seed, path, numRuns: 1 });
  });
});

describe('the trace hash depends on the run, not only on the seed field', () => {
  /** Three clients racing for one lock through a network with random latency and loss. */
  function racingScenario(seed: number, network: NonNullable<ScenarioInputV1['network']>): Scenario {
    const steps = (token: string) =>
      Array.from({ length: 20 }, (_, i) => ({
        atMs: i * 50,
        node: i % 2 === 0 ? 'M1' : 'M2',
        argv: ['SET', 'lock', token, 'NX', 'PX', '120'],
      }));
    return mustParse({
      version: 1,
      seed,
      durationMs: 2_000,
      nodes: [{ id: 'M1' }, { id: 'R1', replicaOf: 'M1' }, { id: 'M2' }],
      network,
      clients: ['a', 'b', 'c'].map((token) => ({ id: `C${token}`, strategy: { kind: 'script', steps: steps(token) } })),
    });
  }

  /** Hash of everything but the run-start event (which records the seed itself). */
  function bodyHash(scenario: Scenario): string {
    return traceHash(run(scenario).trace.filter((e) => e.kind !== 'run-start'));
  }

  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

  test('with random latency and loss, different seeds give different traces', () => {
    const random = {
      latencyMs: { kind: 'uniform' as const, minMs: 1, maxMs: 40 },
      replicationLagMs: { kind: 'uniform' as const, minMs: 1, maxMs: 40 },
      dropRate: 0.05,
    };
    const hashes = new Set(seeds.map((seed) => bodyHash(racingScenario(seed, random))));
    expect(hashes.size).toBeGreaterThanOrEqual(seeds.length - 1);
    // And the whole hash (run-start included) differs for every seed.
    expect(new Set(seeds.map((seed) => run(racingScenario(seed, random)).traceHash)).size).toBe(seeds.length);
  });

  test('with fixed latency and no loss, the seed changes nothing but the run-start event', () => {
    const fixed = { latencyMs: { kind: 'fixed' as const, ms: 3 }, replicationLagMs: { kind: 'fixed' as const, ms: 7 }, dropRate: 0 };
    const hashes = new Set(seeds.map((seed) => bodyHash(racingScenario(seed, fixed))));
    expect(hashes.size).toBe(1);
  });
});
