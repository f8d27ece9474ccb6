import { performance } from 'node:perf_hooks';
import type { RawData, WebSocket } from 'ws';
import type { ClientMessage } from '../../src/protocol/clientMessages.ts';
import { parseClientMessage } from '../../src/protocol/parseClientMessage.ts';
import { type RateLimit, RateLimiter } from '../../src/protocol/rateLimiter.ts';
import { tokensEqual } from '../../src/protocol/tokensEqual.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import type { BridgeBackend } from '../run/runTypes.ts';
import { CLOSE_CODES } from './closeCodes.ts';
import { ConnectionOperations } from './connectionOperations.ts';
import { describeFailure } from './describeFailure.ts';
import { Outbox } from './outbox.ts';

export interface ConnectionOptions {
  backend: BridgeBackend;
  token: string;
  rateLimit: RateLimit;
  /** Lines for the bridge's log, already naming this connection. */
  log: (line: string) => void;
}

/** A connection that sends no hello this long after connecting is closed: it holds a socket for nothing. */
export const HELLO_DEADLINE_MS = 10_000;

/**
 * A connection that keeps sending while over its rate limit is closed after this many
 * refusals in a row. A page that hits the limit by accident slows down long before (every
 * refusal is answered); a loop that ignores the answers is cut off.
 */
export const REFUSALS_IN_A_ROW_MAX = 100;

/**
 * One browser connection: the rate limit, the frame parser, the token handshake, then the
 * operations. Every frame is answered or the connection is closed with a reason; nothing a
 * peer sends can throw out of here.
 */
export class BridgeConnection {
  private readonly outbox: Outbox;
  private readonly operations: ConnectionOperations;
  private readonly limiter: RateLimiter;
  private readonly helloTimer: NodeJS.Timeout;
  private authenticated = false;
  private refusalsInARow = 0;
  private closing = false;
  private closed: Promise<void> | undefined;
  /** The message being handled, so a bug while handling it is answered to it. */
  private handling: ClientMessage | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly opts: ConnectionOptions,
  ) {
    this.outbox = new Outbox(ws, opts.log);
    this.operations = new ConnectionOperations(opts.backend, this.outbox, opts.log);
    this.limiter = new RateLimiter(opts.rateLimit, performance.now());
    this.helloTimer = setTimeout(
      () => this.shut(CLOSE_CODES.policyViolation, `no hello within ${HELLO_DEADLINE_MS} ms`),
      HELLO_DEADLINE_MS,
    );
    ws.on('message', (data: RawData) => this.onFrame(data));
    ws.on('error', (e: Error) => opts.log(`socket error: ${e.message}`));
    ws.on('close', (code: number) => {
      opts.log(`closed (${code})`);
      void this.dispose();
    });
  }

  /** Stops whatever this connection's run and session hold; settles once that is done. */
  dispose(): Promise<void> {
    clearTimeout(this.helloTimer);
    this.closing = true;
    this.closed ??= this.operations.close();
    return this.closed;
  }

  /** Closes the socket with a code and reason and stops acting on what the peer still sends. */
  shut(code: number, reason: string): void {
    if (this.closing && this.ws.readyState !== this.ws.OPEN) return;
    this.closing = true;
    this.opts.log(`closing (${code}): ${reason}`);
    // A close reason is at most 123 bytes (RFC 6455 5.5: 125 minus the code).
    this.ws.close(code, reason.slice(0, 120));
  }

  private onFrame(data: RawData): void {
    if (this.closing) return;
    this.handling = undefined;
    try {
      this.handleFrame(data);
    } catch (e) {
      // A bug here must cost this message, not the bridge.
      // Set by handleFrame once the frame parsed (the compiler cannot see that assignment here).
      const handling = this.handling as ClientMessage | undefined;
      const failure = describeFailure(e, handling === undefined ? 'reading a message' : `handling ${handling.type}`);
      this.opts.log(`${failure.message}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
      this.outbox.error('internal', failure.message, handling?.id);
    }
  }

  private handleFrame(data: RawData): void {
    if (!this.limiter.tryTake(performance.now())) {
      this.refuseOverRate(data);
      return;
    }
    this.refusalsInARow = 0;
    const parsed = parseClientMessage(data);
    if (!parsed.ok) {
      this.outbox.error(parsed.error.code, parsed.error.message, parsed.error.inReplyTo);
      if (!this.authenticated) this.shut(CLOSE_CODES.policyViolation, `the first message must be hello; got a ${parsed.error.code} frame`);
      return;
    }
    const message = parsed.message;
    this.handling = message;
    if (!this.authenticated) {
      this.authenticate(message);
      return;
    }
    this.dispatch(message);
  }

  private refuseOverRate(data: RawData): void {
    this.refusalsInARow++;
    const { burst, refillPerSecond } = this.opts.rateLimit;
    if (this.refusalsInARow >= REFUSALS_IN_A_ROW_MAX) {
      this.shut(CLOSE_CODES.policyViolation, `rate limit: ${this.refusalsInARow} messages in a row over ${refillPerSecond}/s`);
      return;
    }
    const waitMs = this.limiter.waitMs(performance.now());
    this.outbox.error(
      'rate-limited',
      `over the rate limit of ${refillPerSecond} messages a second (bursts of ${burst}); this message was not acted on; try again in ${waitMs} ms`,
      idOfSmallFrame(data),
    );
  }

  private authenticate(message: ClientMessage): void {
    if (message.type !== 'hello') {
      this.outbox.error('unauthorized', `send hello with the bridge's token first; got ${message.type}`, message.id);
      this.shut(CLOSE_CODES.policyViolation, 'no hello');
      return;
    }
    if (!tokensEqual(message.token, this.opts.token)) {
      this.outbox.error('unauthorized', 'wrong token: use the token npm run bridge printed when it started', message.id);
      this.shut(CLOSE_CODES.policyViolation, 'wrong token');
      return;
    }
    // The welcome is built before the connection counts as authenticated: if the backend cannot
    // say what it has, the hello fails (an internal error) and the connection stays locked.
    const welcome = {
      type: 'welcome' as const,
      inReplyTo: message.id,
      protocol: PROTOCOL_VERSION,
      nodes: this.opts.backend.nodes(),
      capabilities: this.opts.backend.capabilities(),
    };
    clearTimeout(this.helloTimer);
    this.authenticated = true;
    this.outbox.send(welcome);
    this.opts.log('authenticated');
  }

  private dispatch(message: ClientMessage): void {
    switch (message.type) {
      case 'hello':
        this.outbox.error('unauthorized', 'this connection is already authenticated: send hello once', message.id);
        return;
      case 'ping':
        this.outbox.send({ type: 'pong', inReplyTo: message.id });
        return;
      case 'start-run':
        void this.operations.startRun(message);
        return;
      case 'stop-run':
        void this.operations.stopRun(message);
        return;
      case 'lock-op':
        void this.operations.lockOp(message);
        return;
      default:
        void this.operations.fault(message);
    }
  }
}

/** Frames this small are read for their id when refused over the rate limit: a flood of big ones costs no parsing. */
const ID_PEEK_BYTES_MAX = 4096;

/** The id of a frame refused over the rate limit, so the page knows which message was not acted on. */
function idOfSmallFrame(data: RawData): string | undefined {
  const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
  if (bytes > ID_PEEK_BYTES_MAX) return undefined;
  const parsed = parseClientMessage(data);
  return parsed.ok ? parsed.message.id : parsed.error.inReplyTo;
}
