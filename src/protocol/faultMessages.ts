import { z } from 'zod';
import { durationMs, int, messageId, optionalDurationMs, processId } from './fields.ts';
import { PROTOCOL_LIMITS as L } from './limits.ts';

/**
 * The faults a browser may ask the bridge to inject, now, into the running real-Redis
 * setup. A FIXED list: each one names what to do to which node, client or link, never a
 * Redis command. Their fields mirror the scenario timeline's entries (src/sim/model/
 * scenario.ts, TimelineEntry) without `atMs`: the same names, types and bounds, so a fault
 * drawn in the playground converts field for field (faultForTimelineEntry.ts, which the
 * compiler checks). One rename: a partition's name is `partition`, not `id`, because `id`
 * is every message's id. What each does on real Redis is in docs/bridge-protocol.md.
 */
const base = { id: messageId };

export const killNodeSchema = z.strictObject({
  type: z.literal('kill-node'),
  ...base,
  node: processId,
  /** true: SIGTERM, a clean shutdown that flushes the append-only file; false: SIGKILL. */
  clean: z.boolean().default(false),
  restartAfterMs: optionalDurationMs,
});

export const restartNodeSchema = z.strictObject({ type: z.literal('restart-node'), ...base, node: processId });

export const pauseNodeSchema = z.strictObject({
  type: z.literal('pause-node'),
  ...base,
  node: processId,
  /** SIGSTOP now, SIGCONT after this long; null: until resume-node. */
  durationMs: durationMs.nullable().default(null),
});

export const resumeNodeSchema = z.strictObject({ type: z.literal('resume-node'), ...base, node: processId });

export const failoverSchema = z
  .strictObject({
    type: z.literal('failover'),
    ...base,
    /** sentinel: SENTINEL FAILOVER, Sentinel picks the replica; replicaof: REPLICAOF NO ONE on `promote`, the others follow it. */
    method: z.enum(['sentinel', 'replicaof']),
    /** The replica to promote: required for replicaof, absent or null for sentinel (Sentinel chooses). */
    promote: processId.nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if (m.method === 'replicaof' && m.promote === null) {
      ctx.addIssue({ code: 'custom', path: ['promote'], message: 'missing; method "replicaof" needs the replica to promote' });
    }
    if (m.method === 'sentinel' && m.promote !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['promote'],
        message: 'must be null or absent with method "sentinel": Sentinel chooses the replica',
      });
    }
  });

export const pauseClientSchema = z.strictObject({ type: z.literal('pause-client'), ...base, client: processId, durationMs });

export const linkDelaySchema = z.strictObject({
  type: z.literal('link-delay'),
  ...base,
  from: processId,
  to: processId,
  extraMs: int(1, L.latencyMsMax),
  durationMs: optionalDurationMs,
});

export const linkDropSchema = z.strictObject({
  type: z.literal('link-drop'),
  ...base,
  from: processId,
  to: processId,
  /** Probability that a message on the link is lost (on TCP: the proxy drops the connection's bytes). */
  rate: z.number().min(0).max(1),
  durationMs: optionalDurationMs,
});

export const partitionSchema = z.strictObject({
  type: z.literal('partition'),
  ...base,
  /** The partition's name, for heal (the timeline entry's `id`). */
  partition: processId.default('p1'),
  groups: z.array(z.array(processId).min(1).max(L.partitionGroupSizeMax)).min(2).max(L.partitionGroupsMax),
  durationMs: optionalDurationMs,
});

export const healSchema = z.strictObject({
  type: z.literal('heal'),
  ...base,
  /** The partition to heal; null heals every partition. */
  partition: processId.nullable().default(null),
});

export const clockJumpSchema = z.strictObject({
  type: z.literal('clock-jump'),
  ...base,
  /** A node or a client of the run. */
  process: processId,
  deltaMs: int(-L.clockOffsetMsMax, L.clockOffsetMsMax),
});

/** Every fault message by type, in the order docs/bridge-protocol.md lists them. */
export const FAULT_SCHEMAS = {
  'kill-node': killNodeSchema,
  'restart-node': restartNodeSchema,
  'pause-node': pauseNodeSchema,
  'resume-node': resumeNodeSchema,
  failover: failoverSchema,
  'pause-client': pauseClientSchema,
  'link-delay': linkDelaySchema,
  'link-drop': linkDropSchema,
  partition: partitionSchema,
  heal: healSchema,
  'clock-jump': clockJumpSchema,
} as const;

export type FaultType = keyof typeof FAULT_SCHEMAS;
export const FAULT_TYPES = Object.keys(FAULT_SCHEMAS) as FaultType[];

/** A fault message as parsed (defaults filled in). */
export type FaultMessage = { [T in FaultType]: z.output<(typeof FAULT_SCHEMAS)[T]> }[FaultType];
/** A fault message as a sender may write it (defaulted fields optional). */
export type FaultMessageInput = { [T in FaultType]: z.input<(typeof FAULT_SCHEMAS)[T]> }[FaultType];
