import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { machineNameFor } from '../src/lock/machines/index.ts';
import { run } from '../src/sim/engine/run.ts';
import { canonicalJson } from '../src/sim/trace/canonical.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';
import { lockScenarioArb } from './arbitraries/lockScenario.ts';
import { mustParse, type ValidScenario } from './arbitraries/scenario.ts';

/**
 * The engine steps lock machines with its own interpreter of the xstate definitions
 * (src/lock/interpreter), because it is much faster; xstate's own actor is the reference.
 * Property: for random lock scenarios — fault-free and faulty, one design or mixed, every
 * design, Redlock with and without the watchdog — both runtimes produce the same trace
 * (equal trace hashes). On a mismatch the failure names the first differing event.
 *
 * LOCK_RUNTIME_SEED / LOCK_RUNTIME_RUNS explore other seeds; a failing (seed, path) goes
 * into PINNED below.
 */
const SEED = envInt('LOCK_RUNTIME_SEED', 0x5717_e5ac);
const NUM_RUNS = envInt('LOCK_RUNTIME_RUNS', 100);
/**
 * Runs stop at this many scheduler events: far above any healthy lock run here (the largest
 * seen: about 55,000), and low enough that a regression of the zero-time loop tested at
 * the end of this file costs a second, not minutes. Both runtimes stop at the same event,
 * so their traces still have to agree.
 */
const ZENO_MAX_EVENTS = 300_000;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

/** Index and both versions of the first event where the two traces disagree. */
function firstDifference(a: readonly TraceEvent[], b: readonly TraceEvent[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ea = a[i] === undefined ? '(none)' : canonicalJson(a[i]);
    const eb = b[i] === undefined ? '(none)' : canonicalJson(b[i]);
    if (ea !== eb) return `event ${i} (t=${(a[i] ?? b[i])?.t} ms):\n  interpreter: ${ea}\n  xstate:      ${eb}`;
  }
  return '(the traces are identical)';
}

/** Lock scenarios of every kind the arbitrary makes, faults weighted up (they reach the odd states). */
const anyLockScenario: fc.Arbitrary<ValidScenario> = fc.oneof(
  { weight: 1, arbitrary: lockScenarioArb({ faults: 'none' }) },
  {
    weight: 1,
    arbitrary: lockScenarioArb({ faults: 'none', criticalSection: 'within-validity', strategies: ['redlock'], autoExtend: 'always' }),
  },
  { weight: 1, arbitrary: lockScenarioArb({ faults: 'node-clock-jumps', clientsMin: 2 }) },
  { weight: 3, arbitrary: lockScenarioArb({ faults: 'all' }) },
  { weight: 2, arbitrary: lockScenarioArb({ faults: 'all', mixedStrategies: true }) },
);

/** What the runs exercised: machines, and the trace events that only some paths reach. */
interface Seen {
  machines: Map<string, number>;
  events: Map<string, number>;
  stateChanges: number;
}

function note(seen: Seen, v: ValidScenario, trace: readonly TraceEvent[]): void {
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of v.scenario.clients) if (c.strategy.kind !== 'script') bump(seen.machines, machineNameFor(c.strategy));
  for (const e of trace) {
    if (e.kind === 'client-state') seen.stateChanges++;
    else if (e.kind === 'lock-failed') bump(seen.events, `lock-failed:${e.reason}`);
    else if (e.kind === 'lock-lost') bump(seen.events, `lock-lost:${e.reason}`);
    else if (e.kind.startsWith('lock-') || e.kind === 'lease-expired' || e.kind === 'client-done') bump(seen.events, e.kind);
  }
}

/**
 * xstate's development build warns (console.warn) for every event sent to an actor that has
 * reached its final state: a lock client that is done still hears late replies and timers.
 * Both runtimes ignore those events (the traces say so); the warnings are counted, not printed.
 */
let stoppedActorWarnings = 0;
function withoutStoppedActorWarnings<T>(f: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('was sent to stopped actor')) stoppedActorWarnings++;
    else warn(...args);
  };
  try {
    return f();
  } finally {
    console.warn = warn;
  }
}

function assertSameTrace(v: ValidScenario, seen?: Seen): void {
  const fast = run(v.scenario, { lockRuntime: 'interpreter', maxEvents: ZENO_MAX_EVENTS });
  const reference = withoutStoppedActorWarnings(() => run(v.scenario, { lockRuntime: 'xstate', maxEvents: ZENO_MAX_EVENTS }));
  if (fast.traceHash !== reference.traceHash) {
    throw new Error(
      `the interpreter and xstate's actor disagree (hash ${fast.traceHash.slice(0, 12)} vs ${reference.traceHash.slice(0, 12)}, ` +
        `${fast.trace.length} vs ${reference.trace.length} events); first difference at ${firstDifference(fast.trace, reference.trace)}\n` +
        `scenario: ${JSON.stringify(v.input)}`,
    );
  }
  expect(fast.stats).toEqual(reference.stats);
  if (seen !== undefined) note(seen, v, fast.trace);
}

describe('lock runtimes: the engine interpreter agrees with xstate', () => {
  test(`${NUM_RUNS} random lock scenarios give the same trace under both runtimes (fast-check seed ${SEED})`, () => {
    console.log(`lock runtime property: fast-check seed ${SEED}, ${NUM_RUNS} runs (LOCK_RUNTIME_SEED / LOCK_RUNTIME_RUNS to change)`);
    const seen: Seen = { machines: new Map(), events: new Map(), stateChanges: 0 };
    fc.assert(
      fc.property(anyLockScenario, (v) => assertSameTrace(v, seen)),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // Not vacuous: every machine ran, and the runs reached the rare transitions too.
    const machines = ['setnx-expire', 'set-nx-px-del', 'set-nx-px-cad', 'single-failover', 'redlock', 'redlock-watchdog'];
    expect(machines.filter((m) => !seen.machines.has(m))).toEqual([]);
    const events = [
      'lock-attempt',
      'lock-acquired',
      'lock-released',
      'lock-extended',
      'lock-gave-up',
      'lease-expired',
      'client-done',
      'lock-failed:refused',
      'lock-failed:no-quorum',
      'lock-failed:timeout',
      'lock-lost:validity-check',
      'lock-lost:extend-failed',
    ];
    expect(events.filter((e) => !seen.events.has(e))).toEqual([]);
    expect(seen.stateChanges).toBeGreaterThan(NUM_RUNS * 10);
    console.log(
      `lock runtime property: ${stoppedActorWarnings} xstate warnings about events sent to a finished actor (ignored by both runtimes)`,
    );
  });

  /** Failing (seed, path) pairs of the property above, replayed every time. None so far. */
  const PINNED: ReadonlyArray<{ seed: number; path: string; note: string }> = [];
  test.each(PINNED)('pinned: seed $seed path $path ($note)', ({ seed, path }) => {
    fc.assert(
      fc.property(anyLockScenario, (v) => assertSameTrace(v)),
      { seed, path, numRuns: 1 },
    );
  });
});

/**
 * Regression: the Redlock watchdog used to retry a failed extension at once while its
 * validity lasted (R21, node-redlock using()). At 0 ms latency that round trip takes no
 * simulated time, so once an extension failed (a clock jump, a restart without persistence,
 * a slow client clock) the client re-sent it forever at one instant and the run only stopped
 * at the event limit. The retry now waits one simulated millisecond.
 */

/** One master, one Redlock client with a watchdog, 0 ms latency; A's clock jumps one TTL ahead while C1 holds. */
const WATCHDOG_AT_ZERO_LATENCY = {
  version: 1,
  name: 'watchdog extension loop at 0 ms latency',
  durationMs: 5_000,
  lock: { key: 'lock', ttlMs: 1_000 },
  nodes: [{ id: 'A' }],
  network: { latencyMs: { kind: 'fixed', ms: 0 } },
  clients: [{ id: 'C1', strategy: { kind: 'redlock', autoExtend: { thresholdMs: 100 } }, workload: { criticalSectionMs: 3_000 } }],
  timeline: [{ atMs: 200, kind: 'clock-jump', process: 'A', deltaMs: 1_000 }],
};

const faultyLockScenario = fc.oneof(lockScenarioArb({ faults: 'all' }), lockScenarioArb({ faults: 'all', mixedStrategies: true }));
const runsToTheEnd = fc.property(faultyLockScenario, (v) => {
  const r = run(v.scenario, { hash: false, maxEvents: ZENO_MAX_EVENTS });
  if (r.stats.truncated) {
    const last = r.trace.slice(-3).map((e) => canonicalJson(e));
    throw new Error(
      `run stopped at the event limit at ${r.stats.endMs} ms; last events:\n${last.join('\n')}\nscenario: ${JSON.stringify(v.input)}`,
    );
  }
});

describe('lock runs finish: simulated time always advances', () => {
  test('minimal: a failing watchdog extension at 0 ms latency does not stop time', () => {
    const r = run(mustParse(WATCHDOG_AT_ZERO_LATENCY), { maxEvents: ZENO_MAX_EVENTS });
    expect(r.stats.truncated).toBe(false);
    expect(r.stats.endMs).toBe(WATCHDOG_AT_ZERO_LATENCY.durationMs);
  });

  /** Counterexamples of `runsToTheEnd` (fc.check at seeds 1 and 3, 1,000 runs each; shrunk). */
  const PINNED_ZENO: ReadonlyArray<{ seed: number; path: string; note: string }> = [
    {
      seed: 1,
      path: '936:29:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:81:2:3:1:0:0:0:0:1:2:15:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1',
      note: 'N=3, a client clock at rate 0.9 extends after its keys expired; 0 ms latency',
    },
    {
      seed: 3,
      path: '564:17:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:13:1:8:9:2:2:1:2:2:2:2:2:2:2:3:1:2:0:0:1:1:2:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1',
      note: 'N=7, mixed designs, watchdog threshold 1 ms on a slow client clock; 0 ms latency',
    },
  ];
  test.each(PINNED_ZENO)('pinned: seed $seed ($note)', ({ seed, path }) => {
    fc.assert(runsToTheEnd, { seed, path, numRuns: 1 });
  });

  test('property: random faulty lock scenarios run to their end', () => {
    fc.assert(runsToTheEnd, { seed: SEED, numRuns: 300 });
  });
});
