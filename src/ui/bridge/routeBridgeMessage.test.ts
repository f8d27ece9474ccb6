import { describe, expect, it } from 'vitest';
import { parseBridgeMessage } from '../../protocol/parseBridgeMessage.ts';
import type { BridgeMessage } from '../../protocol/bridgeMessages.ts';
import { type PendingRequest, requestLabel, withPending } from './requests.ts';
import { routeBridgeMessage } from './routeBridgeMessage.ts';

const msg = (m: object): BridgeMessage => {
  const parsed = parseBridgeMessage(JSON.stringify(m));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.message;
};

let pending: PendingRequest[] = [];
pending = withPending(pending, { type: 'start-run', id: 'c1-m2', scenario: {}, speed: 1 });
pending = withPending(pending, { type: 'kill-node', id: 'c1-m3', node: 'A' });
pending = withPending(pending, { type: 'lock-op', id: 'c1-m4', client: 'C1', op: 'acquire' });
const live = { pending, runId: 'c1-m2', runLive: true };

describe('routing the bridge’s messages', () => {
  it('names each request as the user asked for it', () => {
    expect(pending.map((p) => p.label)).toEqual(['Starting the run on real Redis', 'Kill node A', 'Acquire the lock as C1']);
    expect(requestLabel({ type: 'partition', id: 'x', groups: [['A'], ['B', 'C']] })).toBe('Partition {A} | {B, C}');
    expect(requestLabel({ type: 'clock-jump', id: 'x', process: 'A', deltaMs: 10000 })).toBe("Jump A's clock +10000 ms");
  });

  it('a refused fault goes to the fault bar with the request’s name and the bridge’s words', () => {
    const { route, pending: rest } = routeBridgeMessage(
      msg({ type: 'error', id: 'b9', inReplyTo: 'c1-m3', code: 'conflict', message: 'node A is already down' }),
      live,
    );
    expect(route).toMatchObject({ kind: 'refused', topic: 'fault', endsRun: false });
    if (route.kind !== 'refused') throw new Error('expected a refusal');
    expect(route.refusal.text).toBe('Kill node A: refused by the bridge (conflict): node A is already down');
    expect(rest.map((p) => p.id)).toEqual(['c1-m2', 'c1-m4']);
  });

  it('trace batches belong to the live run; the start-run stays pending until the run ends', () => {
    const { route, pending: rest } = routeBridgeMessage(msg({ type: 'trace', id: 'b2', inReplyTo: 'c1-m2', events: [] }), live);
    expect(route).toMatchObject({ kind: 'trace', to: 'run' });
    expect(rest).toHaveLength(3);
    const answer = routeBridgeMessage(msg({ type: 'trace', id: 'b3', inReplyTo: 'c1-m4', events: [] }), { ...live, runLive: false });
    expect(answer.route).toMatchObject({ kind: 'trace', to: 'session', answers: { label: 'Acquire the lock as C1' } });
  });

  it('an error about the run (a refused start-run) ends it and shows in the run controls', () => {
    const { route } = routeBridgeMessage(
      msg({ type: 'error', id: 'b4', inReplyTo: 'c1-m2', code: 'unsupported', message: 'script clients cannot run on the bridge' }),
      live,
    );
    expect(route).toMatchObject({ kind: 'refused', topic: 'run', endsRun: true });
  });

  it('run-ended of this run carries the reason and the hint; one of an earlier run is ignored', () => {
    const end = routeBridgeMessage(
      msg({
        type: 'run-ended',
        id: 'b5',
        inReplyTo: 'c1-m2',
        reason: 'completed',
        verdictHint: { safe: false, note: 'C1 and C2 overlapped' },
      }),
      live,
    );
    expect(end.route).toEqual({ kind: 'run-ended', reason: 'completed', hint: { safe: false, note: 'C1 and C2 overlapped' } });
    expect(end.pending.map((p) => p.id)).toEqual(['c1-m3', 'c1-m4']);
    const old = routeBridgeMessage(msg({ type: 'run-ended', id: 'b6', inReplyTo: 'c1-m1', reason: 'stopped' }), live);
    expect(old.route.kind).toBe('ignored');
  });

  it('an error answering nothing known still reaches the user', () => {
    const { route } = routeBridgeMessage(msg({ type: 'error', id: 'b7', code: 'rate-limited', message: 'slow down' }), live);
    expect(route).toMatchObject({ kind: 'refused', topic: 'connection', request: null });
    if (route.kind === 'refused') expect(route.refusal.text).toBe('The bridge reported an error (rate-limited): slow down');
  });
});
