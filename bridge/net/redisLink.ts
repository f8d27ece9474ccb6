/**
 * One lock client's connection to one Redis node (usually through that link's LinkProxy),
 * for the lock machines the bridge runs against real redis-server processes.
 *
 * Why not a client library: the proxy drops whole messages to imitate the simulator's lossy
 * network, and a plain RESP client pairs replies with requests by position, so one lost
 * request would hand every later reply to the wrong request. Here every request goes out as
 * one write of the pair `ECHO <tag>` + command; the proxy keeps or drops such a pair (and
 * its pair of replies) as a unit; and the ECHO reply names the request the next reply
 * answers. Requests older than an arriving tag are known lost and rejected with
 * LinkLostError; a lost request never shifts replies.
 *
 * No retries, no timeouts: the lock machines have their own request timeouts and decide what
 * a loss means. The connection is made lazily and again after a close, by the next request.
 */
import net from 'node:net';
import type { Reply } from '../../src/sim/redis/reply.ts';
import { LOOPBACK } from '../redis/freePort.ts';
import { encodeCommand, parseResp, RespError, type RespValue } from '../redis/rawCommand.ts';
import { RespFrameSplitter } from './respFrames.ts';

/** The request, or its reply, or the connection is gone: whether the command ran is unknown. */
export class LinkLostError extends Error {
  override name = 'LinkLostError';
}

export interface RedisLinkOptions {
  port: number;
  host?: string;
  /** Who talks to whom, for error messages (e.g. "c1 -> A"). */
  label?: string;
}

const TAG_PREFIX = 'rl:';

/**
 * Commands whose replies are not one frame per command (pub/sub, MONITOR, replication) or
 * that switch protocol (HELLO 3): they would break the pairing, so they are refused.
 */
const UNPAIRED_COMMANDS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR', 'SYNC', 'PSYNC', 'HELLO']);

/** A request sent and not yet answered; `frame` is its command's reply, undecoded. */
interface Pending {
  tag: number;
  /** The command's name, for error messages (arguments may be long scripts or values). */
  command: string;
  resolve(frame: Buffer): void;
  reject(error: Error): void;
}

export class RedisLink {
  readonly host: string;
  readonly port: number;
  private readonly where: string;
  private connection: Connection | undefined;
  private nextTag = 1;
  private isClosed = false;

  constructor(opts: RedisLinkOptions) {
    if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error(`RedisLink: invalid port ${opts.port}`);
    this.host = opts.host ?? LOOPBACK;
    this.port = opts.port;
    this.where = opts.label === undefined ? `${this.host}:${this.port}` : `${opts.label} (${this.host}:${this.port})`;
  }

  /** True while a TCP connection is established (not while connecting, not after a close). */
  get connected(): boolean {
    return this.connection?.isOpen ?? false;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends `argv` and resolves with its reply (an error reply resolves as a RespError); rejects with LinkLostError. */
  async request(argv: readonly string[]): Promise<RespValue> {
    return decodeFrame(await this.send(argv));
  }

  /**
   * Like request(), as the simulator's Reply. Exact where toReply() cannot be: RespValue
   * holds `+OK` and the bulk string `"OK"` alike, the raw frame does not.
   */
  async requestReply(argv: readonly string[]): Promise<Reply> {
    return replyFromFrame(await this.send(argv));
  }

  /** Ends the link: outstanding requests reject with LinkLostError, and so does every later one. */
  close(): void {
    this.isClosed = true;
    this.connection?.destroy('the link was closed');
    this.connection = undefined;
  }

  private send(argv: readonly string[]): Promise<Buffer> {
    const name = argv[0];
    if (name === undefined) throw new Error('RedisLink.request: empty command');
    if (UNPAIRED_COMMANDS.has(name.toUpperCase())) throw new Error(`RedisLink.request: ${name} does not answer with one reply per command`);
    const tag = this.nextTag++;
    return new Promise<Buffer>((resolve, reject) => {
      const pending: Pending = { tag, command: name.toUpperCase(), resolve, reject };
      if (this.isClosed) {
        reject(lostError(this.where, pending, 'the link was closed'));
        return;
      }
      const connection = this.connect();
      // One write for both: the proxy must see the pair together and keep or drop it whole.
      connection.send(pending, encodeCommand(['ECHO', `${TAG_PREFIX}${tag}`]) + encodeCommand(argv));
    });
  }

  /**
   * Opens the connection now (if it is not open) and resolves once it is up, or rejects when it
   * cannot be made: a caller that times its requests can leave TCP setup out of the timing.
   */
  ready(): Promise<void> {
    if (this.isClosed) return Promise.reject(new LinkLostError(`${this.where}: the link was closed`));
    return this.connect().opened;
  }

  private connect(): Connection {
    if (this.connection !== undefined && !this.connection.isGone) return this.connection;
    const connection = new Connection(this.host, this.port, this.where, (gone) => {
      if (this.connection === gone) this.connection = undefined;
    });
    this.connection = connection;
    return connection;
  }
}

/**
 * One TCP connection and the requests sent on it. A request is bound to the connection it
 * was written to: when that connection goes, so does the request, and a stale close can
 * never touch requests sent on the next connection.
 */
class Connection {
  private readonly socket: net.Socket;
  private readonly pending: Pending[] = [];
  private readonly splitter = new RespFrameSplitter();
  /**
   * Which request the next frame answers: undefined while an ECHO reply is expected, a
   * request after its ECHO reply, null for a reply that no request waits for (discarded).
   */
  private answering: Pending | null | undefined;
  private goneWhy: string | undefined;
  private socketError: string | undefined;
  /** Settles when the TCP connection is up (resolves) or gone before it was (rejects). */
  readonly opened: Promise<void>;
  private settleOpened!: (error?: Error) => void;

  constructor(
    host: string,
    port: number,
    private readonly where: string,
    private readonly onGone: (connection: Connection) => void,
  ) {
    this.opened = new Promise<void>((resolve, reject) => {
      this.settleOpened = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.opened.catch(() => {}); // nobody may be waiting for it
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('connect', () => this.settleOpened());
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (e: Error) => {
      this.socketError = e.message;
    });
    this.socket.on('close', () => this.destroy(this.socketError ?? 'the connection was closed by the other side'));
  }

  get isOpen(): boolean {
    return this.goneWhy === undefined && !this.socket.connecting && this.socket.readyState === 'open';
  }

  get isGone(): boolean {
    return this.goneWhy !== undefined;
  }

  send(pending: Pending, bytes: string): void {
    if (this.goneWhy !== undefined) {
      pending.reject(lostError(this.where, pending, this.goneWhy));
      return;
    }
    this.pending.push(pending);
    // Written while still connecting, Node queues it until the connection is up.
    this.socket.write(bytes);
  }

  /** Closes the socket; every outstanding request rejects with `why`. Idempotent. */
  destroy(why: string): void {
    if (this.goneWhy !== undefined) return;
    this.goneWhy = why;
    this.settleOpened(new LinkLostError(`${this.where}: ${why}`));
    this.socket.destroy();
    for (const pending of this.pending.splice(0)) pending.reject(lostError(this.where, pending, why));
    this.onGone(this);
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.splitter.push(chunk);
    } catch (e) {
      this.destroy(`unreadable reply: ${(e as Error).message}`);
      return;
    }
    for (const frame of frames) {
      if (this.goneWhy !== undefined) return;
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const answering = this.answering;
    if (answering !== undefined) {
      this.answering = undefined;
      if (answering !== null) {
        // It is the oldest: everything sent before it was answered or rejected as lost.
        this.pending.shift();
        answering.resolve(frame);
      }
      return;
    }
    const echo = decodeFrame(frame);
    const tag = tagOf(echo);
    if (tag === undefined) {
      // The server refused the ECHO (-LOADING while it reads its AOF, -BUSY during a long
      // script). The pair belongs to some outstanding request: certain only if there is one.
      if (echo instanceof RespError && this.pending.length === 1) {
        this.answering = this.pending[0];
        return;
      }
      this.destroy(`got ${describe(echo)} where a request's ECHO tag was expected; replies can no longer be paired`);
      return;
    }
    // Replies come in order: a request sent before this one that has no reply yet never will.
    while ((this.pending[0]?.tag ?? Number.POSITIVE_INFINITY) < tag) {
      const lost = this.pending.shift();
      lost?.reject(
        lostError(this.where, lost, `a later request's reply (${TAG_PREFIX}${tag}) came first: its request or its reply was dropped`),
      );
    }
    this.answering = this.pending[0]?.tag === tag ? this.pending[0] : null;
  }
}

function lostError(where: string, pending: Pending, why: string): LinkLostError {
  return new LinkLostError(`${where}: ${pending.command} (${TAG_PREFIX}${pending.tag}) lost: ${why}`);
}

function tagOf(value: RespValue): number | undefined {
  if (typeof value !== 'string' || !value.startsWith(TAG_PREFIX)) return undefined;
  const digits = value.slice(TAG_PREFIX.length);
  return /^[1-9][0-9]*$/.test(digits) ? Number(digits) : undefined;
}

function describe(value: RespValue): string {
  const text = value instanceof RespError ? `error ${value.message}` : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

function decodeFrame(frame: Buffer): RespValue {
  const parsed = parseResp(frame, 0);
  if (parsed === undefined) throw new Error('RedisLink: a complete frame did not parse (respFrames and parseResp disagree)');
  return parsed.value;
}

/** The simulator's Reply for one reply frame; the type byte tells a status (+OK) from a bulk string. */
export function replyFromFrame(frame: Buffer): Reply {
  const value = decodeFrame(frame);
  if (typeof value === 'string') return frame[0] === 0x2b /* + */ ? { t: 'status', v: value } : { t: 'bulk', v: value };
  return toReply(value);
}

/**
 * The simulator's Reply for a decoded RESP value. A string becomes a status: RespValue does
 * not say whether it was `+OK` or a bulk string, and the lock commands' string replies are
 * statuses (SET's +OK); GET's bulk strings read as statuses here, so prefer requestReply().
 * Arrays are no lock command's reply.
 */
export function toReply(value: RespValue): Reply {
  if (value === null) return { t: 'bulk', v: null };
  if (typeof value === 'number') return { t: 'int', v: value };
  if (typeof value === 'string') return { t: 'status', v: value };
  if (value instanceof RespError) return { t: 'err', v: value.message };
  return { t: 'err', v: 'ERR unexpected array reply' };
}
