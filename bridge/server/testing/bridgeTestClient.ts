import WebSocket from 'ws';
import type { BridgeMessage } from '../../../src/protocol/bridgeMessages.ts';
import type { ClientMessageInput } from '../../../src/protocol/clientMessages.ts';
import { parseBridgeMessage } from '../../../src/protocol/parseBridgeMessage.ts';

/** The playground's dev origin: what a browser on `npm start` sends. */
export const PLAYGROUND_ORIGIN = 'http://127.0.0.1:5173';

/** A client message as a test writes it: the id may be left for the client to choose. */
export type TestMessage = ClientMessageInput extends infer M ? (M extends { id: string } ? Omit<M, 'id'> & { id?: string } : never) : never;

export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * A bridge client for tests, speaking like the browser: every frame the bridge sends is
 * checked with the browser's own parser (a message the browser would refuse fails the
 * test), and kept in order so a test can wait for the answer to a given message.
 */
export class BridgeTestClient {
  readonly received: BridgeMessage[] = [];
  readonly closed: Promise<CloseInfo>;
  private waiters: { test: (m: BridgeMessage) => boolean; resolve: (m: BridgeMessage) => void }[] = [];
  private nextId = 0;
  /** Messages by the id they answer: a soak of 1,000 requests must not search the whole list for each. */
  private readonly byReply = new Map<string, BridgeMessage[]>();

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data: WebSocket.RawData) => {
      const parsed = parseBridgeMessage(data as Buffer);
      if (!parsed.ok) throw new Error(`the bridge sent a message the browser would refuse: ${parsed.error.message}`);
      this.received.push(parsed.message);
      const inReplyTo = 'inReplyTo' in parsed.message ? parsed.message.inReplyTo : undefined;
      if (inReplyTo !== undefined) this.byReply.set(inReplyTo, [...(this.byReply.get(inReplyTo) ?? []), parsed.message]);
      for (const w of [...this.waiters]) {
        if (w.test(parsed.message)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(parsed.message);
        }
      }
    });
  }

  static connect(url: string, origin: string | null = PLAYGROUND_ORIGIN): Promise<BridgeTestClient> {
    const ws = new WebSocket(url, origin === null ? {} : { origin });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new BridgeTestClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Connects and authenticates; rejects unless the bridge answers welcome. */
  static async authenticated(url: string, token: string): Promise<BridgeTestClient> {
    const client = await BridgeTestClient.connect(url);
    const answer = await client.request({ type: 'hello', token, protocol: 1 });
    if (answer.type !== 'welcome') throw new Error(`expected welcome, got ${JSON.stringify(answer)}`);
    return client;
  }

  /** A fresh message id for this connection. */
  id(prefix = 'm'): string {
    this.nextId++;
    return `${prefix}${this.nextId}`;
  }

  sendRaw(frame: string | Buffer): void {
    this.ws.send(frame);
  }

  /** Sends a message (an id is added when missing) and returns its id. */
  send(message: TestMessage): string {
    const id = message.id ?? this.id(message.type.slice(0, 2));
    this.ws.send(JSON.stringify({ ...message, id }));
    return id;
  }

  /** Sends and waits for the first message answering it. */
  request(message: TestMessage, timeoutMs = 10_000): Promise<BridgeMessage> {
    const id = this.send(message);
    return this.answerTo(id, timeoutMs);
  }

  answerTo(id: string, timeoutMs = 10_000): Promise<BridgeMessage> {
    const answered = this.byReply.get(id)?.[0];
    if (answered !== undefined) return Promise.resolve(answered);
    return this.waitFor((m) => 'inReplyTo' in m && m.inReplyTo === id, timeoutMs, `an answer to ${id}`);
  }

  /** The first message, already received or still to come, that passes `test`. */
  next(test: (m: BridgeMessage) => boolean, timeoutMs = 10_000, what = 'a message'): Promise<BridgeMessage> {
    const seen = this.received.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return this.waitFor(test, timeoutMs, what);
  }

  /** The first message still to come that passes `test`. */
  private waitFor(test: (m: BridgeMessage) => boolean, timeoutMs: number, what: string): Promise<BridgeMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  answersTo(id: string): BridgeMessage[] {
    return this.byReply.get(id) ?? [];
  }

  close(): Promise<CloseInfo> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    return this.closed;
  }
}

/**
 * A well-behaved page on its own connection, pinging ten times a second (half the default
 * rate) while a test attacks the bridge on another. stop() reports how many pings it sent
 * and how many came back as pongs; the test asserts they are equal.
 */
export function keepPinging(client: BridgeTestClient, everyMs = 100): { stop(): Promise<{ sent: number; answered: number }> } {
  let sent = 0;
  let answered = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      sent++;
      const answer = await client.request({ type: 'ping' }, 5_000).catch(() => undefined);
      if (answer?.type === 'pong') answered++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      // At least three round trips, so the attack had a chance to disturb them.
      while (answered < 3 && sent < 50) await new Promise((resolve) => setTimeout(resolve, everyMs));
      running = false;
      await loop;
      return { sent, answered };
    },
  };
}
