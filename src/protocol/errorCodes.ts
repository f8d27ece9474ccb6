/**
 * Why a client message was refused before the bridge acted on it (parseClientMessage):
 * - too-large: the frame is over the byte limit (nothing of it was decoded or parsed);
 * - not-json: not UTF-8, or not JSON;
 * - invalid: JSON, but not a well-formed message of its type (too deep, a field missing,
 *   out of range, unknown, or an unsupported protocol version);
 * - unknown-type: `type` names no message of this protocol;
 * - forbidden: it looks like a raw Redis command (a `type`, `op` or field named like one).
 */
export const PARSE_ERROR_CODES = ['too-large', 'not-json', 'invalid', 'unknown-type', 'forbidden'] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/**
 * Every code a bridge `error` message may carry: the parse codes, then what can go wrong
 * after a message was understood:
 * - unauthorized: no hello yet, a wrong token, or a second hello;
 * - rate-limited: the connection sent more than its per-connection rate allows;
 * - unsupported: this bridge cannot do that here (a clock jump on real Redis, a failover
 *   without a replica, a scenario feature it cannot reproduce);
 * - conflict: not now (a run already running, no run to stop, a node already down, an
 *   unknown node or client of the current run);
 * - failed: the bridge tried and the host refused (a redis-server that will not start);
 * - internal: a bug in the bridge; the message says what it was doing.
 */
export const BRIDGE_ERROR_CODES = [
  ...PARSE_ERROR_CODES,
  'unauthorized',
  'rate-limited',
  'unsupported',
  'conflict',
  'failed',
  'internal',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];
