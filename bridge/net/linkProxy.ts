/**
 * A TCP proxy on one network link (a lock client to a node, or a master to its replica), so
 * the bridge can give real Redis the simulator's network faults: a base latency, extra delay,
 * message drops with a probability, and partitions (drop everything).
 *
 * Dropping "a message" from a byte stream would corrupt it, so in 'resp-pairs' mode each
 * direction is cut into RESP frames and grouped in units of two: RedisLink's `ECHO <tag>` +
 * command, and their two replies. A unit is dropped or delivered whole, and RedisLink's tags
 * tell it which requests were lost. In 'raw' mode (the replication stream, which carries an
 * RDB payload that is not a RESP frame) bytes pass unchanged, only delayed.
 *
 * Each unit's fate and delay are decided when it arrives, with the settings of that moment.
 * Order is kept per direction, as TCP would: a unit is released no earlier than the one
 * before it. With no delay due, a unit is written at once, without a timer.
 */
import net, { type AddressInfo } from 'node:net';
import { LOOPBACK } from '../redis/freePort.ts';
import { RespFrameSplitter } from './respFrames.ts';

/** `toServer`: from the proxy's client (lock client, replica) to its target (the node, the master); `toClient`: back. */
export type Direction = 'toServer' | 'toClient';

export interface LinkSettings {
  /** Added to the base latency of every unit. */
  extraDelayMs: number;
  /** Probability (0-1) that a unit is dropped. */
  dropRate: number;
  /** Drop everything: this side of a partition. */
  blocked: boolean;
}

export type LinkProxyMode = 'resp-pairs' | 'raw';

export interface LinkCounters {
  /** Units written on (resp-pairs: request or reply pairs; raw: chunks). */
  forwarded: number;
  dropped: number;
}

export interface LinkProxyOptions {
  target: { host: string; port: number };
  mode: LinkProxyMode;
  /** The scenario's latency for one message, already scaled to wall milliseconds (called once per unit); default 0. */
  baseDelayMs?: () => number;
  /** Uniform in [0, 1): decides drops. Inject a seeded one so a run's drops can be replayed; default Math.random. */
  random?: () => number;
  /**
   * When the server side dies, what it sent that is still held back is lost with it (default:
   * delivered, as TCP would). For the replication link: the scenario's replication lag models
   * writes the master had not yet sent, so a master killed within the lag takes them along.
   */
  serverDeathLosesHeld?: boolean;
}

const DIRECTIONS: readonly Direction[] = ['toServer', 'toClient'];

export class LinkProxy {
  readonly mode: LinkProxyMode;
  readonly target: { host: string; port: number };
  private readonly baseDelayMs: () => number;
  private readonly random: () => number;
  private readonly settings: Record<Direction, LinkSettings> = {
    toServer: { extraDelayMs: 0, dropRate: 0, blocked: false },
    toClient: { extraDelayMs: 0, dropRate: 0, blocked: false },
  };
  private readonly counts: Record<Direction, LinkCounters> = {
    toServer: { forwarded: 0, dropped: 0 },
    toClient: { forwarded: 0, dropped: 0 },
  };
  private server: net.Server | undefined;
  private listenPort: number | undefined;
  private readonly pipes = new Set<Pipe>();
  private isClosed = false;
  private readonly serverDeathLosesHeld: boolean;

  constructor(opts: LinkProxyOptions) {
    if (!Number.isInteger(opts.target.port) || opts.target.port <= 0 || opts.target.port > 65535) {
      throw new Error(`LinkProxy: invalid target port ${opts.target.port}`);
    }
    this.mode = opts.mode;
    this.target = { ...opts.target };
    this.baseDelayMs = opts.baseDelayMs ?? (() => 0);
    this.random = opts.random ?? Math.random;
    this.serverDeathLosesHeld = opts.serverDeathLosesHeld === true;
  }

  /** Listens on an ephemeral 127.0.0.1 port and resolves with it. */
  async start(): Promise<number> {
    if (this.server !== undefined) throw new Error('LinkProxy.start: already started');
    if (this.isClosed) throw new Error('LinkProxy.start: closed');
    const server = net.createServer({ noDelay: true }, (client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A listening server's later errors (none expected on loopback) must not crash the bridge.
    server.on('error', () => {});
    this.listenPort = (server.address() as AddressInfo).port;
    return this.listenPort;
  }

  /** The port it listens on; start() first. */
  get port(): number {
    if (this.listenPort === undefined) throw new Error('LinkProxy.port: not started');
    return this.listenPort;
  }

  /** Changes one direction's settings for units that arrive from now on. Raw mode only delays. */
  set(direction: Direction, settings: Partial<LinkSettings>): void {
    const { extraDelayMs, dropRate, blocked } = settings;
    if (extraDelayMs !== undefined && !(Number.isFinite(extraDelayMs) && extraDelayMs >= 0)) {
      throw new Error(`LinkProxy.set: extraDelayMs must be a finite number >= 0, got ${extraDelayMs}`);
    }
    if (dropRate !== undefined && !(dropRate >= 0 && dropRate <= 1))
      throw new Error(`LinkProxy.set: dropRate must be in [0, 1], got ${dropRate}`);
    if (this.mode === 'raw' && ((dropRate ?? 0) > 0 || blocked === true)) {
      // A raw stream has no message boundaries: dropping bytes would corrupt the replication stream.
      throw new Error('LinkProxy.set: a raw link only delays; it cannot drop or block');
    }
    const current = this.settings[direction];
    if (extraDelayMs !== undefined) current.extraDelayMs = extraDelayMs;
    if (dropRate !== undefined) current.dropRate = dropRate;
    if (blocked !== undefined) current.blocked = blocked;
  }

  /** One direction's current settings (a copy). */
  get(direction: Direction): LinkSettings {
    return { ...this.settings[direction] };
  }

  /** Units forwarded and dropped so far, per direction (a snapshot). */
  get counters(): Record<Direction, LinkCounters> {
    return { toServer: { ...this.counts.toServer }, toClient: { ...this.counts.toClient } };
  }

  /** Client connections currently proxied. */
  get connectionCount(): number {
    return this.pipes.size;
  }

  /** Stops listening and destroys every connection and pending delivery. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const pipe of this.pipes) pipe.destroy();
    this.pipes.clear();
    const server = this.server;
    if (server === undefined || !server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.isClosed) {
      client.destroy();
      return;
    }
    const pipe = new Pipe(
      client,
      this.target,
      this.mode === 'resp-pairs',
      (direction) => this.decide(direction),
      this.counts,
      () => this.pipes.delete(pipe),
      this.serverDeathLosesHeld,
    );
    this.pipes.add(pipe);
  }

  /** A unit's fate on arrival: undefined to drop it, else its delay in ms. */
  private decide(direction: Direction): number | undefined {
    const s = this.settings[direction];
    if (s.blocked || (s.dropRate > 0 && this.random() < s.dropRate)) {
      this.counts[direction].dropped++;
      return undefined;
    }
    const baseMs = this.baseDelayMs();
    if (!(Number.isFinite(baseMs) && baseMs >= 0))
      throw new Error(`LinkProxy: baseDelayMs() must return a finite number >= 0, got ${baseMs}`);
    return baseMs + s.extraDelayMs;
  }
}

/** One accepted client connection and its connection to the target. */
class Pipe {
  private readonly upstream: net.Socket;
  private readonly lanes: Record<Direction, Lane>;
  private socketsOpen = 2;

  constructor(
    private readonly client: net.Socket,
    target: { host: string; port: number },
    framed: boolean,
    decide: (direction: Direction) => number | undefined,
    counts: Record<Direction, LinkCounters>,
    private readonly onDone: () => void,
    serverDeathLosesHeld = false,
  ) {
    this.upstream = net.connect({ host: target.host, port: target.port, noDelay: true });
    if (serverDeathLosesHeld) this.upstream.on('close', () => this.destroy());
    const onBadFrame = () => this.destroy();
    this.lanes = {
      toServer: new Lane(this.upstream, framed, () => decide('toServer'), counts.toServer, onBadFrame),
      toClient: new Lane(client, framed, () => decide('toClient'), counts.toClient, onBadFrame),
    };
    for (const [socket, lane] of [
      [client, this.lanes.toServer],
      [this.upstream, this.lanes.toClient],
    ] as const) {
      socket.on('data', (chunk: Buffer) => lane.receive(chunk));
      // Errors (a reset, a refused upstream) are followed by 'close'; there they are handled.
      socket.on('error', () => {});
      // What arrived before the end is still delivered, on its schedule; then the other side is ended.
      socket.on('end', () => lane.finish());
      socket.on('close', () => {
        lane.finish();
        this.socketsOpen--;
        if (this.socketsOpen === 0) this.dispose();
      });
    }
  }

  destroy(): void {
    this.client.destroy();
    this.upstream.destroy();
    this.dispose();
  }

  private dispose(): void {
    for (const direction of DIRECTIONS) this.lanes[direction].dispose();
    this.onDone();
  }
}

/** A unit waiting for its release time, or the end of the stream. */
type Queued = { dueMs: number; bytes: Buffer } | { dueMs: number; end: true };

/** One direction of a pipe: frames units, applies drop and delay, writes them to `out` in order. */
class Lane {
  private readonly splitter: RespFrameSplitter | undefined;
  /** The first frame of a unit whose second frame has not arrived. */
  private heldFrame: Buffer | undefined;
  private readonly queue: Queued[] = [];
  private lastDueMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private finished = false;
  private disposed = false;

  constructor(
    private readonly out: net.Socket,
    framed: boolean,
    private readonly decide: () => number | undefined,
    private readonly counts: LinkCounters,
    private readonly onBadFrame: () => void,
  ) {
    this.splitter = framed ? new RespFrameSplitter() : undefined;
  }

  receive(chunk: Buffer): void {
    if (this.finished || this.disposed) return;
    const now: Buffer[] = [];
    try {
      for (const unit of this.units(chunk)) this.admit(unit, now);
    } catch {
      // Not RESP: the stream cannot be cut into messages any more, so the connection goes.
      this.onBadFrame();
      return;
    }
    // Units due at once leave in one write (several pipelined requests: one segment).
    if (now.length > 0) this.write(now.length === 1 ? (now[0] as Buffer) : Buffer.concat(now), now.length);
  }

  /** No more input: end `out` once everything queued is delivered (an incomplete unit is discarded). */
  finish(): void {
    if (this.finished || this.disposed) return;
    this.finished = true;
    this.heldFrame = undefined;
    this.enqueue({ dueMs: Math.max(performance.now(), this.lastDueMs), end: true });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }

  private units(chunk: Buffer): Buffer[] {
    if (this.splitter === undefined) return [chunk];
    const units: Buffer[] = [];
    for (const frame of this.splitter.push(chunk)) {
      if (this.heldFrame === undefined) {
        this.heldFrame = frame;
      } else {
        units.push(Buffer.concat([this.heldFrame, frame]));
        this.heldFrame = undefined;
      }
    }
    return units;
  }

  private admit(unit: Buffer, now: Buffer[]): void {
    const delayMs = this.decide();
    if (delayMs === undefined) return;
    const nowMs = performance.now();
    const dueMs = Math.max(nowMs + delayMs, this.lastDueMs);
    if (delayMs === 0 && this.queue.length === 0) {
      this.lastDueMs = Math.max(this.lastDueMs, nowMs);
      now.push(unit);
      return;
    }
    // Units before this one in the same chunk that were due at once go first.
    if (now.length > 0) {
      const count = now.length;
      this.write(Buffer.concat(now.splice(0)), count);
    }
    this.enqueue({ dueMs, bytes: unit });
  }

  private enqueue(item: Queued): void {
    this.lastDueMs = item.dueMs;
    this.queue.push(item);
    if (this.timer === undefined) this.release();
  }

  /** Writes every queued item that is due, then waits for the next one. */
  private release(): void {
    this.timer = undefined;
    if (this.disposed) return;
    const nowMs = performance.now();
    while (this.queue.length > 0 && (this.queue[0]?.dueMs ?? 0) <= nowMs) {
      const item = this.queue.shift() as Queued;
      if ('end' in item) {
        if (!this.out.destroyed) this.out.end();
      } else this.write(item.bytes, 1);
    }
    const next = this.queue[0];
    // Node may fire a timer a fraction of a millisecond early: round up, and recheck on waking.
    if (next !== undefined) this.timer = setTimeout(() => this.release(), Math.max(1, Math.ceil(next.dueMs - nowMs)));
  }

  private write(bytes: Buffer, units: number): void {
    if (this.out.destroyed || !this.out.writable) return;
    this.out.write(bytes);
    this.counts.forwarded += units;
  }
}
