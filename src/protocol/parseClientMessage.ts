import { CLIENT_MESSAGE_SCHEMAS, type ClientMessage } from './clientMessages.ts';
import { CLIENT_FRAME_LIMITS, type FrameLimits } from './limits.ts';
import { type ParseOutcome, parseMessage } from './parseMessage.ts';
import type { FrameData } from './readFrame.ts';

/**
 * A browser's frame as a client message, or a coded error (too-large, not-json, invalid,
 * unknown-type, forbidden) whose message names the field. The bridge calls this on every
 * frame before anything else; it never throws.
 */
export function parseClientMessage(data: FrameData, limits: FrameLimits = CLIENT_FRAME_LIMITS): ParseOutcome<ClientMessage> {
  return parseMessage<ClientMessage>(data, limits, { schemas: CLIENT_MESSAGE_SCHEMAS, reader: 'bridge', refuseForbidden: true });
}
