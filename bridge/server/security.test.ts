import { loadPreset } from '../../src/scenario/presets/index.ts';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeMessage } from '../../src/protocol/bridgeMessages.ts';
import { CLIENT_FRAME_LIMITS } from '../../src/protocol/limits.ts';
import { rawCommand } from '../redis/rawCommand.ts';
import type { BridgeBackend } from '../run/runTypes.ts';
import { CLOSE_CODES } from './closeCodes.ts';
import { startBridgeServer } from './startBridgeServer.ts';
import { BridgeTestClient, keepPinging, PLAYGROUND_ORIGIN } from './testing/bridgeTestClient.ts';
import { type RealBridge, startRealBridge, TEST_TOKEN } from './testing/realBridge.ts';

/**
 * Protocol-level defences, on a real backend (createBackend's redis-servers). None of these
 * attacks may reach the backend: it sits behind a wrapper that records every call that could
 * touch Redis. Each attack runs while a well-behaved page on another connection keeps
 * pinging, and that page must see every pong.
 */
let backendCalls: string[] = [];
/** Makes the backend fail to list its nodes, as a broken fleet would, while a hello is answered. */
let failNodes = false;
let bridge: RealBridge;
let good: BridgeTestClient;
const logLines: string[] = [];
/** A key on node A that a FLUSHALL getting through would remove. */
const CANARY = 'security-test-canary';

function recording(backend: BridgeBackend): BridgeBackend {
  return {
    nodes: () => {
      if (failNodes) throw new Error('the fleet is not answering');
      return backend.nodes();
    },
    capabilities: () => backend.capabilities(),
    startRun: (opts) => {
      backendCalls.push('startRun');
      return backend.startRun(opts);
    },
    openSession: (emit) => {
      backendCalls.push('openSession');
      return backend.openSession(emit);
    },
    close: () => backend.close(),
  };
}

beforeAll(async () => {
  bridge = await startRealBridge({ log: (l) => logLines.push(l) }, recording);
  await rawCommand(bridge.port('A'), ['SET', CANARY, 'still here']);
  good = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
}, 60_000);

afterAll(async () => {
  await bridge?.stop();
}, 60_000);

afterEach(() => {
  expect(backendCalls).toEqual([]);
  backendCalls = [];
});

/** Runs `attack` while the good page pings; asserts every ping was answered. */
async function whilePinging(attack: () => Promise<void>): Promise<void> {
  const pinger = keepPinging(good);
  await attack();
  const { sent, answered } = await pinger.stop();
  expect(answered).toBeGreaterThanOrEqual(3);
  expect(answered).toBe(sent);
}

function errorOf(m: BridgeMessage): { code: string; message: string } {
  if (m.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(m)}`);
  return m;
}

describe('the handshake', () => {
  it('welcomes the right token with the nodes and capabilities, then answers pings', async () => {
    const client = await BridgeTestClient.connect(bridge.server.url);
    const welcome = await client.request({ type: 'hello', id: 'h1', token: TEST_TOKEN, protocol: 1 });
    expect(welcome).toMatchObject({
      type: 'welcome',
      inReplyTo: 'h1',
      protocol: 1,
      nodes: bridge.backend.nodes(),
      capabilities: bridge.backend.capabilities(),
    });
    expect((await client.request({ type: 'ping', id: 'p1' })).type).toBe('pong');
    expect(errorOf(await client.request({ type: 'hello', token: TEST_TOKEN, protocol: 1 }))).toMatchObject({ code: 'unauthorized' });
    expect((await client.request({ type: 'ping' })).type).toBe('pong'); // a second hello is refused, not fatal
    await client.close();
  });

  it('a hello the bridge fails to answer (internal error) leaves the connection unauthenticated', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.connect(bridge.server.url);
      failNodes = true;
      let failed: { code: string; message: string };
      try {
        failed = errorOf(await client.request({ type: 'hello', id: 'h1', token: TEST_TOKEN, protocol: 1 }));
      } finally {
        failNodes = false;
      }
      expect(failed).toMatchObject({ code: 'internal' });
      expect(failed.message).toContain('the fleet is not answering');
      const error = errorOf(await client.request({ type: 'ping', id: 'after' }));
      expect(error).toMatchObject({ code: 'unauthorized', inReplyTo: 'after' });
      expect((await client.closed).code).toBe(CLOSE_CODES.policyViolation);
    });
  });

  it('refuses a message before hello and closes the connection (1008)', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.connect(bridge.server.url);
      const error = errorOf(await client.request({ type: 'ping', id: 'early' }));
      expect(error).toMatchObject({ code: 'unauthorized', inReplyTo: 'early' });
      expect(error.message).toContain('hello');
      expect((await client.closed).code).toBe(CLOSE_CODES.policyViolation);
    });
  });

  it('refuses a wrong token and closes the connection (1008)', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.connect(bridge.server.url);
      const error = errorOf(await client.request({ type: 'hello', id: 'h', token: `${TEST_TOKEN.slice(0, -1)}1`, protocol: 1 }));
      expect(error).toMatchObject({ code: 'unauthorized', inReplyTo: 'h' });
      expect(error.message).toContain('wrong token');
      expect(await client.closed).toEqual({ code: CLOSE_CODES.policyViolation, reason: 'wrong token' });
    });
  });

  it('refuses a page from a foreign origin at the upgrade, with 403 and the reason', async () => {
    await whilePinging(async () => {
      for (const origin of ['http://evil.example', 'http://127.0.0.1:5173.evil.example', 'null', null]) {
        const refusal = await upgradeRefusal(bridge.server.url, origin);
        expect(refusal.status, String(origin)).toBe(403);
        expect(refusal.body).toContain('Forbidden');
        expect(refusal.body).toContain(PLAYGROUND_ORIGIN);
      }
      expect((await upgradeRefusal(bridge.server.url, 'http://evil.example')).body).toContain('"http://evil.example" is not allowed');
      expect(logLines.some((l) => l.includes('refused a connection from origin "http://evil.example"'))).toBe(true);
    });
  });
});

describe('messages the bridge will not act on', () => {
  it('refuses raw Redis commands as forbidden and keeps the connection', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
      client.sendRaw('{"type":"FLUSHALL","id":"f1"}');
      const flush = errorOf(await client.answerTo('f1'));
      expect(flush.code).toBe('forbidden');
      expect(flush.message).toContain('"FLUSHALL" looks like a raw Redis command');
      client.sendRaw(JSON.stringify({ type: 'lock-op', id: 'f2', client: 'C1', op: 'acquire', command: ['SET', 'lock', 'x'] }));
      const command = errorOf(await client.answerTo('f2'));
      expect(command.code).toBe('forbidden');
      expect(command.message).toContain('command');
      expect((await client.request({ type: 'ping' })).type).toBe('pong');
      expect(await rawCommand(bridge.port('A'), ['GET', CANARY])).toBe('still here');
      await client.close();
    });
  });

  it('refuses invalid JSON as not-json and keeps the connection', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
      client.sendRaw('{"type":"ping","id":"x"');
      const error = errorOf(await client.next((m) => m.type === 'error'));
      expect(error.code).toBe('not-json');
      client.sendRaw(Buffer.from([0xff, 0xfe, 0x7b]));
      expect(errorOf(await client.next((m) => m.type === 'error' && m !== error)).code).toBe('not-json');
      expect((await client.request({ type: 'ping' })).type).toBe('pong');
      await client.close();
    });
  });

  it('answers a frame just over the limit with too-large, and closes on a 10 MB frame with 1009', async () => {
    await whilePinging(async () => {
      const client = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
      client.sendRaw(`{"type":"ping","id":"big","pad":"${' '.repeat(CLIENT_FRAME_LIMITS.messageBytesMax)}"}`);
      const error = errorOf(await client.next((m) => m.type === 'error'));
      expect(error.code).toBe('too-large');
      expect(error.message).toContain(`more than the limit of ${CLIENT_FRAME_LIMITS.messageBytesMax}`);
      expect((await client.request({ type: 'ping' })).type).toBe('pong');

      client.sendRaw(Buffer.alloc(10 * 1024 * 1024, 0x20));
      expect((await client.closed).code).toBe(CLOSE_CODES.messageTooBig);
    });
  });

  it('refuses a fault without a run, and a scenario that does not parse, without reaching the backend', async () => {
    const client = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
    const fault = errorOf(await client.request({ type: 'kill-node', node: 'A' }));
    expect(fault).toMatchObject({ code: 'conflict', message: 'no run: start a run first' });
    const run = errorOf(await client.request({ type: 'start-run', scenario: { version: 1, nodes: [] } }));
    expect(run.code).toBe('invalid');
    expect(run.message).toMatch(/^invalid scenario in start-run:\nnodes: /);
    const happy = loadPreset('happy-path');
    if (!happy.ok) throw new Error('happy-path does not load');
    const anchored = errorOf(
      await client.request({
        type: 'start-run',
        scenario: happy.value,
        anchors: [{ entry: 0, state: 'holding', occurrence: 1, afterMs: 1 }],
      }),
    );
    expect(anchored).toMatchObject({
      code: 'invalid',
      message: 'invalid anchors in start-run:\n- anchors[0].entry: the timeline has no entry 0 (it has 0)',
    });
    await client.close();
  });
});

describe('a flood', () => {
  it('rate-limits 1,000 pings sent at once, then cuts the flooder off; the server keeps serving', async () => {
    await whilePinging(async () => {
      const flooder = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
      for (let i = 0; i < 1_000; i++) flooder.sendRaw(`{"type":"ping","id":"f${i}"}`);
      const closed = await flooder.closed;
      expect(closed.code).toBe(CLOSE_CODES.policyViolation);
      expect(closed.reason).toContain('rate limit');
      const pongs = flooder.received.filter((m) => m.type === 'pong').length;
      const limited = flooder.received.filter((m) => m.type === 'error' && m.code === 'rate-limited');
      expect(pongs).toBeGreaterThan(0);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]?.type === 'error' && limited[0].message).toContain('not acted on');
      // Each ping answered at most once, and the refused ones never as pongs.
      const answered = flooder.received.map((m) => ('inReplyTo' in m ? m.inReplyTo : undefined));
      expect(new Set(answered).size).toBe(answered.length);
      const fresh = await BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
      expect((await fresh.request({ type: 'ping' })).type).toBe('pong');
      await fresh.close();
    });
  });
});

describe('closing the server', () => {
  it('closes every connection with 1001 and counts connections', async () => {
    const own = await startBridgeServer({ backend: bridge.backend, token: TEST_TOKEN, allowedOrigins: [PLAYGROUND_ORIGIN] });
    const a = await BridgeTestClient.authenticated(own.url, TEST_TOKEN);
    const b = await BridgeTestClient.connect(own.url);
    expect(own.connections()).toBe(2);
    await own.close();
    expect((await a.closed).code).toBe(CLOSE_CODES.goingAway);
    expect((await b.closed).code).toBe(CLOSE_CODES.goingAway);
    expect(own.connections()).toBe(0);
  });
});

/** The HTTP status and body a refused upgrade gets. */
function upgradeRefusal(url: string, origin: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === null ? {} : { origin });
    ws.on('open', () => reject(new Error(`origin ${origin} was let in`)));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
}
