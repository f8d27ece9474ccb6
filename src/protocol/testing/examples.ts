import type { BridgeMessageInput, BridgeMessageType } from '../bridgeMessages.ts';
import type { ClientMessageInput, ClientMessageType } from '../clientMessages.ts';

type ExampleOf<M extends { type: string }, T extends string> = { [K in T]: Extract<M, { type: K }> };

/** One valid client message of every type (the compiler checks none is missing), as a browser writes them. */
export const CLIENT_EXAMPLES: ExampleOf<ClientMessageInput, ClientMessageType> = {
  hello: { type: 'hello', id: 'h1', token: 'a3f9c2e4b1d84c07a9e2f5b6c3d1e8f0', protocol: 1 },
  'start-run': {
    type: 'start-run',
    id: 'r1',
    scenario: { version: 1, nodes: [{ id: 'A' }], clients: [{ id: 'C1', strategy: { kind: 'set-nx-px-cad' } }] },
    speed: 0.5,
    anchors: [{ entry: 0, state: 'holding.writing', occurrence: 1, afterMs: 1 }],
  },
  'stop-run': { type: 'stop-run', id: 'r2' },
  'lock-op': { type: 'lock-op', id: 'op-1', client: 'C1', op: 'acquire', ttlMs: 10_000 },
  'kill-node': { type: 'kill-node', id: 'f1', node: 'A', clean: true, restartAfterMs: 2_000 },
  'restart-node': { type: 'restart-node', id: 'f2', node: 'A' },
  'pause-node': { type: 'pause-node', id: 'f3', node: 'B', durationMs: 5_000 },
  'resume-node': { type: 'resume-node', id: 'f4', node: 'B' },
  failover: { type: 'failover', id: 'f5', method: 'replicaof', promote: 'R1' },
  'pause-client': { type: 'pause-client', id: 'f6', client: 'C1', durationMs: 12_000 },
  'link-delay': { type: 'link-delay', id: 'f7', from: 'C1', to: 'A', extraMs: 300, durationMs: null },
  'link-drop': { type: 'link-drop', id: 'f8', from: 'C2', to: 'B', rate: 0.5, durationMs: 10_000 },
  partition: {
    type: 'partition',
    id: 'f9',
    partition: 'p2',
    groups: [
      ['A', 'B', 'C1'],
      ['C', 'D', 'E', 'C2'],
    ],
    durationMs: 8_000,
  },
  heal: { type: 'heal', id: 'f10', partition: 'p2' },
  'clock-jump': { type: 'clock-jump', id: 'f11', process: 'C', deltaMs: -4_000 },
  ping: { type: 'ping', id: 'p1' },
};

/** One valid bridge message of every type, as a bridge writes them. */
export const BRIDGE_EXAMPLES: ExampleOf<BridgeMessageInput, BridgeMessageType> = {
  welcome: {
    type: 'welcome',
    id: 'b1',
    inReplyTo: 'h1',
    protocol: 1,
    nodes: [
      { id: 'M', host: '127.0.0.1', port: 40_001, role: 'master' },
      { id: 'R', host: '127.0.0.1', port: 40_002, role: 'replica' },
      { id: 'sentinel', host: '127.0.0.1', port: 40_003, role: 'sentinel' },
    ],
    capabilities: { clockJump: false, reason: 'libfaketime is not installed' },
  },
  trace: {
    type: 'trace',
    id: 'b2',
    inReplyTo: 'r1',
    events: [
      { atMs: 0, kind: 'run-start' },
      { atMs: 3, kind: 'reply', node: 'M' },
    ],
  },
  error: { type: 'error', id: 'b3', inReplyTo: 'f1', code: 'conflict', message: 'node "A" is already down' },
  pong: { type: 'pong', id: 'b4', inReplyTo: 'p1' },
  'run-ended': {
    type: 'run-ended',
    id: 'b5',
    inReplyTo: 'r1',
    reason: 'completed',
    verdictHint: { safe: false, note: 'C1 and C2 both held the lock at 1104 ms' },
  },
};
