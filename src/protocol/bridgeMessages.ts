import { z } from 'zod';
import { BRIDGE_ERROR_CODES } from './errorCodes.ts';
import { int, messageId, processId } from './fields.ts';
import { PROTOCOL_LIMITS as L } from './limits.ts';
import { PROTOCOL_VERSION, versionMessage } from './version.ts';

/**
 * Bridge → client (browser) messages. The browser validates them too: the bridge is
 * another program, possibly of another version. Each carries its own `id` (chosen by the
 * bridge) and, when it answers a client message, that message's id as `inReplyTo`.
 */
const base = { id: messageId, inReplyTo: messageId.optional() };
const answer = { id: messageId, inReplyTo: messageId };

export const NODE_ROLES = ['master', 'replica', 'sentinel'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** A redis-server (or redis-sentinel) process the bridge started, and where it listens. */
export const bridgeNodeSchema = z.strictObject({
  id: processId,
  host: z.string().min(1).max(255),
  port: int(1, 65_535),
  role: z.enum(NODE_ROLES),
});

/**
 * What this bridge can do on this host. Not strict: a newer bridge may announce more
 * capabilities, and an older browser ignores (strips) the ones it does not know.
 */
export const capabilitiesSchema = z.object({
  /** Whether clock-jump works (it needs a fake clock under redis-server, e.g. libfaketime). */
  clockJump: z.boolean(),
  /** Why a capability is missing, in words for the user. */
  reason: z.string().max(L.capabilityReasonCharsMax).optional(),
});

/** The answer to a good hello: the nodes, as started, and the capabilities. */
export const welcomeSchema = z.strictObject({
  type: z.literal('welcome'),
  ...answer,
  protocol: z.literal(PROTOCOL_VERSION, { error: (issue) => versionMessage(issue.input, 'browser') }),
  nodes: z.array(bridgeNodeSchema).max(L.welcomeNodesMax),
  capabilities: capabilitiesSchema,
});

/**
 * A batch of trace events, in order. The events stay `unknown` here: the browser reads
 * them with the trace's own types; the protocol only bounds the batch.
 */
export const traceSchema = z.strictObject({
  type: z.literal('trace'),
  ...base,
  events: z.array(z.unknown()).max(L.traceEventsPerBatchMax),
});

export const errorSchema = z.strictObject({
  type: z.literal('error'),
  ...base,
  code: z.enum(BRIDGE_ERROR_CODES),
  message: z.string().min(1).max(L.errorMessageCharsMax),
});

export const pongSchema = z.strictObject({ type: z.literal('pong'), ...answer });

/**
 * The run is over: it reached the scenario's end (completed), a stop-run or a new
 * start-run ended it (stopped), or the bridge could not go on (failed; an error came
 * first). The verdict itself is the browser's checker's, from the trace; the hint is what
 * the bridge's own lock clients saw (e.g. two of them believed they held the lock at once).
 */
export const runEndedSchema = z.strictObject({
  type: z.literal('run-ended'),
  ...base,
  reason: z.enum(['completed', 'stopped', 'failed']),
  verdictHint: z.strictObject({ safe: z.boolean(), note: z.string().max(L.verdictNoteCharsMax) }).optional(),
});

export const BRIDGE_MESSAGE_SCHEMAS = {
  welcome: welcomeSchema,
  trace: traceSchema,
  error: errorSchema,
  pong: pongSchema,
  'run-ended': runEndedSchema,
} as const;

export type BridgeMessageType = keyof typeof BRIDGE_MESSAGE_SCHEMAS;
export const BRIDGE_MESSAGE_TYPES = Object.keys(BRIDGE_MESSAGE_SCHEMAS) as BridgeMessageType[];

/** A bridge message as parsed. */
export type BridgeMessage = { [T in BridgeMessageType]: z.output<(typeof BRIDGE_MESSAGE_SCHEMAS)[T]> }[BridgeMessageType];
/** A bridge message as the bridge writes it. */
export type BridgeMessageInput = { [T in BridgeMessageType]: z.input<(typeof BRIDGE_MESSAGE_SCHEMAS)[T]> }[BridgeMessageType];
export type BridgeMessageOf<T extends BridgeMessageType> = z.output<(typeof BRIDGE_MESSAGE_SCHEMAS)[T]>;
export type BridgeNode = z.output<typeof bridgeNodeSchema>;
