import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store/playgroundStore.ts';
import { type BridgeClient, createBridgeClient, WELCOME_WAIT_MS } from './bridgeClient.ts';
import { latestNotice } from './notices.ts';
import { ScriptedSocket } from './testing/scriptedSocket.ts';
import { presetScenario } from './testing/presetScenario.ts';

const NODES = [
  ...['A', 'B', 'C', 'D', 'E', 'M'].map((id, i) => ({ id, host: '127.0.0.1', port: 40001 + i, role: 'master' })),
  { id: 'R', host: '127.0.0.1', port: 40007, role: 'replica' },
  { id: 'S', host: '127.0.0.1', port: 40008, role: 'sentinel' },
];

let playground: PlaygroundStore;
let client: BridgeClient;
let sockets: ScriptedSocket[];
const socket = () => {
  const s = sockets[sockets.length - 1];
  if (s === undefined) throw new Error('no socket opened');
  return s;
};

/** Connects and plays the bridge's welcome. */
function connectWelcomed(capabilities: object = { clockJump: false, reason: 'libfaketime is not installed' }) {
  expect(client.getState().connect(' secret-token ')).toBeNull();
  socket().open();
  const hello = socket().last();
  socket().receive({ type: 'welcome', id: 'b1', inReplyTo: hello.id, protocol: 1, nodes: NODES, capabilities });
}

beforeEach(() => {
  playground = createPlaygroundStore('failover-loses-lock');
  sockets = [];
  client = createBridgeClient(playground, {
    createSocket: (url) => {
      const s = new ScriptedSocket(url);
      sockets.push(s);
      return s;
    },
    pageOrigin: 'http://127.0.0.1:4173',
  });
});

describe('the bridge client', () => {
  it('says hello with the token, then shows the nodes and capabilities of the welcome', () => {
    connectWelcomed();
    expect(socket().sent[0]).toEqual({ type: 'hello', id: 'c1-m1', token: 'secret-token', protocol: 1 });
    expect(socket().binaryType).toBe('arraybuffer');
    const c = client.getState().connection;
    expect(c.status).toBe('connected');
    if (c.status === 'connected') {
      expect(c.nodes.map((n) => `${n.id}:${n.role}`)).toContain('S:sentinel');
      expect(c.capabilities).toEqual({ clockJump: false, reason: 'libfaketime is not installed' });
    }
    // The token is not kept anywhere in the client's state.
    expect(JSON.stringify(client.getState())).not.toContain('secret-token');
  });

  it('a wrong token: the bridge’s unauthorized answer and its 1008 close become one message with what to do', () => {
    client.getState().connect('wrong');
    socket().open();
    socket().receive({ type: 'error', id: 'b1', code: 'unauthorized', message: 'wrong token' });
    socket().drop(1008, '');
    const c = client.getState().connection;
    expect(c.status === 'closed' && c.problem?.title).toBe('The bridge refused the token.');
  });

  it('a hello the bridge cannot welcome (a bug, another version) ends the connection with the bridge’s words', () => {
    client.getState().connect('t');
    socket().open();
    socket().receive({ type: 'error', id: 'b1', inReplyTo: 'c1-m1', code: 'internal', message: 'internal error while handling hello' });
    const c = client.getState().connection;
    expect(c.status === 'closed' && c.problem?.title).toBe('The bridge could not accept this connection.');
    expect(c.status === 'closed' && c.problem?.advice).toContain(
      'Connecting: refused by the bridge (internal): internal error while handling hello',
    );
    expect(socket().closedWith?.code).toBe(1000);
  });

  it('no welcome in time (something else on that port): the connection is closed with what to check', () => {
    vi.useFakeTimers();
    try {
      client.getState().connect('t');
      socket().open();
      vi.advanceTimersByTime(WELCOME_WAIT_MS);
      const c = client.getState().connection;
      expect(c.status === 'closed' && c.problem?.title).toBe('The bridge did not answer within 10 s.');
      expect(socket().closedWith?.code).toBe(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a bad frame is a notice, never an exception; the connection goes on', () => {
    connectWelcomed();
    socket().receive('{"type":"welcome"');
    socket().receive({ type: 'trace', id: 'b2', events: [], extra: 1 });
    expect(latestNotice(client.getState().notices, 'connection')?.text).toContain('cannot read');
    expect(client.getState().notices).toHaveLength(2);
    expect(client.getState().connection.status).toBe('connected');
    socket().receive(new TextEncoder().encode(JSON.stringify({ type: 'pong', id: 'b3', inReplyTo: 'c1-m1' })).buffer);
    expect(client.getState().notices).toHaveLength(2);
  });

  it('runs the scenario: start-run with the scenario and speed, batches into the real run, run-ended with the verdict', () => {
    connectWelcomed();
    expect(client.getState().startRun(2)).toBeNull();
    const start = socket().last();
    expect(start).toMatchObject({ type: 'start-run', id: 'c1-m2', speed: 2 });
    expect(start.scenario).toEqual(JSON.parse(JSON.stringify(playground.getState().scenario)));
    expect(playground.getState().source).toBe('real');

    const trace = run(presetScenario('failover-loses-lock')).trace;
    socket().receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: trace.slice(0, 100) });
    socket().receive({ type: 'trace', id: 'b3', events: [...trace.slice(100), { t: 1, kind: 'bogus' }] });
    expect(playground.getState().run?.trace).toHaveLength(trace.length);
    expect(latestNotice(client.getState().notices, 'run')?.text).toBe(
      '1 trace event from the bridge could not be read and was left out (unknown kind "bogus").',
    );
    socket().receive({ type: 'run-ended', id: 'b4', inReplyTo: 'c1-m2', reason: 'completed' });
    expect(client.getState().runLive).toBe(false);
    expect(playground.getState().real?.status).toBe('completed');
    expect(playground.getState().run?.verdict.safe).toBe(false);
  });

  it('sends with start-run where each client pause falls in the client’s progress, as the simulation shows it', () => {
    playground.getState().load('gc-pause-after-acquire');
    connectWelcomed();
    expect(client.getState().startRun(4)).toBeNull();
    expect(socket().last()).toMatchObject({
      type: 'start-run',
      anchors: [{ entry: 0, state: 'holding.writing', occurrence: 1, afterMs: 1 }],
    });
  });

  it('injects a fault now; a refused one shows the bridge’s words in the fault bar', () => {
    connectWelcomed();
    client.getState().startRun(1);
    expect(client.getState().injectFault({ atMs: 0, kind: 'kill-master', restartAfterMs: null })).toBeNull();
    expect(socket().last()).toEqual({ type: 'kill-node', id: 'c1-m3', node: 'M', clean: false, restartAfterMs: null });
    socket().receive({ type: 'error', id: 'b2', inReplyTo: 'c1-m3', code: 'conflict', message: 'node M is already down' });
    expect(latestNotice(client.getState().notices, 'fault')?.text).toBe(
      'Kill node M: refused by the bridge (conflict): node M is already down',
    );
    // Kinds real Redis cannot do are refused before anything is sent.
    expect(client.getState().injectFault({ atMs: 0, kind: 'crash-client', client: 'C1' })).toContain('not processes it can crash');
    expect(client.getState().injectFault({ atMs: 0, kind: 'clock-jump', process: 'M', deltaMs: 1000 })).toBe(
      'Not on this bridge: libfaketime is not installed.',
    );
    expect(socket().sent).toHaveLength(3);
  });

  it('sends a node action’s fault message as is during a run; the answer clears it from pending, a refusal is a fault notice', () => {
    connectWelcomed();
    // Without a run the bridge would answer "no run": nothing is sent, and the fault notice says why.
    expect(client.getState().sendFault({ type: 'resume-node', node: 'M' })).toBe(
      'Faults on real Redis need a run: press “Run on real Redis” first.',
    );
    expect(latestNotice(client.getState().notices, 'fault')?.text).toContain('need a run');
    expect(socket().sent).toHaveLength(1);

    client.getState().startRun(1);
    expect(client.getState().sendFault({ type: 'failover', method: 'replicaof', promote: 'R' })).toBeNull();
    expect(socket().last()).toEqual({ type: 'failover', id: 'c1-m3', method: 'replicaof', promote: 'R' });
    // Sending clears the old notice; until the bridge answers, the request is pending under its name.
    expect(latestNotice(client.getState().notices, 'fault')).toBeNull();
    expect(client.getState().pending.map((p) => p.label)).toContain('Promote R (REPLICAOF NO ONE)');
    socket().receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m3', events: [{ t: 40, kind: 'failover', from: 'M', to: 'R' }] });
    expect(client.getState().pending.map((p) => p.label)).not.toContain('Promote R (REPLICAOF NO ONE)');

    expect(client.getState().sendFault({ type: 'failover', method: 'sentinel' })).toBeNull();
    expect(client.getState().sendFault({ type: 'restart-node', node: 'M' })).toBeNull();
    expect(socket().sent.slice(-2)).toEqual([
      { type: 'failover', id: 'c1-m4', method: 'sentinel' },
      { type: 'restart-node', id: 'c1-m5', node: 'M' },
    ]);
    socket().receive({ type: 'error', id: 'b3', inReplyTo: 'c1-m5', code: 'conflict', message: 'node M is running; kill it first' });
    expect(latestNotice(client.getState().notices, 'fault')?.text).toBe(
      'Restart node M: refused by the bridge (conflict): node M is running; kill it first',
    );
    // A clock jump sent this way still needs the fake clock.
    expect(client.getState().sendFault({ type: 'clock-jump', process: 'M', deltaMs: 1000 })).toBe(
      'Not on this bridge: libfaketime is not installed.',
    );
    expect(socket().sent).toHaveLength(5);
  });

  it('lock operations outside a run: the answer is a trace of the session, shown on the timeline', () => {
    playground.getState().load('happy-path');
    connectWelcomed();
    expect(client.getState().lockOp('C1', 'acquire')).toBeNull();
    const op = socket().last();
    expect(op).toEqual({ type: 'lock-op', id: 'c1-m2', client: 'C1', op: 'acquire', key: playground.getState().scenario?.lock.key });
    socket().receive({
      type: 'trace',
      id: 'b2',
      inReplyTo: op.id,
      events: [
        { t: 3, kind: 'lock-attempt', client: 'C1', round: 1, attempt: 1, value: 'v', clientMs: 3 },
        {
          t: 5,
          kind: 'lock-acquired',
          client: 'C1',
          value: 'v',
          epoch: 1,
          votes: 5,
          nodes: ['A', 'B', 'C', 'D', 'E'],
          validityMs: 9000,
          validUntilMs: 9005,
          clientMs: 5,
        },
      ],
    });
    expect(playground.getState().real?.kind).toBe('session');
    expect(playground.getState().run?.verdict.acquisitions).toBe(1);
  });

  it('a dropped connection mid-run keeps the trace and says what to do', () => {
    connectWelcomed();
    client.getState().startRun(1);
    const trace = run(presetScenario('failover-loses-lock')).trace;
    socket().receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: trace.slice(0, 50) });
    socket().drop(1006);
    const real = playground.getState().real;
    expect(real?.status).toBe('interrupted');
    expect(real?.problem).toContain('The connection to the bridge dropped.');
    expect(real?.problem).toContain('The trace received so far is kept');
    expect(playground.getState().run?.trace).toHaveLength(50);
    expect(client.getState().connection.status).toBe('closed');
  });

  it('no bridge at the address: the close before opening names both causes and the origin fix', () => {
    client.getState().setUrl('ws://127.0.0.1:1');
    client.getState().connect('t');
    socket().drop(1006);
    const c = client.getState().connection;
    expect(c.status === 'closed' && c.problem?.title).toBe('Could not reach the bridge at ws://127.0.0.1:1.');
  });

  it('refuses what it cannot send, in words', () => {
    expect(client.getState().startRun(1)).toBe('Connect to the bridge first.');
    expect(client.getState().connect('')).toBe('Paste the token the bridge printed when it started.');
    client.getState().setUrl('http://x');
    expect(client.getState().connect('t')).toContain('ws://');
    expect(sockets).toHaveLength(0);
  });

  it('Disconnect closes the socket; a new connection gets fresh message ids', () => {
    connectWelcomed();
    const first = socket();
    client.getState().disconnect();
    expect(first.closedWith).toEqual({ code: 1000, reason: 'the user disconnected' });
    first.drop(1000); // the late close of the old socket changes nothing
    expect(client.getState().connection).toEqual({ status: 'closed', url: 'ws://127.0.0.1:8787', problem: null });
    connectWelcomed();
    expect(socket().sent[0]?.id).toBe('c2-m1');
  });
});
