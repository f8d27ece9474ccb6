import { z } from 'zod';
import { PROTOCOL_LIMITS as L } from './limits.ts';

/** Field schemas shared by the client and the bridge messages. */

export const int = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * A message id: printable ASCII (so it can be logged and echoed without escaping games),
 * chosen by whoever sends the message and echoed by the bridge as `inReplyTo`.
 */
export const messageId = z
  .string()
  .regex(new RegExp(`^[\\x20-\\x7e]{1,${L.messageIdCharsMax}}$`), `a message id: 1 to ${L.messageIdCharsMax} printable ASCII characters`);

/** A node or client id, the same rule as the scenario format's ids. */
export const processId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,23}$/, 'an id: a letter, then up to 23 letters, digits, _ or -');

/** How long a pause lasts (a pause of 0 ms would be no fault at all). */
export const durationMs = int(1, L.durationMsMax);
/**
 * How long until a fault is undone; null means "until told otherwise" (restart-node,
 * resume-node, heal). 0 is allowed because the scenario format allows it.
 */
export const optionalDurationMs = int(0, L.durationMsMax).nullable().default(null);
