import { describe, expect, it } from 'vitest';
import type { LockRequest } from '../protocol.ts';
import { drive } from '../testing/drive.ts';
import { fire, int, reply, reportsOf, sent, singleInput, start, ZERO } from '../testing/fixtures.ts';
import { setnxExpireMachine } from './setnxExpire.ts';

const VALUE = 'C1-1-00000007';

function startWithTtl(ttlMs = 10_000) {
  const d = drive(setnxExpireMachine, singleInput('setnx-expire', {}, ttlMs));
  d.send(start(0, 7));
  return d;
}

describe('setnx-expire', () => {
  it('sends SETNX lock <value> first, with no TTL', () => {
    const d = startWithTtl();
    expect(sent(d)).toEqual([{ node: 'A', reqId: 1, argv: ['SETNX', 'lock', VALUE] }]);
  });

  it.each([
    [10_000, '10'],
    [2_500, '3'],
    [1, '1'],
  ])('SETNX :1 is followed by a second round trip, EXPIRE lock in whole seconds (TTL %i ms → %s s)', (ttlMs, seconds) => {
    const d = startWithTtl(ttlMs);
    d.send(reply(sent(d)[0] as LockRequest, int(1), 2));
    expect(sent(d)).toEqual([{ node: 'A', reqId: 2, argv: ['EXPIRE', 'lock', seconds] }]);
  });

  it("counts as acquired only after EXPIRE's reply, with validity from the SETNX's start", () => {
    const d = startWithTtl();
    d.send(reply(sent(d)[0] as LockRequest, int(1), 2));
    expect(reportsOf(d, 'acquired')).toEqual([]);
    expect(d.state()).toBe('acquiring.expiring');
    d.send(reply(sent(d)[0] as LockRequest, int(1), 4));
    expect(reportsOf(d, 'acquired')).toEqual([
      { kind: 'acquired', value: VALUE, votes: 1, nodes: ['A'], validityMs: 9_894, validUntilMs: 9_898 },
    ]);
  });

  it('SETNX :0 is refused: no EXPIRE, a retry after retryDelayMs', () => {
    const d = startWithTtl();
    d.send(reply(sent(d)[0] as LockRequest, ZERO, 2));
    expect(d.effects('send')).toEqual([]);
    expect(d.effects('report')).toEqual([{ kind: 'failed', value: VALUE, votes: 0, reason: 'refused', validityMs: null }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 150 }]);
  });

  it('releases with a plain DEL lock', () => {
    const d = startWithTtl();
    d.send(reply(sent(d)[0] as LockRequest, int(1), 2));
    d.send(reply(sent(d)[0] as LockRequest, int(1), 4));
    d.send(fire('WORK', 104));
    d.send(fire('WRITE', 105));
    expect(sent(d)).toEqual([{ node: 'A', reqId: 3, argv: ['DEL', 'lock'] }]);
  });
});
