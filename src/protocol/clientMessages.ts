import { z } from 'zod';
import { FAULT_SCHEMAS } from './faultMessages.ts';
import { int, messageId, processId } from './fields.ts';
import { PROTOCOL_LIMITS as L } from './limits.ts';
import { PROTOCOL_VERSION, versionMessage } from './version.ts';

/**
 * Client (browser) → bridge messages. Every object is strict: an unknown field is an
 * error, so a typo never silently does nothing on real Redis. Every message carries an
 * `id` chosen by the client; the bridge echoes it as `inReplyTo` in what it answers.
 */
const base = { id: messageId };

/** The first message on a connection: the token printed by `npm run bridge`, and the protocol version spoken. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  ...base,
  token: z.string().min(1).max(L.tokenCharsMax),
  protocol: z.literal(PROTOCOL_VERSION, { error: (issue) => versionMessage(issue.input, 'bridge') }),
});

/**
 * Replays a scenario on real Redis. The scenario stays `unknown` here: the bridge
 * validates it with the scenario parser (the protocol only checks it is a JSON object).
 */
export const startRunSchema = z.strictObject({
  type: z.literal('start-run'),
  ...base,
  scenario: z.custom<unknown>(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
    'expected the scenario document, a JSON object',
  ),
  /**
   * Scenario milliseconds per wall-clock millisecond: 1 runs it in real time, 0.5 stretches
   * every time (TTLs, delays, pauses) to twice as long so it can be watched live.
   */
  speed: z.number().min(L.speedMin).max(L.speedMax).default(1),
  /**
   * Where each client pause or crash of the timeline falls in the client's own progress, as the
   * simulation placed it (src/protocol/clientAnchors.ts). The bridge checks they name client
   * entries of this scenario; without one an entry happens at its scenario time.
   */
  anchors: z
    .array(
      z.strictObject({
        entry: int(0, L.timelineEntriesMax - 1),
        state: z.string().min(1).max(L.stateLabelCharsMax),
        occurrence: int(1, L.occurrenceMax),
        afterMs: z.number().min(0).max(L.durationMsMax),
      }),
    )
    .max(L.timelineEntriesMax)
    .default([]),
});

export const stopRunSchema = z.strictObject({ type: z.literal('stop-run'), ...base });

/**
 * Drives one of the lock clients the bridge runs against real Redis: during a run, the
 * run's clients (each with its scenario strategy, lock key and nodes); without a run, the
 * connection's own Redlock clients on nodes A-E, named by `client` and locking `key`
 * (default "lock"; during a run the scenario's lock.key applies and `key` is refused).
 * acquire and extend may override the lock TTL; release takes none. The outcome arrives
 * as the client's trace events, in one batch whose inReplyTo is this message's id.
 */
export const lockOpSchema = z
  .strictObject({
    type: z.literal('lock-op'),
    ...base,
    client: processId,
    op: z.enum(['acquire', 'release', 'extend']),
    ttlMs: int(1, L.ttlMsMax).optional(),
    /** Any text the scenario's lock.key allows: values are never scanned, and the bridge sends it as one argument. */
    key: z.string().min(L.lockKeyCharsMin).max(L.lockKeyCharsMax).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.op === 'release' && m.ttlMs !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ttlMs'], message: 'release takes no ttlMs' });
    }
  });

export const pingSchema = z.strictObject({ type: z.literal('ping'), ...base });

/** Every client message by type. */
export const CLIENT_MESSAGE_SCHEMAS = {
  hello: helloSchema,
  'start-run': startRunSchema,
  'stop-run': stopRunSchema,
  'lock-op': lockOpSchema,
  ...FAULT_SCHEMAS,
  ping: pingSchema,
} as const;

export type ClientMessageType = keyof typeof CLIENT_MESSAGE_SCHEMAS;
export const CLIENT_MESSAGE_TYPES = Object.keys(CLIENT_MESSAGE_SCHEMAS) as ClientMessageType[];

/** A client message as parsed (defaults filled in). */
export type ClientMessage = { [T in ClientMessageType]: z.output<(typeof CLIENT_MESSAGE_SCHEMAS)[T]> }[ClientMessageType];
/** A client message as the browser may write it (defaulted fields optional). */
export type ClientMessageInput = { [T in ClientMessageType]: z.input<(typeof CLIENT_MESSAGE_SCHEMAS)[T]> }[ClientMessageType];
export type ClientMessageOf<T extends ClientMessageType> = z.output<(typeof CLIENT_MESSAGE_SCHEMAS)[T]>;
