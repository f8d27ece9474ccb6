import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { run } from '../../sim/engine/run.ts';
import { FaultToolbar } from '../faults/FaultToolbar.tsx';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playgroundStore.ts';
import { TopologyView } from '../topology/TopologyView.tsx';
import { type BridgeClient, type BridgeClientState, createBridgeClient } from './bridgeClient.ts';
import { BridgeContext } from './bridgeContext.ts';
import { RealRedisPanel } from './RealRedisPanel.tsx';
import { RealRunStrip } from './RealRunStrip.tsx';
import { ScriptedSocket } from './testing/scriptedSocket.ts';
import { presetScenario } from './testing/presetScenario.ts';
import { VerdictComparison } from './VerdictComparison.tsx';

/**
 * What the Real Redis parts render for the stores as they are now (a server render reads a
 * store's initial state, so each is frozen where the real one stands; see faults/components.test.ts).
 */
const frozenPlayground = (s: PlaygroundStore): PlaygroundStore => createStore<PlaygroundState>()(() => s.getState());
const frozenClient = (c: BridgeClient): BridgeClient => createStore<BridgeClientState>()(() => c.getState());

let playground: PlaygroundStore;
let client: BridgeClient;
let socket: ScriptedSocket;

const render = (element: (p: PlaygroundStore, c: BridgeClient) => ReactElement) => {
  const c = frozenClient(client);
  return renderToStaticMarkup(createElement(BridgeContext.Provider, { value: c }, element(frozenPlayground(playground), c)));
};

function connect(capabilities: object) {
  client.getState().connect('token');
  socket.open();
  socket.receive({
    type: 'welcome',
    id: 'b1',
    inReplyTo: 'c1-m1',
    protocol: 1,
    nodes: [
      { id: 'M', host: '127.0.0.1', port: 40006, role: 'master' },
      { id: 'R', host: '127.0.0.1', port: 40007, role: 'replica' },
      { id: 'S', host: '127.0.0.1', port: 40008, role: 'sentinel' },
    ],
    capabilities,
  });
}

beforeEach(() => {
  playground = createPlaygroundStore('failover-loses-lock');
  client = createBridgeClient(playground, {
    createSocket: (url) => {
      socket = new ScriptedSocket(url);
      return socket;
    },
  });
});

describe('the Real Redis panel', () => {
  it('asks for the address and the token, with accessible names; connected, it lists the nodes and the clock-jump capability', () => {
    let html = render((p, c) => createElement(RealRedisPanel, { store: p, client: c, onClose: () => {} }));
    expect(html).toContain('aria-label="Real Redis"');
    expect(html).toMatch(/<label for="[^"]+-url">Bridge address<\/label>/);
    expect(html).toMatch(/<input id="[^"]+-token" type="password"/);
    expect(html).toContain('>Connect</button>');
    connect({ clockJump: false, reason: 'libfaketime is not installed' });
    html = render((p, c) => createElement(RealRedisPanel, { store: p, client: c, onClose: () => {} }));
    expect(html).toContain('>Disconnect</button>');
    expect(html).toContain('<th scope="row">S</th><td>sentinel</td><td>127.0.0.1:40008</td>');
    expect(html).toContain('Clock jumps: not available — libfaketime is not installed.');
    expect(html).toContain('>Run on real Redis</button>');
    expect(html).toContain('high speeds can change the verdict');
  });
});

describe('the fault bar and the topology on a real run', () => {
  it('send faults now: kinds real Redis cannot do are disabled, and the button says "now on real Redis"', () => {
    connect({ clockJump: false, reason: 'libfaketime is not installed' });
    client.getState().startRun(1);
    const bar = render((p) => createElement(FaultToolbar, { store: p }));
    expect(bar).toContain('aria-label="Inject fault now on real Redis"');
    expect(bar).toContain('<option value="crash-client" disabled="">Crash a client (not on real Redis)</option>');
    expect(bar).toContain('<option value="clock-jump" disabled="">Jump a clock (not on real Redis)</option>');
    expect(bar).toContain('<option value="kill-master" selected="">Kill the master</option>');

    socket.receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: run(presetScenario('failover-loses-lock')).trace.slice(0, 5) });
    const topology = render((p) => createElement(TopologyView, { store: p }));
    expect(topology).toContain('aria-label="Kill node M now on real Redis"');
    expect(topology).toMatch(/aria-label="Crash client C1 now on real Redis" title="Not on real Redis: [^"]+" disabled=""/);
    expect(topology).toContain('aria-label="Acquire the lock as C1 on real Redis"');
  });

  it('once the run is over, Inject is disabled and says why', () => {
    connect({ clockJump: true });
    client.getState().startRun(1);
    socket.receive({ type: 'run-ended', id: 'b2', inReplyTo: 'c1-m2', reason: 'stopped' });
    const bar = render((p) => createElement(FaultToolbar, { store: p }));
    expect(bar).toMatch(/aria-label="Inject fault now on real Redis" title="The real run is over[^"]*" disabled=""/);
  });

  it('in the simulation the fault bar edits the scenario as before', () => {
    connect({ clockJump: true });
    const bar = render((p) => createElement(FaultToolbar, { store: p }));
    expect(bar).toContain('aria-label="Inject fault at cursor"');
  });
});

describe('the live badge and the verdicts side by side', () => {
  it('says REAL REDIS — live while it streams, then the real verdict beside the simulated one', () => {
    connect({ clockJump: true });
    client.getState().startRun(1);
    const trace = run(presetScenario('failover-loses-lock')).trace;
    socket.receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: trace.slice(0, 30) });
    expect(render((p, c) => createElement(RealRunStrip, { store: p, client: c }))).toContain('REAL REDIS — live</strong>');
    expect(render((p) => createElement(VerdictComparison, { store: p }))).toContain(
      'Real Redis, live: the checker’s verdict on the trace received so far.',
    );

    socket.receive({ type: 'trace', id: 'b3', events: trace.slice(30) });
    socket.receive({
      type: 'run-ended',
      id: 'b4',
      inReplyTo: 'c1-m2',
      reason: 'completed',
      verdictHint: { safe: false, note: 'C1 and C2 overlapped' },
    });
    const strip = render((p, c) => createElement(RealRunStrip, { store: p, client: c }));
    expect(strip).toContain('REAL REDIS — run completed</strong>');
    expect(strip).toContain('aria-pressed="true">Real Redis</button>');
    const verdicts = render((p) => createElement(VerdictComparison, { store: p }));
    expect(verdicts).toContain('Real Redis: UNSAFE (C1 and C2 both held the lock 31020–36022 ms');
    expect(verdicts).toContain('— Simulation: UNSAFE — agree');
    expect(verdicts).toContain('The bridge’s own lock clients saw: unsafe — C1 and C2 overlapped.');
  });
});
