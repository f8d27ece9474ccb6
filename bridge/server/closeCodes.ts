import { CLIENT_FRAME_LIMITS } from '../../src/protocol/limits.ts';

/**
 * WebSocket close codes the bridge uses (RFC 6455 section 7.4.1), so the browser can tell
 * the user why the connection ended.
 */
export const CLOSE_CODES = {
  /** The bridge is shutting down (npm run bridge got Ctrl-C). */
  goingAway: 1001,
  /** No or wrong token, no hello in time, or a connection that kept flooding past its rate limit. */
  policyViolation: 1008,
  /** A frame over WS_PAYLOAD_BYTES_MAX: ws closes with this code before reading the frame. */
  messageTooBig: 1009,
} as const;

/**
 * ws's maxPayload. Four times the protocol's limit: a frame between the two is read and
 * answered with the parser's `too-large` error (the connection stays open, the user learns
 * the limit); only a larger one makes ws close the connection with 1009 while reading the
 * frame's header, so a hostile peer can make the bridge buffer at most 1 MiB.
 */
export const WS_PAYLOAD_BYTES_MAX = 4 * CLIENT_FRAME_LIMITS.messageBytesMax;
