import { z } from 'zod';
import { COMMAND_NAMES } from '../sim/redis/commands.ts';
import { SCRIPT_NAMES } from '../sim/redis/scripts.ts';
import { quoteInput } from './issues.ts';
import { LIMITS as L } from './limits.ts';

/**
 * The versioned scenario format (v1), validated with zod. Every object is strict (an
 * unknown field is an error, so a typo never silently does nothing) and most fields have
 * defaults, so a small document describes a whole experiment. Cross-field rules (ids that
 * must exist, times within the run) are checked in refine.ts.
 */
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const ms = (max: number) => int(0, max);
const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,23}$/, 'an id: a letter, then up to 23 letters, digits, _ or -');

const clock = z.strictObject({
  offsetMs: int(-L.clockOffsetMsMax, L.clockOffsetMsMax).default(0),
  rate: z.number().min(L.clockRateMin).max(L.clockRateMax).default(1),
});
const defaultClock = { offsetMs: 0, rate: 1 };

const latency = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), ms: ms(L.latencyMsMax) }),
  z.strictObject({ kind: z.literal('uniform'), minMs: ms(L.latencyMsMax), maxMs: ms(L.latencyMsMax) }),
  z.strictObject({
    kind: z.literal('long-tail'),
    minMs: ms(L.latencyMsMax),
    maxMs: ms(L.latencyMsMax),
    tailProbability: z.number().min(0).max(1),
    tailMaxMs: ms(L.latencyMsMax),
  }),
]);

const node = z.strictObject({
  id,
  replicaOf: id.optional(),
  persistence: z.enum(['none', 'aof-everysec', 'aof-always']).default('none'),
  restartDelayMs: ms(L.durationMsMax).default(0),
  hz: int(L.hzMin, L.hzMax).default(10),
  clock: clock.default(defaultClock),
});

const sentinel = z.strictObject({
  downAfterMs: int(1, 600_000).default(30_000),
  pingPeriodMs: int(100, 10_000).default(1_000),
  promotionMs: ms(60_000).default(1_000),
});

const link = z.strictObject({
  from: id,
  to: id,
  extraDelayMs: ms(L.latencyMsMax).default(0),
  dropRate: z.number().min(0).max(1).default(0),
});

const network = z.strictObject({
  latencyMs: latency.default({ kind: 'uniform', minMs: 1, maxMs: 3 }),
  replicationLagMs: latency.default({ kind: 'uniform', minMs: 1, maxMs: 5 }),
  dropRate: z.number().min(0).max(1).default(0),
  links: z.array(link).max(200).default([]),
});

const argv = z
  .array(z.string().max(L.argMaxChars))
  .min(1)
  .max(L.argvMax)
  .superRefine((args, ctx) => {
    const name = (args[0] ?? '').toUpperCase();
    if (!COMMAND_NAMES.includes(name)) {
      ctx.addIssue({ code: 'custom', path: [0], message: `unknown command ${quoteInput(args[0] ?? '')}; supported: ${COMMAND_NAMES.join(', ')}` });
    } else if (name === 'EVAL' && args[1] !== undefined && !SCRIPT_NAMES.includes(args[1])) {
      ctx.addIssue({ code: 'custom', path: [1], message: `unknown script ${quoteInput(args[1])}; EVAL takes a script name: ${SCRIPT_NAMES.join(', ')}` });
    }
  });

const scriptStep = z.strictObject({ atMs: ms(L.durationMsMax), node: id, argv });

const nodeRef = id.nullable().default(null);
const poll = {
  requestTimeoutMs: int(1, 60_000).default(1_000),
  retryDelayMs: int(1, 60_000).default(100),
};
const strategy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('script'), steps: z.array(scriptStep).max(L.scriptStepsMax) }),
  z.strictObject({ kind: z.literal('setnx-expire'), node: nodeRef, ...poll }),
  z.strictObject({ kind: z.literal('set-nx-px-del'), node: nodeRef, ...poll }),
  z.strictObject({ kind: z.literal('set-nx-px-cad'), node: nodeRef, ...poll }),
  z.strictObject({
    kind: z.literal('single-failover'),
    waitReplicas: int(0, L.nodesMax).default(0),
    waitTimeoutMs: ms(60_000).default(100),
    ...poll,
  }),
  z.strictObject({
    kind: z.literal('redlock'),
    mode: z.enum(['parallel', 'sequential']).default('parallel'),
    requestTimeoutMs: int(1, 60_000).default(50),
    driftFactor: z.number().min(0).max(0.5).default(0.01),
    retryCount: int(0, L.retryCountMax).default(3),
    retryDelayMs: ms(60_000).default(200),
    retryJitterMs: ms(60_000).default(100),
    autoExtend: z
      .strictObject({ thresholdMs: int(1, L.ttlMsMax), maxExtensions: int(0, 100_000).default(1_000) })
      .nullable()
      .default(null),
  }),
]);

const workload = z.strictObject({
  startMs: ms(L.durationMsMax).default(0),
  rounds: int(0, L.roundsMax).default(1),
  criticalSectionMs: ms(L.durationMsMax).default(1_000),
  thinkMs: ms(L.durationMsMax).default(500),
  writes: int(0, 100).default(1),
  checkValidityBeforeWrite: z.boolean().default(false),
  acquireTimeoutMs: ms(L.durationMsMax).default(10_000),
});
const defaultWorkload = {
  startMs: 0,
  rounds: 1,
  criticalSectionMs: 1_000,
  thinkMs: 500,
  writes: 1,
  checkValidityBeforeWrite: false,
  acquireTimeoutMs: 10_000,
};

const client = z.strictObject({
  id,
  clock: clock.default(defaultClock),
  strategy,
  workload: workload.default(defaultWorkload),
});

const at = { atMs: ms(L.durationMsMax) };
const optionalDuration = ms(L.durationMsMax).nullable().default(null);
const timelineEntry = z.discriminatedUnion('kind', [
  z.strictObject({ ...at, kind: z.literal('crash-node'), node: id, clean: z.boolean().default(false), restartAfterMs: optionalDuration }),
  z.strictObject({ ...at, kind: z.literal('restart-node'), node: id }),
  z.strictObject({ ...at, kind: z.literal('pause-node'), node: id, durationMs: int(1, L.durationMsMax) }),
  z.strictObject({ ...at, kind: z.literal('kill-master'), restartAfterMs: optionalDuration }),
  z.strictObject({ ...at, kind: z.literal('crash-client'), client: id }),
  z.strictObject({ ...at, kind: z.literal('pause-client'), client: id, durationMs: int(1, L.durationMsMax) }),
  z.strictObject({ ...at, kind: z.literal('clock-jump'), process: id, deltaMs: int(-L.clockOffsetMsMax, L.clockOffsetMsMax) }),
  z.strictObject({ ...at, kind: z.literal('clock-rate'), process: id, rate: z.number().min(L.clockRateMin).max(L.clockRateMax) }),
  z.strictObject({
    ...at,
    kind: z.literal('partition'),
    id: id.default('p1'),
    groups: z.array(z.array(id).min(1).max(32)).min(2).max(16),
    durationMs: optionalDuration,
  }),
  z.strictObject({ ...at, kind: z.literal('heal'), id: id.nullable().default(null) }),
  z.strictObject({ ...at, kind: z.literal('link-delay'), from: id, to: id, extraMs: int(1, L.latencyMsMax), durationMs: optionalDuration }),
  z.strictObject({ ...at, kind: z.literal('link-drop'), from: id, to: id, rate: z.number().min(0).max(1), durationMs: optionalDuration }),
]);

export const scenarioSchemaV1 = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1).max(L.nameCharsMax).default('Untitled scenario'),
  description: z.string().max(L.descriptionCharsMax).default(''),
  seed: int(0, L.seedMax).default(1),
  durationMs: int(1, L.durationMsMax).default(60_000),
  lock: z.strictObject({ key: z.string().min(1).max(200).default('lock'), ttlMs: int(1, L.ttlMsMax).default(10_000) }).default({ key: 'lock', ttlMs: 10_000 }),
  fencing: z.enum(['none', 'token', 'cas']).default('none'),
  nodes: z.array(node).min(L.nodesMin).max(L.nodesMax),
  sentinel: sentinel.nullable().default(null),
  network: network.default({
    latencyMs: { kind: 'uniform', minMs: 1, maxMs: 3 },
    replicationLagMs: { kind: 'uniform', minMs: 1, maxMs: 5 },
    dropRate: 0,
    links: [],
  }),
  clients: z.array(client).min(L.clientsMin).max(L.clientsMax),
  timeline: z.array(timelineEntry).max(L.timelineEntriesMax).default([]),
});

export type ScenarioInputV1 = z.input<typeof scenarioSchemaV1>;
export type ScenarioOutputV1 = z.output<typeof scenarioSchemaV1>;
