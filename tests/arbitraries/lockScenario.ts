import fc from 'fast-check';
import type { Scenario } from '../../src/sim/model/scenario.ts';
import type { ScenarioInputV1 } from '../../src/scenario/schema.ts';
import { clockRate, mustParse, partitionGroupsArb, probability, type ValidScenario } from './scenario.ts';

/**
 * fast-check arbitraries of VALID scenario documents whose clients are lock clients: every
 * design (setnx-expire, set-nx-px-del, set-nx-px-cad, single-failover, redlock with N = 1..7
 * masters, parallel or sequential, with or without auto-extension), workloads with rounds,
 * critical sections, think times, writes and validity checks, and fencing none/token/cas.
 *
 * Two worlds (plus one targeted fault):
 * - faults 'none': the world Redlock's safety argument assumes (R13, R26, R27): no timeline,
 *   no loss, every clock at rate 1 and offset 0, and a small, bounded network delay.
 * - faults 'all': skewed and drifting clocks, loss, slow links, and a timeline with every
 *   kind of entry (crashes, restarts, pauses, kill-master, clock jumps and rate changes,
 *   partitions and heals, link delays and drops).
 * - faults 'node-clock-jumps': the fault-free world plus large forward wall-clock jumps
 *   (≥ TTL) on some of the lock's masters, close together in time (one bad NTP step hitting
 *   several hosts; S6 without the partitions).
 *
 * Each document goes through parseScenario (mustParse throws on an invalid one: a bug here).
 */

export const LOCK_STRATEGIES = ['setnx-expire', 'set-nx-px-del', 'set-nx-px-cad', 'single-failover', 'redlock'] as const;
export type LockStrategyKind = (typeof LOCK_STRATEGIES)[number];

export type FaultMode = 'none' | 'all' | 'node-clock-jumps';

/**
 * How long the critical sections are, relative to the lock's TTL:
 * - 'within-validity': correct usage. Without auto-extension a critical section (and its
 *   writes) takes at most TTL/2, comfortably inside the validity left after acquiring; with
 *   auto-extension it may take up to 3 × TTL, with enough extensions allowed to cover it.
 * - 'overrun': from TTL/2 to 3 × TTL, so a lease can run out in the middle of the work.
 * - 'any': anything from 0 to 3 × TTL.
 */
export type CriticalSectionMode = 'within-validity' | 'overrun' | 'any';

export interface LockScenarioOptions {
  /** The designs to draw from (default: all five). */
  strategies?: readonly LockStrategyKind[];
  /** Each client draws its own design (default: one design for all clients of a scenario). */
  mixedStrategies?: boolean;
  faults?: FaultMode;
  criticalSection?: CriticalSectionMode;
  clientsMin?: number;
  clientsMax?: number;
  /** Redlock's masters: N in [redlockNodesMin, redlockNodesMax] (default 1..7). */
  redlockNodesMin?: number;
  redlockNodesMax?: number;
  autoExtend?: 'never' | 'sometimes' | 'always';
  /** Longest run (default 60 s of simulated time). */
  durationMsMax?: number;
}

type Resolved = Required<LockScenarioOptions>;

function resolve(o: LockScenarioOptions): Resolved {
  const r: Resolved = {
    strategies: o.strategies ?? LOCK_STRATEGIES,
    mixedStrategies: o.mixedStrategies ?? false,
    faults: o.faults ?? 'none',
    criticalSection: o.criticalSection ?? 'any',
    clientsMin: o.clientsMin ?? 1,
    clientsMax: o.clientsMax ?? 4,
    redlockNodesMin: o.redlockNodesMin ?? 1,
    redlockNodesMax: o.redlockNodesMax ?? 7,
    autoExtend: o.autoExtend ?? 'sometimes',
    durationMsMax: o.durationMsMax ?? 60_000,
  };
  if (r.strategies.length === 0) throw new RangeError('lockScenarioArb: strategies must not be empty');
  if (!(r.clientsMin >= 1 && r.clientsMin <= r.clientsMax && r.clientsMax <= 10))
    throw new RangeError('lockScenarioArb: 1 <= clientsMin <= clientsMax <= 10');
  if (!(r.redlockNodesMin >= 1 && r.redlockNodesMin <= r.redlockNodesMax && r.redlockNodesMax <= MASTER_IDS.length)) {
    throw new RangeError(`lockScenarioArb: 1 <= redlockNodesMin <= redlockNodesMax <= ${MASTER_IDS.length}`);
  }
  return r;
}

type ClientInput = ScenarioInputV1['clients'][number];
type StrategyInput = ClientInput['strategy'];
type WorkloadInput = NonNullable<ClientInput['workload']>;
type TimelineInput = NonNullable<ScenarioInputV1['timeline']>[number];
type NetworkInput = NonNullable<ScenarioInputV1['network']>;
type LatencyInput = NonNullable<NetworkInput['latencyMs']>;
type NodeInput = ScenarioInputV1['nodes'][number];

/** Masters are named as in the spec's scenarios (A–E, then F and G); replicas R1–R3. */
export const MASTER_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
const REPLICA_IDS = ['R1', 'R2', 'R3'] as const;

/** Upper bound of the one-way delay in the fault-free world (see fault-free latency below). */
export const FAULT_FREE_LATENCY_MS_MAX = 9;

/** The shape of one world, decided first: everything else refers to it. */
interface LockWorld {
  o: Resolved;
  /** Per client, its design. */
  kinds: LockStrategyKind[];
  clientIds: string[];
  masters: string[];
  /** Replicas of the first master (the Sentinel group for single-failover). */
  replicas: string[];
  sentinel: boolean;
  ttlMs: number;
  durationMs: number;
}

/** N = 1..7, with the spec's 3 and 5 drawn more often. */
function redlockNodeCount(o: Resolved): fc.Arbitrary<number> {
  const any = fc.integer({ min: o.redlockNodesMin, max: o.redlockNodesMax });
  const common = [3, 5].filter((n) => n >= o.redlockNodesMin && n <= o.redlockNodesMax);
  return common.length === 0 ? any : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...common) }, { weight: 3, arbitrary: any });
}

function worldArb(o: Resolved): fc.Arbitrary<LockWorld> {
  return fc
    .record({
      clientCount: fc.integer({ min: o.clientsMin, max: o.clientsMax }),
      kindPicks: fc.array(fc.constantFrom(...o.strategies), { minLength: 10, maxLength: 10 }),
      redlockN: redlockNodeCount(o),
      singleMasters: fc.integer({ min: 1, max: 3 }),
      replicaCount: fc.integer({ min: 0, max: REPLICA_IDS.length }),
      extraSentinel: fc.boolean(),
      ttlMs: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(500, 1_000, 2_000, 10_000) },
        { weight: 3, arbitrary: fc.integer({ min: 500, max: 10_000 }) },
      ),
      durationTtls: fc.integer({ min: 3, max: 10 }),
    })
    .map((r) => {
      const kinds = o.mixedStrategies
        ? r.kindPicks.slice(0, r.clientCount)
        : Array.from({ length: r.clientCount }, () => r.kindPicks[0] as LockStrategyKind);
      const redlock = kinds.includes('redlock');
      const failover = kinds.includes('single-failover');
      const masterCount = redlock ? r.redlockN : r.singleMasters;
      // Redlock's masters are independent (R11): no replicas unless a failover design needs
      // them; a failover design needs at least one; the faulty world may have them anyway.
      let replicaCount = 0;
      if (failover) replicaCount = Math.max(1, r.replicaCount);
      else if (!redlock && o.faults === 'all') replicaCount = r.replicaCount % 2;
      const durationMs = Math.max(2_000, Math.min(o.durationMsMax, r.ttlMs * r.durationTtls));
      return {
        o,
        kinds,
        clientIds: kinds.map((_, i) => `C${i + 1}`),
        masters: MASTER_IDS.slice(0, masterCount),
        replicas: REPLICA_IDS.slice(0, replicaCount),
        sentinel: failover || (o.faults === 'all' && replicaCount > 0 && r.extraSentinel),
        ttlMs: r.ttlMs,
        durationMs,
      };
    });
}

// ---------------------------------------------------------------------------------------
// Network and clocks

/**
 * Fault-free one-way delay: fixed 1..5 ms, or uniform in [min, max] with min 1..3 and
 * max ≤ 3 × min. The bound max ≤ 3 × min is what "bounded network delay" (R26) means at
 * this scale: the holder's last write goes out with its release, and reaches the storage
 * (≤ max) before a successor's first write can (≥ 3 × min + 1: its SET after the release,
 * the reply, the 1 ms before a write, the write). Outside it, a slow write is S5 (a
 * delayed write) in miniature, which only fencing prevents.
 */
const faultFreeLatency: fc.Arbitrary<LatencyInput> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((ms): LatencyInput => ({ kind: 'fixed', ms })),
  fc
    .integer({ min: 1, max: 3 })
    .chain((minMs) => fc.integer({ min: minMs, max: 3 * minMs }).map((maxMs): LatencyInput => ({ kind: 'uniform', minMs, maxMs }))),
);

function faultyLatency(ttlMs: number): fc.Arbitrary<LatencyInput> {
  const small = fc.integer({ min: 0, max: 30 });
  return fc.oneof(
    faultFreeLatency,
    small.map((ms): LatencyInput => ({ kind: 'fixed', ms })),
    fc.tuple(small, small).map(([a, b]): LatencyInput => ({ kind: 'uniform', minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
    fc.tuple(small, small, fc.integer({ min: 30, max: 2 * ttlMs }), fc.integer({ min: 0, max: 20 })).map(
      ([a, b, tailMaxMs, pct]): LatencyInput => ({
        kind: 'long-tail',
        minMs: Math.min(a, b),
        maxMs: Math.max(a, b),
        tailProbability: pct / 100,
        tailMaxMs,
      }),
    ),
  );
}

/** A process clock in the faulty world: mostly right, sometimes offset, sometimes drifting. */
function faultyClock(ttlMs: number) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          offsetMs: fc.oneof(fc.constant(0), fc.integer({ min: -ttlMs, max: ttlMs })),
          rate: fc.oneof(
            { weight: 2, arbitrary: fc.constant(1) },
            { weight: 2, arbitrary: fc.double({ min: 0.9, max: 1.1, noNaN: true }) },
            { weight: 1, arbitrary: clockRate },
          ),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
    },
  );
}

/** The fault-free clock: left to the default, or spelled out as offset 0, rate 1. */
const rightClock = fc.constantFrom(undefined, { offsetMs: 0, rate: 1 });

// ---------------------------------------------------------------------------------------
// Strategies and workloads

const pollArb = fc.record(
  { requestTimeoutMs: fc.integer({ min: 50, max: 1_000 }), retryDelayMs: fc.integer({ min: 10, max: 500 }) },
  { requiredKeys: [], noNullPrototype: true },
);

/** A strategy and a workload for one client; the auto-extension and the critical section are chosen together. */
function lockClientArb(
  w: LockWorld,
  kind: LockStrategyKind,
  target: string | null,
): fc.Arbitrary<{ strategy: StrategyInput; workload: WorkloadInput }> {
  const { o, ttlMs } = w;
  const correct = o.criticalSection === 'within-validity';
  const workloadBase = fc.record({
    startMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.min(2 * ttlMs, Math.floor(w.durationMs / 3)) })),
    rounds: fc.integer({ min: 1, max: 4 }),
    thinkMs: fc.integer({ min: 0, max: ttlMs }),
    writes: fc.integer({ min: 0, max: 4 }),
    checkValidityBeforeWrite: fc.boolean(),
    acquireTimeoutMs: fc.option(fc.integer({ min: ttlMs, max: 4 * ttlMs }), { nil: undefined }),
  });
  const cs = (min: number, max: number) => fc.integer({ min, max });
  const sectionMs = (extended: boolean): fc.Arbitrary<number> => {
    switch (o.criticalSection) {
      case 'within-validity':
        return extended ? cs(0, 3 * ttlMs) : cs(0, Math.floor(ttlMs / 2));
      case 'overrun':
        return cs(Math.floor(ttlMs / 2), 3 * ttlMs);
      case 'any':
        return cs(0, 3 * ttlMs);
    }
  };
  const withWorkload = (strategy: fc.Arbitrary<StrategyInput>, extended: (s: StrategyInput) => boolean) =>
    fc.tuple(strategy, workloadBase).chain(([s, base]) =>
      sectionMs(extended(s)).map((criticalSectionMs) => {
        const { acquireTimeoutMs, ...rest } = base;
        const workload: WorkloadInput = { ...rest, criticalSectionMs, ...(acquireTimeoutMs === undefined ? {} : { acquireTimeoutMs }) };
        return { strategy: fixExtensions(s, criticalSectionMs, base.writes, ttlMs, correct), workload };
      }),
    );

  if (kind === 'redlock') {
    const extend = o.autoExtend === 'never' ? fc.constant(false) : o.autoExtend === 'always' ? fc.constant(true) : fc.boolean();
    const strategy = fc
      .record({
        mode: fc.constantFrom('parallel' as const, 'sequential' as const),
        requestTimeoutMs: fc.integer({ min: 20, max: 100 }),
        driftFactor: fc.constantFrom(0, 0.01, 0.02, 0.05),
        retryCount: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 5, max: 30 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) },
        ),
        retryDelayMs: fc.integer({ min: 0, max: 400 }),
        retryJitterMs: fc.integer({ min: 0, max: 200 }),
        extend,
        thresholdPick: fc.nat(),
        maxExtensions: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        omit: fc.subarray(['mode', 'requestTimeoutMs', 'driftFactor', 'retryCount', 'retryDelayMs', 'retryJitterMs'] as const),
      })
      .map((r): StrategyInput => {
        // A threshold that leaves the extension time to come back (R16): above the request
        // timeout, at most half the TTL. Any threshold below the TTL otherwise.
        const lo = correct ? Math.min(r.requestTimeoutMs + 10, Math.floor(ttlMs / 2)) : 1;
        const hi = correct ? Math.floor(ttlMs / 2) : ttlMs - 1;
        const thresholdMs = lo + (r.thresholdPick % (hi - lo + 1));
        const full = {
          kind: 'redlock' as const,
          mode: r.mode,
          requestTimeoutMs: r.requestTimeoutMs,
          driftFactor: r.driftFactor,
          retryCount: r.retryCount,
          retryDelayMs: r.retryDelayMs,
          retryJitterMs: r.retryJitterMs,
          autoExtend: r.extend ? { thresholdMs, ...(r.maxExtensions === undefined ? {} : { maxExtensions: r.maxExtensions }) } : null,
        };
        // Sometimes leave fields to the schema's defaults (requestTimeoutMs only if the default is what we chose).
        const omitted = r.omit.filter((k) => k !== 'requestTimeoutMs' || r.requestTimeoutMs === 50);
        return Object.fromEntries(Object.entries(full).filter(([k]) => !(omitted as readonly string[]).includes(k))) as StrategyInput;
      });
    return withWorkload(strategy, (s) => s.kind === 'redlock' && s.autoExtend !== null && s.autoExtend !== undefined);
  }
  if (kind === 'single-failover') {
    const strategy = fc
      .record({
        waitReplicas: fc.integer({ min: 0, max: w.replicas.length }),
        waitTimeoutMs: fc.integer({ min: 0, max: 200 }),
        poll: pollArb,
      })
      .map(({ poll, ...r }): StrategyInput => ({ kind: 'single-failover', ...r, ...poll }));
    return withWorkload(strategy, () => false);
  }
  const strategy = pollArb.map((poll): StrategyInput => ({ kind, ...(target === null ? {} : { node: target }), ...poll }));
  return withWorkload(strategy, () => false);
}

/**
 * Correct usage with auto-extension: enough extensions to cover the critical section and
 * its writes (each extension buys TTL − threshold − drift; the default cap, 1,000, always
 * does). In the other modes the cap stays whatever was drawn, so a lease can run out.
 */
function fixExtensions(s: StrategyInput, criticalSectionMs: number, writes: number, ttlMs: number, correct: boolean): StrategyInput {
  if (!correct || s.kind !== 'redlock' || s.autoExtend === null || s.autoExtend === undefined || s.autoExtend.maxExtensions === undefined)
    return s;
  const driftMs = Math.round((s.driftFactor ?? 0.01) * ttlMs) + 2;
  const gainMs = Math.max(1, ttlMs - s.autoExtend.thresholdMs - driftMs - 2 * (s.requestTimeoutMs ?? 50));
  const needed = Math.ceil((criticalSectionMs + writes + 1) / gainMs) + 1;
  return { ...s, autoExtend: { ...s.autoExtend, maxExtensions: Math.max(s.autoExtend.maxExtensions, needed) } };
}

function clientsArb(w: LockWorld): fc.Arbitrary<ClientInput[]> {
  // Single-instance designs lock one node: all clients the same one (correct usage), or in
  // mixed/faulty worlds each its own pick (a client that locks a replica is refused).
  const targetArb = fc.oneof(fc.constant<string | null>(null), fc.constantFrom(...w.masters));
  const anyTarget = fc.oneof(
    { weight: 4, arbitrary: targetArb },
    { weight: w.o.faults === 'all' && w.replicas.length > 0 ? 1 : 0, arbitrary: fc.constantFrom<string | null>(...w.replicas, null) },
  );
  return fc.tuple(targetArb, fc.array(anyTarget, { minLength: w.kinds.length, maxLength: w.kinds.length })).chain(([shared, own]) => {
    const sameTarget = !w.o.mixedStrategies && w.o.faults !== 'all';
    const perClient = w.kinds.map((kind, i) =>
      fc
        .tuple(lockClientArb(w, kind, sameTarget ? shared : (own[i] ?? null)), w.o.faults === 'all' ? faultyClock(w.ttlMs) : rightClock)
        .map(([c, clock]): ClientInput => ({ id: w.clientIds[i] as string, ...(clock === undefined ? {} : { clock }), ...c })),
    );
    return fc.tuple(...perClient);
  });
}

function nodesArb(w: LockWorld): fc.Arbitrary<NodeInput[]> {
  const faulty = w.o.faults === 'all';
  const one = fc.record(
    {
      persistence: fc.constantFrom('none' as const, 'aof-everysec' as const, 'aof-always' as const),
      hz: fc.constantFrom(1, 10, 100),
      restartDelayMs: faulty ? fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * w.ttlMs })) : fc.constant(0),
      clock: faulty ? faultyClock(w.ttlMs) : rightClock,
    },
    { requiredKeys: [], noNullPrototype: true },
  );
  const ids = [...w.masters, ...w.replicas];
  return fc.array(one, { minLength: ids.length, maxLength: ids.length }).map((specs) =>
    ids.map((id, i): NodeInput => {
      const { clock, ...rest } = specs[i] ?? {};
      const replicaOf = i >= w.masters.length ? (w.masters[0] as string) : undefined;
      return { id, ...(replicaOf === undefined ? {} : { replicaOf }), ...rest, ...(clock === undefined ? {} : { clock }) };
    }),
  );
}

function networkArb(w: LockWorld): fc.Arbitrary<NetworkInput> {
  if (w.o.faults !== 'all') {
    return fc.record(
      { latencyMs: faultFreeLatency, replicationLagMs: faultFreeLatency },
      { requiredKeys: ['latencyMs'], noNullPrototype: true },
    );
  }
  const pool = [...w.masters, ...w.replicas, ...w.clientIds, 'storage'];
  const link = fc.record({
    from: fc.constantFrom(...pool),
    to: fc.constantFrom(...pool),
    extraDelayMs: fc.integer({ min: 0, max: w.ttlMs }),
    dropRate: fc.oneof(fc.constant(0), probability),
  });
  return fc.record(
    {
      latencyMs: faultyLatency(w.ttlMs),
      replicationLagMs: faultyLatency(w.ttlMs),
      dropRate: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }).map((p) => p / 100) },
      ),
      links: fc.array(link, { maxLength: 2 }),
    },
    { requiredKeys: ['latencyMs'], noNullPrototype: true },
  );
}

// ---------------------------------------------------------------------------------------
// Timelines

function faultTimelineArb(w: LockWorld): fc.Arbitrary<TimelineInput[]> {
  const d = w.durationMs;
  const ttl = w.ttlMs;
  const at = fc.integer({ min: 0, max: d });
  const node = fc.constantFrom(...w.masters, ...w.replicas);
  const client = fc.constantFrom(...w.clientIds);
  const clockOwner = fc.constantFrom(...w.masters, ...w.replicas, ...w.clientIds);
  const pool = [...w.masters, ...w.replicas, ...w.clientIds, 'storage', ...(w.sentinel ? ['sentinel'] : [])];
  const proc = fc.constantFrom(...pool);
  const span = fc.integer({ min: 1, max: 2 * ttl });
  const optionalSpan = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 * ttl }));
  const entry: fc.Arbitrary<TimelineInput> = fc.oneof(
    fc.record({ atMs: at, kind: fc.constant('crash-node' as const), node, clean: fc.boolean(), restartAfterMs: optionalSpan }),
    fc.record({ atMs: at, kind: fc.constant('restart-node' as const), node }),
    fc.record({ atMs: at, kind: fc.constant('pause-node' as const), node, durationMs: span }),
    fc.record({ atMs: at, kind: fc.constant('kill-master' as const), restartAfterMs: optionalSpan }),
    fc.record({ atMs: at, kind: fc.constant('crash-client' as const), client }),
    fc.record({ atMs: at, kind: fc.constant('pause-client' as const), client, durationMs: span }),
    fc.record({
      atMs: at,
      kind: fc.constant('clock-jump' as const),
      process: clockOwner,
      deltaMs: fc.integer({ min: -2 * ttl, max: 2 * ttl }),
    }),
    fc.record({ atMs: at, kind: fc.constant('clock-rate' as const), process: clockOwner, rate: clockRate }),
    fc.record({
      atMs: at,
      kind: fc.constant('partition' as const),
      id: fc.constantFrom('p1', 'p2'),
      groups: partitionGroupsArb(pool),
      durationMs: optionalSpan,
    }),
    fc.record({ atMs: at, kind: fc.constant('heal' as const), id: fc.constantFrom(null, 'p1', 'p2') }),
    fc.record({
      atMs: at,
      kind: fc.constant('link-delay' as const),
      from: proc,
      to: proc,
      extraMs: fc.integer({ min: 1, max: 2 * ttl }),
      durationMs: optionalSpan,
    }),
    fc.record({ atMs: at, kind: fc.constant('link-drop' as const), from: proc, to: proc, rate: probability, durationMs: optionalSpan }),
  );
  return fc.array(entry, { minLength: 1, maxLength: 8 });
}

/**
 * Forward wall-clock jumps of at least one TTL on a non-empty subset of the masters, all
 * within a quarter TTL of each other: every key those nodes hold expires at once (R5).
 */
function nodeClockJumpsArb(w: LockWorld): fc.Arbitrary<TimelineInput[]> {
  return fc
    .record({
      baseMs: fc.integer({ min: 0, max: Math.floor(w.durationMs / 2) }),
      nodes: fc.shuffledSubarray([...w.masters], { minLength: 1 }),
      offsets: fc.array(fc.integer({ min: 0, max: Math.floor(w.ttlMs / 4) }), { minLength: w.masters.length, maxLength: w.masters.length }),
      deltas: fc.array(fc.integer({ min: w.ttlMs, max: 3 * w.ttlMs }), { minLength: w.masters.length, maxLength: w.masters.length }),
    })
    .map(({ baseMs, nodes, offsets, deltas }) =>
      nodes.map(
        (process, i): TimelineInput => ({
          atMs: Math.min(w.durationMs, baseMs + (offsets[i] ?? 0)),
          kind: 'clock-jump',
          process,
          deltaMs: deltas[i] ?? w.ttlMs,
        }),
      ),
    );
}

function timelineArb(w: LockWorld): fc.Arbitrary<TimelineInput[] | undefined> {
  switch (w.o.faults) {
    case 'none':
      return fc.constantFrom(undefined, []);
    case 'all':
      return faultTimelineArb(w);
    case 'node-clock-jumps':
      return nodeClockJumpsArb(w);
  }
}

function sentinelArb(w: LockWorld) {
  if (!w.sentinel) return fc.constant(undefined);
  // Short enough that a failover happens within the run when a fault calls for one.
  return fc.record(
    {
      downAfterMs: fc.integer({ min: 200, max: Math.max(200, Math.min(5_000, Math.floor(w.durationMs / 3))) }),
      pingPeriodMs: fc.integer({ min: 100, max: 1_000 }),
      promotionMs: fc.integer({ min: 0, max: 2_000 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

function documentArb(w: LockWorld): fc.Arbitrary<ScenarioInputV1> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      fencing: fc.constantFrom('none' as const, 'token' as const, 'cas' as const),
      nodes: nodesArb(w),
      clients: clientsArb(w),
      network: networkArb(w),
      timeline: timelineArb(w),
      sentinel: sentinelArb(w),
    })
    .map(
      ({ timeline, sentinel, ...doc }): ScenarioInputV1 => ({
        version: 1,
        name: `lock scenario: ${[...new Set(w.kinds)].join(', ')} (${w.o.faults === 'none' ? 'fault-free' : `faults: ${w.o.faults}`})`,
        durationMs: w.durationMs,
        lock: { key: 'lock', ttlMs: w.ttlMs },
        ...doc,
        ...(timeline === undefined ? {} : { timeline }),
        ...(sentinel === undefined ? {} : { sentinel }),
      }),
    );
}

/** Valid lock-scenario documents, as plain JSON-compatible data. */
export function lockScenarioInputArb(options: LockScenarioOptions = {}): fc.Arbitrary<ScenarioInputV1> {
  return worldArb(resolve(options)).chain(documentArb);
}

/** Valid lock-scenario documents with their parsed form. Throws if a document fails validation. */
export function lockScenarioArb(options: LockScenarioOptions = {}): fc.Arbitrary<ValidScenario> {
  return lockScenarioInputArb(options).map((input) => ({ input, scenario: mustParse(input) }));
}

/** The scenario as compact JSON, for failure messages and reports. */
export function scenarioJson(s: Scenario | ScenarioInputV1): string {
  return JSON.stringify(s);
}
