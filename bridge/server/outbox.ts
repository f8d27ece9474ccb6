import type { WebSocket } from 'ws';
import type { BridgeMessageInput } from '../../src/protocol/bridgeMessages.ts';
import type { BridgeErrorCode } from '../../src/protocol/errorCodes.ts';
import { PROTOCOL_LIMITS } from '../../src/protocol/limits.ts';

type WithoutId<M> = M extends unknown ? Omit<M, 'id'> : never;
/** A bridge message before the outbox gives it its id. */
export type OutgoingMessage = WithoutId<BridgeMessageInput>;

/**
 * A browser that stops reading (a frozen tab) must not make the bridge hold an unbounded
 * backlog of trace batches: past this many unsent bytes the connection is dropped.
 */
export const UNSENT_BYTES_MAX = 64 * 1024 * 1024;

/** Sends one connection's bridge messages, each with the next id ("b1", "b2", ...). */
export class Outbox {
  private sentCount = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly log: (line: string) => void,
  ) {}

  send(message: OutgoingMessage): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > UNSENT_BYTES_MAX) {
      this.log(`dropping the connection: ${this.ws.bufferedAmount} bytes unsent (the browser is not reading)`);
      this.ws.terminate();
      return;
    }
    this.sentCount++;
    this.ws.send(JSON.stringify({ ...message, id: `b${this.sentCount}` }));
  }

  error(code: BridgeErrorCode, message: string, inReplyTo?: string): void {
    this.send({ type: 'error', code, message: clampText(message), ...(inReplyTo === undefined ? {} : { inReplyTo }) });
  }
}

/** An error message fits the protocol's bounds: 1 to errorMessageCharsMax characters. */
function clampText(message: string): string {
  const max = PROTOCOL_LIMITS.errorMessageCharsMax;
  if (message.length === 0) return '(no message)';
  return message.length <= max ? message : `${message.slice(0, max - 1)}…`;
}
