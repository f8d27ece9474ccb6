import fc from 'fast-check';
import { COMMAND_NAMES } from '../../src/sim/redis/commands.ts';
import { SCRIPT_NAMES } from '../../src/sim/redis/scripts.ts';
import type { Scenario } from '../../src/sim/model/scenario.ts';
import { formatIssues } from '../../src/scenario/issues.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInputV1 } from '../../src/scenario/schema.ts';

/**
 * fast-check arbitraries of VALID scenario documents (format v1) that exercise the whole
 * engine: replicated topologies with and without Sentinel, persistence, hz, skewed and
 * drifting clocks, every latency kind, loss, static links, script clients sending every
 * supported command (EVAL scripts and WAIT included, plus malformed arguments the server
 * must refuse), and timelines with every kind of entry.
 *
 * Every document is generated as plain JSON data (what a file or a URL would carry), with
 * optional fields sometimes left out so that the schema's defaults are exercised too.
 * `validScenarioArb()` parses each document and throws if it is not valid: an invalid
 * document coming out of here is a bug in the arbitrary (or in the validator).
 */

/** Default upper bound of a generated run's length: long enough for failovers, short enough to run fast. */
export const DURATION_MS_MAX = 60_000;

type NodeInput = ScenarioInputV1['nodes'][number];
type ClientInput = ScenarioInputV1['clients'][number];
type TimelineInput = NonNullable<ScenarioInputV1['timeline']>[number];
type LatencyInput = { kind: 'fixed'; ms: number } | { kind: 'uniform'; minMs: number; maxMs: number } | LongTail;
type LongTail = { kind: 'long-tail'; minMs: number; maxMs: number; tailProbability: number; tailMaxMs: number };
type Argv = string[];

/** The world's size, decided first: everything else refers to these ids. */
interface Shape {
  nodeIds: string[];
  clientIds: string[];
  /** replicaOf per node (index-aligned with nodeIds), or undefined for a master. */
  replicaOf: Array<string | undefined>;
  /** The order the nodes are listed in the document (replicas may precede their master). */
  order: number[];
  durationMs: number;
  sentinel: boolean;
}

const NODE_PREFIXES = ['N', 'node-', 'Redis_', 'M'] as const;
const CLIENT_PREFIXES = ['C', 'client-', 'App_', 'W'] as const;
const PARTITION_IDS = ['p1', 'p2', 'part-3'] as const;
/** Keys the script clients fight over: a small pool so that commands collide. */
export const KEY_POOL = ['lock', 'lock2', 'k', 'counter', 'res:{1}'] as const;

function shapeArb(durationMsMax: number): fc.Arbitrary<Shape> {
  return fc
    .record({
      nodeCount: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: LIMITS.nodesMax }) },
      ),
      clientCount: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: LIMITS.clientsMax }) },
      ),
      nodePrefix: fc.constantFrom(...NODE_PREFIXES),
      clientPrefix: fc.constantFrom(...CLIENT_PREFIXES),
      replicaWanted: fc.array(fc.boolean(), { minLength: LIMITS.nodesMax, maxLength: LIMITS.nodesMax }),
      masterPick: fc.array(fc.nat(), { minLength: LIMITS.nodesMax, maxLength: LIMITS.nodesMax }),
      orderKeys: fc.array(fc.nat({ max: 3 }), { minLength: LIMITS.nodesMax, maxLength: LIMITS.nodesMax }),
      durationMs: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(1, 10, Math.min(1_000, durationMsMax), durationMsMax) },
        { weight: 4, arbitrary: fc.integer({ min: 1, max: durationMsMax }) },
      ),
      sentinel: fc.boolean(),
    })
    .map((r) => {
      const nodeIds = Array.from({ length: r.nodeCount }, (_, i) => `${r.nodePrefix}${i + 1}`);
      const clientIds = Array.from({ length: r.clientCount }, (_, i) => `${r.clientPrefix}${i + 1}`);
      const replicaOf: Array<string | undefined> = [];
      const masters: string[] = [];
      nodeIds.forEach((id, i) => {
        // Node 1 is always a master; later nodes replicate one of the masters before them.
        if (i > 0 && r.replicaWanted[i] === true && masters.length > 0) {
          replicaOf.push(masters[(r.masterPick[i] ?? 0) % masters.length]);
        } else {
          replicaOf.push(undefined);
          masters.push(id);
        }
      });
      const order = nodeIds.map((_, i) => i).sort((a, b) => (r.orderKeys[a] ?? 0) - (r.orderKeys[b] ?? 0) || a - b);
      return { nodeIds, clientIds, replicaOf, order, durationMs: r.durationMs, sentinel: r.sentinel };
    });
}

// ---------------------------------------------------------------------------------------
// Small building blocks

const smallMs = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: LIMITS.latencyMsMax }) },
);

/** Loss rates: mostly round percentages (a few in a hundred), sometimes any double in [0, 1]. */
export const probability = fc
  .oneof(
    { weight: 2, arbitrary: fc.constantFrom(0, 1) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => n / 100) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => n / 100) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  )
  .map((p) => (Object.is(p, -0) ? 0 : p));

export const clockRate = fc.oneof(
  { weight: 3, arbitrary: fc.constant(1) },
  { weight: 2, arbitrary: fc.double({ min: 0.9, max: 1.1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: LIMITS.clockRateMin, max: LIMITS.clockRateMax, noNaN: true }) },
);

const clockOffsetMs = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -2_000, max: 2_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -LIMITS.clockOffsetMsMax, max: LIMITS.clockOffsetMsMax }) },
);

const clockArb = fc.record({ offsetMs: clockOffsetMs, rate: clockRate }, { requiredKeys: [], noNullPrototype: true });

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export const latencyArb: fc.Arbitrary<LatencyInput> = fc.oneof(
  smallMs.map((ms): LatencyInput => ({ kind: 'fixed', ms })),
  fc.tuple(smallMs, smallMs).map(([a, b]): LatencyInput => {
    const [minMs = 0, maxMs = 0] = sorted([a, b]);
    return { kind: 'uniform', minMs, maxMs };
  }),
  fc.tuple(smallMs, smallMs, smallMs, probability).map(([a, b, c, tailProbability]): LatencyInput => {
    const [minMs = 0, maxMs = 0, tailMaxMs = 0] = sorted([a, b, c]);
    return { kind: 'long-tail', minMs, maxMs, tailProbability, tailMaxMs };
  }),
);

/** Any time in the run, with the edges (0 and the last millisecond) over-represented. */
function atMsArb(durationMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(0, durationMs) },
    { weight: 6, arbitrary: fc.integer({ min: 0, max: durationMs }) },
  );
}

/** A length of time that may run past the end of the run (that is allowed). */
function spanMsArb(durationMs: number, min: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min, max: Math.max(min, Math.min(durationMs, 100)) }),
    fc.integer({ min, max: Math.max(min, Math.min(durationMs * 2, LIMITS.durationMsMax)) }),
  );
}

// ---------------------------------------------------------------------------------------
// Commands

const keyArb = fc.constantFrom(...KEY_POOL);
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('v1', 'v2', 'token-a', 'token-b', '1', '0') },
  { weight: 1, arbitrary: fc.constantFrom('', 'x y', 'värde', '🔒', '\ud800', '"quoted"', '9223372036854775807') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Integer arguments, including the ones Redis refuses (not an integer, out of int64). */
const intArgArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 70_000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '9223372036854775807',
      '-9223372036854775808',
      '9223372036854775808',
      '4611686018427387904',
      'abc',
      '1.5',
      '+1',
      '01',
      '-0',
      '',
      ' 5',
    ),
  },
);
const ttlMsArgArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 30_000 }).map(String) },
  { weight: 1, arbitrary: intArgArb },
);
const ttlSecArgArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }).map(String) }, { weight: 1, arbitrary: intArgArb });

/** SET options in any order and combination: most combinations are legal, some are syntax errors. */
const setOptionsArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(['NX'], ['XX'], ['GET'], ['KEEPTTL'], ['nx'], ['BOGUS'], ['PX']),
      ttlMsArgArb.map((v) => ['PX', v]),
      ttlSecArgArb.map((v) => ['EX', v]),
    ),
    { maxLength: 3 },
  )
  .map((parts) => parts.flat());

const expireOptionsArb = fc.array(fc.constantFrom('NX', 'XX', 'GT', 'LT', 'gt', 'BOGUS'), { maxLength: 2 });

const evalArb: fc.Arbitrary<Argv> = fc
  .record({
    script: fc.constantFrom(...SCRIPT_NAMES),
    keys: fc.array(keyArb, { maxLength: 3 }),
    args: fc.tuple(valueArb, ttlMsArgArb).chain(([v, ttl]) => fc.subarray([v, ttl])),
    numkeys: fc.oneof({ weight: 5, arbitrary: fc.constant<string | null>(null) }, { weight: 1, arbitrary: intArgArb }),
  })
  .map(({ script, keys, args, numkeys }) => ['EVAL', script, numkeys ?? String(keys.length), ...keys, ...args]);

/** A well-formed (or deliberately malformed) invocation of every supported command. */
export const commandArb: fc.Arbitrary<Argv> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(keyArb, valueArb, setOptionsArb).map(([k, v, o]) => ['SET', k, v, ...o]) },
  { weight: 1, arbitrary: fc.tuple(keyArb, valueArb).map(([k, v]) => ['SETNX', k, v]) },
  { weight: 3, arbitrary: keyArb.map((k) => ['GET', k]) },
  { weight: 2, arbitrary: fc.array(keyArb, { minLength: 1, maxLength: 3 }).map((ks) => ['DEL', ...ks]) },
  { weight: 1, arbitrary: fc.array(keyArb, { minLength: 1, maxLength: 3 }).map((ks) => ['EXISTS', ...ks]) },
  { weight: 1, arbitrary: fc.tuple(keyArb, ttlSecArgArb, expireOptionsArb).map(([k, s, o]) => ['EXPIRE', k, s, ...o]) },
  { weight: 2, arbitrary: fc.tuple(keyArb, ttlMsArgArb, expireOptionsArb).map(([k, ms, o]) => ['PEXPIRE', k, ms, ...o]) },
  { weight: 2, arbitrary: keyArb.map((k) => ['PTTL', k]) },
  { weight: 1, arbitrary: keyArb.map((k) => ['TTL', k]) },
  { weight: 1, arbitrary: keyArb.map((k) => ['INCR', k]) },
  { weight: 1, arbitrary: fc.option(valueArb, { nil: undefined }).map((m) => (m === undefined ? ['PING'] : ['PING', m])) },
  { weight: 4, arbitrary: evalArb },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }).map(String) }, { weight: 1, arbitrary: intArgArb }),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom('0', '5', '50', '1000', '20000') }, { weight: 1, arbitrary: intArgArb }),
      )
      .map(([n, timeout]) => ['WAIT', n, timeout]),
  },
  // Wrong arity and lower-case names: the server must answer with the right error.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...COMMAND_NAMES),
        fc.boolean(),
        fc.array(fc.oneof(keyArb, valueArb), { maxLength: 4 }),
        fc.constantFrom(...SCRIPT_NAMES),
      )
      .map(([name, lower, args, script]) => {
        // The schema checks EVAL's script name; everything after it is the server's business.
        const rest = [...args];
        if (name === 'EVAL' && rest.length > 0) rest[0] = script;
        return [lower ? name.toLowerCase() : name, ...rest];
      }),
  },
);

// ---------------------------------------------------------------------------------------
// Nodes, clients, network, timeline

function nodesArb(shape: Shape): fc.Arbitrary<NodeInput[]> {
  const one = fc.record(
    {
      persistence: fc.constantFrom('none', 'aof-everysec', 'aof-always'),
      restartDelayMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: shape.durationMs })),
      hz: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(1, 10, 100) },
        { weight: 1, arbitrary: fc.integer({ min: LIMITS.hzMin, max: LIMITS.hzMax }) },
      ),
      clock: clockArb,
    },
    { requiredKeys: [], noNullPrototype: true },
  );
  return fc.array(one, { minLength: shape.nodeIds.length, maxLength: shape.nodeIds.length }).map((specs) =>
    shape.order.map((i): NodeInput => {
      const id = shape.nodeIds[i] as string;
      const replicaOf = shape.replicaOf[i];
      return { id, ...(replicaOf === undefined ? {} : { replicaOf }), ...specs[i] };
    }),
  );
}

function scriptStepsArb(shape: Shape): fc.Arbitrary<Array<{ atMs: number; node: string; argv: Argv }>> {
  const step = fc.record(
    { atMs: atMsArb(shape.durationMs), node: fc.constantFrom(...shape.nodeIds), argv: commandArb },
    { noNullPrototype: true },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(step, { maxLength: 30, size: 'max' }) },
    { weight: 1, arbitrary: fc.array(step, { maxLength: 150, size: 'max' }) },
  );
}

function workloadArb(shape: Shape) {
  return fc.record(
    {
      startMs: fc.integer({ min: 0, max: shape.durationMs }),
      rounds: fc.integer({ min: 0, max: 20 }),
      criticalSectionMs: fc.integer({ min: 0, max: 5_000 }),
      thinkMs: fc.integer({ min: 0, max: 5_000 }),
      writes: fc.integer({ min: 0, max: 5 }),
      checkValidityBeforeWrite: fc.boolean(),
      acquireTimeoutMs: fc.integer({ min: 0, max: 20_000 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

type StrategyInput = ClientInput['strategy'];

/**
 * A lock client's strategy, any design with any parameters the schema accepts (within
 * bounds that keep a run fast): single-instance designs on any node, or on the default
 * one; single-failover only where there is a Sentinel. autoExtend's threshold is fitted
 * to the TTL later (fitToLock), once the lock is known.
 */
function lockStrategyArb(shape: Shape): fc.Arbitrary<StrategyInput> {
  const rec = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
    fc.record(model, { requiredKeys: ['kind' as keyof T], noNullPrototype: true });
  const node = fc.oneof(fc.constant(null), fc.constantFrom(...shape.nodeIds));
  const requestTimeoutMs = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 2_000 }));
  const retryDelayMs = fc.oneof(
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) },
    { weight: 4, arbitrary: fc.integer({ min: 20, max: 1_000 }) },
  );
  const single = (kind: 'setnx-expire' | 'set-nx-px-del' | 'set-nx-px-cad') =>
    rec({ kind: fc.constant(kind), node, requestTimeoutMs, retryDelayMs }) as fc.Arbitrary<StrategyInput>;
  const redlock = rec({
    kind: fc.constant('redlock' as const),
    mode: fc.constantFrom('parallel' as const, 'sequential' as const),
    requestTimeoutMs: fc.integer({ min: 1, max: 500 }),
    driftFactor: fc.oneof(fc.constantFrom(0, 0.01), fc.double({ min: 0, max: 0.5, noNaN: true })),
    retryCount: fc.integer({ min: 0, max: 50 }),
    retryDelayMs: fc.integer({ min: 0, max: 1_000 }),
    retryJitterMs: fc.integer({ min: 0, max: 500 }),
    autoExtend: fc.oneof(
      fc.constant(null),
      fc.record(
        { thresholdMs: fc.integer({ min: 1, max: 20_000 }), maxExtensions: fc.integer({ min: 0, max: 50 }) },
        { requiredKeys: ['thresholdMs'], noNullPrototype: true },
      ),
    ),
  }) as fc.Arbitrary<StrategyInput>;
  const failover = rec({
    kind: fc.constant('single-failover' as const),
    waitReplicas: fc.integer({ min: 0, max: 3 }),
    waitTimeoutMs: fc.integer({ min: 0, max: 1_000 }),
    requestTimeoutMs,
    retryDelayMs,
  }) as fc.Arbitrary<StrategyInput>;
  const designs = [single('setnx-expire'), single('set-nx-px-del'), single('set-nx-px-cad'), redlock, redlock];
  return fc.oneof(...designs, ...(shape.sentinel ? [failover] : []));
}

/** Redlock's auto-extension threshold must be below the TTL (crossCheck); none fits a 1 ms TTL. */
function fitToLock(client: ClientInput, ttlMs: number): ClientInput {
  const s = client.strategy;
  if (s.kind !== 'redlock' || s.autoExtend === null || s.autoExtend === undefined || s.autoExtend.thresholdMs < ttlMs) return client;
  const autoExtend = ttlMs <= 1 ? null : { ...s.autoExtend, thresholdMs: 1 + ((s.autoExtend.thresholdMs - 1) % (ttlMs - 1)) };
  return { ...client, strategy: { ...s, autoExtend } };
}

function clientsArb(shape: Shape, lockClients: boolean): fc.Arbitrary<ClientInput[]> {
  if (!lockClients) return scriptClientsArb(shape);
  const script = scriptStepsArb(shape).map((steps): StrategyInput => ({ kind: 'script', steps }));
  const strategy = fc.oneof({ weight: 1, arbitrary: script }, { weight: 3, arbitrary: lockStrategyArb(shape) });
  const one = fc.record(
    {
      clock: clockArb,
      strategy,
      workload: workloadArb(shape),
    },
    { requiredKeys: ['strategy'], noNullPrototype: true },
  );
  return fc
    .array(one, { minLength: shape.clientIds.length, maxLength: shape.clientIds.length })
    .map((specs) => specs.map(({ strategy: s, ...rest }, i): ClientInput => ({ id: shape.clientIds[i] as string, ...rest, strategy: s })));
}

/** Script clients only (the arbitrary as it was before lock clients existed: pinned paths stay valid). */
function scriptClientsArb(shape: Shape): fc.Arbitrary<ClientInput[]> {
  const one = fc.record(
    {
      clock: clockArb,
      steps: scriptStepsArb(shape),
      workload: workloadArb(shape),
    },
    { requiredKeys: ['steps'], noNullPrototype: true },
  );
  return fc
    .array(one, { minLength: shape.clientIds.length, maxLength: shape.clientIds.length })
    .map((specs) =>
      specs.map(
        ({ steps, ...rest }, i): ClientInput => ({ id: shape.clientIds[i] as string, ...rest, strategy: { kind: 'script', steps } }),
      ),
    );
}

/** Every process a link or a partition may name: nodes, clients and the two service processes. */
function processPool(shape: Shape): string[] {
  return [...shape.nodeIds, ...shape.clientIds, 'sentinel', 'storage'];
}

function networkArb(shape: Shape) {
  const pool = processPool(shape);
  const link = fc.record(
    {
      from: fc.constantFrom(...pool),
      to: fc.constantFrom(...pool),
      extraDelayMs: smallMs,
      dropRate: probability,
    },
    { requiredKeys: ['from', 'to'], noNullPrototype: true },
  );
  return fc.record(
    {
      latencyMs: latencyArb,
      replicationLagMs: latencyArb,
      dropRate: probability,
      links: fc.array(link, { maxLength: 5 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

/** Two or more disjoint, non-empty groups of distinct processes. */
export function partitionGroupsArb(pool: string[]): fc.Arbitrary<string[][]> {
  return fc
    .tuple(
      fc.shuffledSubarray(pool, { minLength: 2 }),
      fc.uniqueArray(fc.integer({ min: 1, max: pool.length - 1 }), { minLength: 1, maxLength: 15 }),
    )
    .map(([members, cutsRaw]) => {
      const cuts = sorted(cutsRaw.filter((c) => c < members.length));
      if (cuts.length === 0) cuts.push(Math.floor(members.length / 2));
      const groups: string[][] = [];
      let start = 0;
      for (const cut of [...cuts, members.length]) {
        groups.push(members.slice(start, cut));
        start = cut;
      }
      return groups;
    });
}

function timelineArb(shape: Shape): fc.Arbitrary<TimelineInput[]> {
  const d = shape.durationMs;
  const at = atMsArb(d);
  const node = fc.constantFrom(...shape.nodeIds);
  const client = fc.constantFrom(...shape.clientIds);
  const clockOwner = fc.constantFrom(...shape.nodeIds, ...shape.clientIds);
  const pool = processPool(shape);
  const process = fc.constantFrom(...pool);
  const optionalSpan = fc.oneof(fc.constant(null), spanMsArb(d, 0));
  const rec = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: Array<keyof T>) =>
    fc.record(model, { requiredKeys: required, noNullPrototype: true });

  const entries: Array<fc.Arbitrary<TimelineInput>> = [
    rec({ atMs: at, kind: fc.constant('crash-node' as const), node, clean: fc.boolean(), restartAfterMs: optionalSpan }, [
      'atMs',
      'kind',
      'node',
    ]),
    rec({ atMs: at, kind: fc.constant('restart-node' as const), node }, ['atMs', 'kind', 'node']),
    rec({ atMs: at, kind: fc.constant('pause-node' as const), node, durationMs: spanMsArb(d, 1) }, ['atMs', 'kind', 'node', 'durationMs']),
    rec({ atMs: at, kind: fc.constant('kill-master' as const), restartAfterMs: optionalSpan }, ['atMs', 'kind']),
    rec({ atMs: at, kind: fc.constant('crash-client' as const), client }, ['atMs', 'kind', 'client']),
    rec({ atMs: at, kind: fc.constant('pause-client' as const), client, durationMs: spanMsArb(d, 1) }, [
      'atMs',
      'kind',
      'client',
      'durationMs',
    ]),
    rec(
      {
        atMs: at,
        kind: fc.constant('clock-jump' as const),
        process: clockOwner,
        deltaMs: fc.oneof(
          fc.integer({ min: -30_000, max: 30_000 }),
          fc.integer({ min: -LIMITS.clockOffsetMsMax, max: LIMITS.clockOffsetMsMax }),
        ),
      },
      ['atMs', 'kind', 'process', 'deltaMs'],
    ),
    rec({ atMs: at, kind: fc.constant('clock-rate' as const), process: clockOwner, rate: clockRate }, ['atMs', 'kind', 'process', 'rate']),
    rec(
      {
        atMs: at,
        kind: fc.constant('partition' as const),
        id: fc.constantFrom(...PARTITION_IDS),
        groups: partitionGroupsArb(pool),
        durationMs: optionalSpan,
      },
      ['atMs', 'kind', 'groups'],
    ),
    rec({ atMs: at, kind: fc.constant('heal' as const), id: fc.oneof(fc.constant(null), fc.constantFrom(...PARTITION_IDS)) }, [
      'atMs',
      'kind',
    ]),
    rec(
      {
        atMs: at,
        kind: fc.constant('link-delay' as const),
        from: process,
        to: process,
        extraMs: fc.integer({ min: 1, max: 5_000 }),
        durationMs: optionalSpan,
      },
      ['atMs', 'kind', 'from', 'to', 'extraMs'],
    ),
    rec({ atMs: at, kind: fc.constant('link-drop' as const), from: process, to: process, rate: probability, durationMs: optionalSpan }, [
      'atMs',
      'kind',
      'from',
      'to',
      'rate',
    ]),
  ];
  // A failover drill: the master dies for good early on, so Sentinel (if any) promotes a replica.
  const drill = rec(
    { atMs: fc.integer({ min: 0, max: Math.floor(d / 3) }), kind: fc.constant('kill-master' as const), restartAfterMs: fc.constant(null) },
    ['atMs', 'kind', 'restartAfterMs'],
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<TimelineInput[]>([]) },
    { weight: 2, arbitrary: fc.tuple(drill, fc.array(fc.oneof(...entries), { maxLength: 8 })).map(([k, rest]) => [k, ...rest]) },
    { weight: 5, arbitrary: fc.array(fc.oneof(...entries), { maxLength: 15, size: 'max' }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(...entries), { maxLength: 60, size: 'max' }) },
  );
}

function sentinelArb(shape: Shape) {
  return fc.record(
    {
      // Mostly short enough for a failover to happen within the run.
      downAfterMs: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.max(1, Math.min(600_000, Math.floor(shape.durationMs / 2))) }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 600_000 }) },
      ),
      pingPeriodMs: fc.oneof(fc.constant(1_000), fc.integer({ min: 100, max: 10_000 })),
      promotionMs: fc.integer({ min: 0, max: 10_000 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

function documentArb(shape: Shape, lockClients: boolean): fc.Arbitrary<ScenarioInputV1> {
  return fc
    .record(
      {
        name: fc.string({ minLength: 1, maxLength: 40 }),
        description: fc.string({ maxLength: 80 }),
        seed: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: LIMITS.seedMax })),
        lock: fc.record({ key: keyArb, ttlMs: fc.integer({ min: 1, max: LIMITS.ttlMsMax }) }, { requiredKeys: [], noNullPrototype: true }),
        fencing: fc.constantFrom('none', 'token', 'cas'),
        nodes: nodesArb(shape),
        sentinel: shape.sentinel ? sentinelArb(shape) : fc.constant(null),
        network: networkArb(shape),
        clients: clientsArb(shape, lockClients),
        timeline: timelineArb(shape),
      },
      { requiredKeys: ['nodes', 'clients', 'seed'], noNullPrototype: true },
    )
    .map((doc): ScenarioInputV1 => {
      // durationMs may be left to its default (60 s) only when that is the run's length.
      const omitDuration = shape.durationMs === 60_000 && doc.seed % 2 === 0;
      const ttlMs = doc.lock?.ttlMs ?? 10_000;
      const clients = doc.clients.map((c) => fitToLock(c, ttlMs));
      // single-failover finds its master through Sentinel: give it one (all defaults) if the draw left it out.
      const needsSentinel = clients.some((c) => c.strategy.kind === 'single-failover') && (doc.sentinel ?? null) === null;
      return {
        version: 1,
        ...(omitDuration ? {} : { durationMs: shape.durationMs }),
        ...doc,
        clients,
        ...(needsSentinel ? { sentinel: {} } : {}),
      };
    });
}

export interface ScenarioArbOptions {
  /** Longest run to generate (default DURATION_MS_MAX); at most LIMITS.durationMsMax. */
  durationMsMax?: number;
  /**
   * Clients may also be lock clients of every design, with any parameters (default false:
   * script clients only). For lock worlds built to a purpose (fault-free, correct usage,
   * targeted faults) see lockScenario.ts.
   */
  lockClients?: boolean;
}

/** Valid scenario documents, as plain JSON-compatible data. */
export function scenarioInputArb(options: ScenarioArbOptions = {}): fc.Arbitrary<ScenarioInputV1> {
  const durationMsMax = Math.min(options.durationMsMax ?? DURATION_MS_MAX, LIMITS.durationMsMax);
  const lockClients = options.lockClients ?? false;
  return shapeArb(durationMsMax).chain((shape) => documentArb(shape, lockClients));
}

export interface ValidScenario {
  /** The document as a user would write it (defaults may be missing). */
  input: ScenarioInputV1;
  /** The parsed scenario, defaults filled in: what the engine runs. */
  scenario: Scenario;
}

/** Valid documents together with their parsed form. Throws if a document fails validation. */
export function validScenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<ValidScenario> {
  return scenarioInputArb(options).map((input) => ({ input, scenario: mustParse(input) }));
}

/** Parses a document that must be valid; throws with the issues (and the document) if not. */
export function mustParse(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) {
    throw new Error(`generated scenario is invalid:\n${formatIssues(result.issues)}\n${JSON.stringify(input).slice(0, 2_000)}`);
  }
  return result.value;
}
