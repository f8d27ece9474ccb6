import { describe, expect, it } from 'vitest';
import type { BridgeMessageOf } from '../../protocol/bridgeMessages.ts';
import { type Connection, closed, connecting, disconnected, opened, statusText, welcomed } from './connection.ts';

const welcome: BridgeMessageOf<'welcome'> = {
  type: 'welcome',
  id: 'b1',
  inReplyTo: 'c1-m1',
  protocol: 1,
  nodes: [
    { id: 'A', host: '127.0.0.1', port: 40001, role: 'master' },
    { id: 'R', host: '127.0.0.1', port: 40007, role: 'replica' },
    { id: 'S', host: '127.0.0.1', port: 40008, role: 'sentinel' },
  ],
  capabilities: { clockJump: false, reason: 'libfaketime is not installed' },
};
const ctx = { pageOrigin: 'http://127.0.0.1:4173', refusal: null, runLive: false };
const problemOf = (c: Connection) => (c.status === 'closed' ? c.problem : undefined);

describe('the connection to the bridge', () => {
  it('goes connecting → greeting → connected with the nodes and capabilities', () => {
    let c = connecting('ws://127.0.0.1:8787');
    expect(statusText(c)).toBe('Connecting to ws://127.0.0.1:8787…');
    c = opened(c);
    expect(statusText(c)).toBe('Connected to ws://127.0.0.1:8787; checking the token…');
    c = welcomed(c, welcome);
    expect(c).toMatchObject({ status: 'connected', capabilities: { clockJump: false } });
    expect(statusText(c)).toBe('Connected to ws://127.0.0.1:8787: 2 redis-server nodes.');
  });

  it('a wrong token: the bridge answered unauthorized, then closed with 1008', () => {
    const c = closed(
      opened(connecting('ws://127.0.0.1:8787')),
      { code: 1008, reason: '' },
      { ...ctx, refusal: 'Connecting: refused (unauthorized): wrong token' },
    );
    expect(problemOf(c)?.title).toBe('The bridge refused the token.');
    expect(problemOf(c)?.advice).toContain('Copy the token that “npm run bridge” printed');
  });

  it('a refused upgrade (no bridge there, or a foreign origin) never opens: both causes are named with the fix', () => {
    const c = closed(connecting('ws://127.0.0.1:1'), { code: 1006, reason: '' }, ctx);
    expect(problemOf(c)?.title).toBe('Could not reach the bridge at ws://127.0.0.1:1.');
    expect(problemOf(c)?.advice).toContain('--origin http://127.0.0.1:4173');
  });

  it('a policy close without a token refusal names origin, token and rate', () => {
    const c = closed(opened(connecting('ws://h:1')), { code: 1008, reason: 'too many messages' }, ctx);
    expect(problemOf(c)?.title).toContain('policy violation');
    expect(problemOf(c)?.advice).toContain('It said: "too many messages".');
  });

  it('a drop after the welcome says the trace so far is kept when a run was streaming', () => {
    const c = closed(welcomed(opened(connecting('ws://h:1')), welcome), { code: 1006, reason: '' }, { ...ctx, runLive: true });
    expect(problemOf(c)?.title).toBe('The connection to the bridge dropped.');
    expect(problemOf(c)?.advice).toContain('The trace received so far is kept on the timeline.');
    const shutdown = closed(welcomed(opened(connecting('ws://h:1')), welcome), { code: 1001, reason: 'bridge stopping' }, ctx);
    expect(problemOf(shutdown)?.title).toBe('The bridge closed the connection (it is shutting down).');
  });

  it('the user’s Disconnect is no problem; a late close of that socket changes nothing', () => {
    const c = disconnected(welcomed(opened(connecting('ws://h:1')), welcome));
    expect(c).toEqual({ status: 'closed', url: 'ws://h:1', problem: null });
    expect(closed(c, { code: 1006, reason: '' }, ctx)).toBe(c);
    expect(statusText(c)).toBe('Disconnected.');
  });
});
