import { describe, expect, it } from 'vitest';
import { err } from '../../sim/redis/reply.ts';
import type { LockRequest } from '../protocol.ts';
import { drive } from '../testing/drive.ts';
import { fire, NIL, OK, reply, reportsOf, sent, singleInput, start } from '../testing/fixtures.ts';
import { setNxPxCadMachine, setNxPxDelMachine } from './setNxPx.ts';

const VALUE = 'C1-1-00000007';
const DESIGNS = [
  { name: 'set-nx-px-del', machine: setNxPxDelMachine, release: ['DEL', 'lock'] },
  { name: 'set-nx-px-cad', machine: setNxPxCadMachine, release: ['EVAL', 'compare-and-delete', '1', 'lock', VALUE] },
] as const;

describe.each(DESIGNS)('$name', ({ name, machine, release }) => {
  const startAt = (nowMs: number, acquireTimeoutMs = 60_000) => {
    const d = drive(machine, singleInput(name, { acquireTimeoutMs }));
    d.send(start(nowMs, 7));
    return d;
  };

  it('sends one SET lock <value> NX PX 10000 to its node', () => {
    const d = startAt(0);
    expect(sent(d)).toEqual([{ node: 'A', reqId: 1, argv: ['SET', 'lock', VALUE, 'NX', 'PX', '10000'] }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'REQUEST_TIMEOUT', delayMs: 50 }]);
  });

  it('+OK acquires with validity TTL − elapsed − drift (drift 102 ms for 10 s)', () => {
    const d = startAt(500);
    d.send(reply(sent(d)[0] as LockRequest, OK, 504));
    expect(reportsOf(d, 'acquired')).toEqual([
      { kind: 'acquired', value: VALUE, votes: 1, nodes: ['A'], validityMs: 9_894, validUntilMs: 10_398 },
    ]);
  });

  it('nil fails as refused (no unlock: it set nothing) and retries after retryDelayMs', () => {
    const d = startAt(0);
    d.send(reply(sent(d)[0] as LockRequest, NIL, 2));
    expect(d.effects('report')).toEqual([{ kind: 'failed', value: VALUE, votes: 0, reason: 'refused', validityMs: null }]);
    expect(d.effects('send')).toEqual([]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 150 }]);
    d.send(fire('RETRY', 152, 0xbeef));
    expect(sent(d).map((r) => [r.reqId, r.argv[2]])).toEqual([[2, 'C1-2-0000beef']]);
  });

  it('an error reply is a refusal too', () => {
    const d = startAt(0);
    d.send(reply(sent(d)[0] as LockRequest, err('LOADING Redis is loading the dataset in memory'), 2));
    expect(reportsOf(d, 'failed').map((r) => r.reason)).toEqual(['refused']);
  });

  it('keeps polling until acquireTimeoutMs (1000) passed, then gives up after 8 attempts', () => {
    const d = startAt(0, 1_000);
    let t = 0;
    while (d.status() === 'active') {
      t += 2;
      d.send(reply(sent(d)[0] as LockRequest, NIL, t));
      if (d.status() === 'done') break;
      t += 148;
      d.send(fire('RETRY', t));
    }
    // Attempts start at 0, 150, …, 1050; the one failing at 1052 is past 1000 ms.
    expect(reportsOf(d, 'attempt').map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reportsOf(d, 'gave-up')).toEqual([{ kind: 'gave-up', round: 1, attempts: 8 }]);
    expect(t).toBe(1_052);
  });

  it('a request timeout fails the attempt as timeout and retries', () => {
    const d = startAt(0);
    d.send(fire('REQUEST_TIMEOUT', 50));
    expect(d.effects('report')).toEqual([{ kind: 'failed', value: VALUE, votes: 0, reason: 'timeout', validityMs: null }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 150 }]);
  });

  it(`releases with ${release.slice(0, 2).join(' ')} after the critical section`, () => {
    const d = startAt(0);
    d.send(reply(sent(d)[0] as LockRequest, OK, 2));
    d.send(fire('WORK', 102));
    d.send(fire('WRITE', 103));
    expect(sent(d)).toEqual([{ node: 'A', reqId: 2, argv: [...release] }]);
  });

  it("a reply to an earlier attempt's request does not count", () => {
    const d = startAt(0);
    const first = sent(d)[0] as LockRequest;
    d.send(fire('REQUEST_TIMEOUT', 50));
    d.send(fire('RETRY', 200));
    d.send(reply(first, OK, 201));
    expect(reportsOf(d, 'acquired')).toEqual([]);
    expect(d.state()).toBe('acquiring');
  });
});
