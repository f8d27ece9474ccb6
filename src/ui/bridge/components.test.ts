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

describe('the node actions in the Real Redis panel', () => {
  const panel = () => render((p, c) => createElement(RealRedisPanel, { store: p, client: c, onClose: () => {} }));
  const buttons = (html: string) => [...html.matchAll(/<button[^>]*class="bridge-node-action"[^>]*>/g)].map((m) => m[0]);

  it('outside a run: no action buttons, a line says they come with a run', () => {
    connect({ clockJump: true });
    const html = panel();
    expect(buttons(html)).toEqual([]);
    expect(html).toContain('During a run on real Redis, each node offers what it can do now: Resume, Restart, a failover.');
  });

  it('during a live run: each node its state and actions, named with the node; a pending one is disabled until the bridge answers', () => {
    connect({ clockJump: true });
    client.getState().startRun(1);
    socket.receive({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: [{ t: 50, kind: 'pause', process: 'M', untilMs: -1 }] });
    let html = panel();
    expect(html).not.toContain('During a run on real Redis');
    expect(html).toContain('<th scope="col">Now</th><th scope="col">Actions</th>');
    expect(html).toContain('<td data-testid="node-state-M">paused (until Resume)</td>');
    expect(html).toContain('<td data-testid="node-state-S">watching M</td>');
    expect(buttons(html).map((b) => b.match(/aria-label="([^"]+)"/)?.[1])).toEqual([
      'Resume M',
      'Fail over M (Sentinel)',
      'Promote R (REPLICAOF NO ONE)',
    ]);
    expect(html).toMatch(/aria-label="Resume M" title="SIGCONT: node M goes on now[^"]*">Resume<\/button>/);

    expect(client.getState().sendFault({ type: 'resume-node', node: 'M' })).toBeNull();
    expect(socket.last()).toEqual({ type: 'resume-node', id: 'c1-m3', node: 'M' });
    html = panel();
    expect(html).toMatch(/aria-label="Resume M" title="[^"]*\(waiting for the bridge\)" disabled=""/);
    expect(html).not.toMatch(/aria-label="Promote R \(REPLICAOF NO ONE\)"[^>]*disabled/);

    // The bridge's answer: the node is up again, so Resume goes; a refusal shows in the panel too.
    socket.receive({ type: 'trace', id: 'b3', inReplyTo: 'c1-m3', events: [{ t: 90, kind: 'resume', process: 'M', queued: 0 }] });
    client.getState().sendFault({ type: 'failover', method: 'sentinel' });
    socket.receive({ type: 'error', id: 'b4', inReplyTo: 'c1-m4', code: 'failed', message: 'Sentinel refused the failover: NOGOODSLAVE' });
    html = panel();
    expect(html).toContain('<td data-testid="node-state-M">up</td>');
    expect(html).not.toContain('aria-label="Resume M"');
    expect(html).toContain('<span>Failover by Sentinel: refused by the bridge (failed): Sentinel refused the failover: NOGOODSLAVE</span>');
  });

  it('after the promotion the roles follow the trace, and once the run is over the buttons go', () => {
    connect({ clockJump: true });
    client.getState().startRun(1);
    socket.receive({
      type: 'trace',
      id: 'b2',
      inReplyTo: 'c1-m2',
      events: [
        { t: 200, kind: 'crash', process: 'M', clean: false, keysLost: 1 },
        { t: 31_000, kind: 'failover', from: 'M', to: 'R' },
        { t: 31_000, kind: 'role', node: 'R', role: 'master', master: null },
      ],
    });
    let html = panel();
    expect(html).toContain('<th scope="row">R</th><td>master (was replica)</td>');
    expect(buttons(html).map((b) => b.match(/aria-label="([^"]+)"/)?.[1])).toEqual(['Restart M', 'Fail over R (Sentinel)']);
    expect(html).toMatch(/aria-label="Fail over R \(Sentinel\)" title="No replica of R is up to take over\." disabled=""/);

    socket.receive({ type: 'run-ended', id: 'b3', inReplyTo: 'c1-m2', reason: 'stopped' });
    html = panel();
    expect(buttons(html)).toEqual([]);
    expect(html).toContain('<th scope="row">R</th><td>replica</td>');
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
