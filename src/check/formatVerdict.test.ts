import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { formatVerdict } from './formatVerdict.ts';
import { TraceBuilder } from './testing/traceBuilder.ts';

describe('formatVerdict', () => {
  it('a safe run: SAFE headline, acquisitions, liveness, no deadlock', () => {
    const trace = new TraceBuilder(['A'], ['C1', 'C2', 'C3'])
      .at(0)
      .attempt('C1', 'v1')
      .acquired('C1', 'v1', ['A'])
      .at(500)
      .attempt('C2', 'v2')
      .at(1000)
      .released('C1', 'v1')
      .at(2000)
      .gaveUp('C2')
      .attempt('C3', 'v3')
      .at(3204)
      .acquired('C3', 'v3', ['A'])
      .end(5000);
    expect(formatVerdict(check(trace))).toEqual([
      'SAFE — no exclusion violation, no stale write',
      'acquisitions: 2',
      'longest time nobody could get the lock: 2204 ms (1000–3204)',
      'no deadlock',
    ]);
  });

  it('an unsafe run: one line per violation, stale write and fencing rejection, with times and clients', () => {
    const trace = new TraceBuilder(['A'], ['C1', 'C2', 'C3'])
      .at(0)
      .attempt('C1', 'v1')
      .acquired('C1', 'v1', ['A'])
      .at(10_100)
      .attempt('C2', 'v2')
      .acquired('C2', 'v2', ['A'])
      .at(10_200)
      .write('C2', 2)
      .at(15_000)
      .write('C1', 1)
      .leaseExpired('C1', 'v1')
      .at(15_100)
      .write('C3', 1, 'token-too-old', { token: 1, highestToken: 2 })
      .write('C3', 1, 'value-mismatch', { currentValue: 'v2' })
      .end(16_000);
    expect(formatVerdict(check(trace))).toEqual([
      'UNSAFE — 1 exclusion violation, 1 stale write',
      'exclusion violation 10100–15000 ms: C1 (epoch 1) and C2 (epoch 2) both believed they held the lock',
      "stale write at 15000 ms: C1's write (epoch 1) was accepted after C2's (epoch 2, at 10200 ms)",
      "fencing rejected C3's write at 15100 ms: token 1, but token 2 was already accepted",
      "fencing rejected C3's write at 15100 ms: the resource belongs to C2's lock, not C3's",
      'acquisitions: 2',
      'longest time nobody could get the lock: 0 ms',
      'no deadlock',
    ]);
  });

  it('plural counts and deadlock lines', () => {
    const trace = new TraceBuilder(['A', 'B'], ['C1', 'C2', 'C3'])
      .at(0)
      .attempt('C1', 'v1')
      .lockKeys(['A', 'B'], 'v1', -1)
      .acquired('C1', 'v1', ['A', 'B'])
      .at(10)
      .acquired('C2', 'v2', ['A'])
      .acquired('C3', 'v3', ['B'])
      .at(20)
      .crash('C1')
      .end(100);
    const lines = formatVerdict(check(trace));
    expect(lines[0]).toBe('UNSAFE — 3 exclusion violations, no stale write');
    expect(lines.slice(-3)).toEqual([
      'DEADLOCK — 2 lock keys with no TTL and no owner left to delete it',
      "deadlock since 20 ms: key lock on A holds C1's value with no TTL, and C1 is gone",
      "deadlock since 20 ms: key lock on B holds C1's value with no TTL, and C1 is gone",
    ]);
  });
});
