import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace/events.ts';
import { check } from './check.ts';
import { TraceBuilder } from './testing/traceBuilder.ts';
import { setnxCrashTrace } from './testing/scenarios.ts';

const ABCDE = ['A', 'B', 'C', 'D', 'E'];

/** S4: C1 acquires, pauses past its lease, C2 acquires and writes; C1 wakes up and writes. */
function s4(fencing: 'none' | 'token'): TraceEvent[] {
  const token = (t: number) => (fencing === 'token' ? t : null);
  return new TraceBuilder()
    .at(0)
    .attempt('C1', 'v1')
    .at(2)
    .lockKeys(ABCDE, 'v1', 10_002)
    .at(4)
    .acquired('C1', 'v1', ABCDE, { validUntilMs: 9898 })
    .at(9001)
    .pause('C1', 15_000)
    .at(10_002)
    .keyDel('A', 'lock', 'expired-active', 'active-expiry')
    .at(10_100)
    .keyDel('B', 'lock', 'expired-passive')
    .keyDel('C', 'lock', 'expired-passive')
    .keyDel('D', 'lock', 'expired-passive')
    .keyDel('E', 'lock', 'expired-passive')
    .at(10_100)
    .attempt('C2', 'v2')
    .lockKeys(ABCDE, 'v2', 20_102)
    .at(10_104)
    .acquired('C2', 'v2', ABCDE)
    .at(10_200)
    .write('C2', 2, 'accepted', { token: token(2), highestToken: token(0) })
    .at(15_000)
    .resume('C1', 1)
    .write('C1', 1, fencing === 'token' ? 'token-too-old' : 'accepted', { token: token(1), highestToken: token(2) })
    .leaseExpired('C1', 'v1', 9898)
    .at(16_000)
    .released('C2', 'v2')
    .end(20_000);
}

describe('check', () => {
  it('S1 happy path: one holder at a time, SAFE, nothing to report', () => {
    const trace = new TraceBuilder()
      .at(0)
      .attempt('C1', 'v1')
      .at(4)
      .acquired('C1', 'v1', ABCDE)
      .at(100)
      .attempt('C2', 'v2')
      .failed('C2', 'v2')
      .at(3000)
      .write('C1', 1)
      .released('C1', 'v1')
      .at(3100)
      .attempt('C2', 'v3', 2)
      .at(3104)
      .acquired('C2', 'v3', ABCDE)
      .write('C2', 2)
      .released('C2', 'v3')
      .done('C1')
      .done('C2')
      .end(20_000);
    const r = check(trace);
    expect(r).toMatchObject({
      safe: true,
      exclusionViolations: [],
      staleWrites: [],
      fencingRejections: [],
      acquisitions: 2,
      deadlocked: false,
      deadlocks: [],
    });
    expect(r.beliefs).toHaveLength(2);
    // Nobody held the lock while C2 waited from C1's release at 3000 until its own acquisition at 3104.
    expect(r).toMatchObject({ maxUnavailableMs: 104, unavailable: { fromMs: 3000, toMs: 3104 } });
  });

  it('S4 without fencing: UNSAFE with one exclusion violation and one stale write', () => {
    const r = check(s4('none'));
    expect(r.safe).toBe(false);
    expect(r.exclusionViolations).toMatchObject([{ atMs: 10_104, untilMs: 15_000, clients: ['C1', 'C2'] }]);
    expect(r.exclusionViolations[0]?.causes.map((c) => c.kind)).toEqual([
      'lock-acquired',
      'pause',
      ...Array(5).fill('key-del'),
      'lock-acquired',
    ]);
    expect(r.staleWrites).toMatchObject([{ client: 'C1', epoch: 1, newerClient: 'C2', newerEpoch: 2, atMs: 15_000, newerAtMs: 10_200 }]);
    expect(r.fencingRejections).toEqual([]);
  });

  it('S4 with fencing tokens: the beliefs still overlap, but the late write is rejected, not stale', () => {
    const r = check(s4('token'));
    expect(r.exclusionViolations).toHaveLength(1);
    expect(r.staleWrites).toEqual([]);
    expect(r.fencingRejections).toMatchObject([{ client: 'C1', verdict: 'token-too-old', token: 1, highestToken: 2 }]);
  });

  it('a deadlock or a long wait does not make a run unsafe', () => {
    const trace = setnxCrashTrace();
    const r = check(trace);
    expect(r).toMatchObject({ safe: true, deadlocked: true, maxUnavailableMs: 19_900, unavailable: { fromMs: 100, toMs: 20_000 } });
  });

  it('checks a 50k-event trace in linear passes and counts it right', () => {
    // 10,000 rounds of 5 events; C1 and C2 alternate; holders 500, 1500, … release 6 ms late, overlapping the next one.
    const trace: TraceEvent[] = [];
    for (let i = 0; i < 10_000; i++) {
      const t = i * 10;
      const client = i % 2 === 0 ? 'C1' : 'C2';
      const value = `v${i}`;
      trace.push({ t, kind: 'lock-attempt', client, round: i, attempt: 1, value, clientMs: t });
      trace.push({ t: t + 1, kind: 'key-set', node: 'A', key: 'lock', value, expireAtMs: t + 1000, via: 'command' });
      trace.push({
        t: t + 1,
        kind: 'lock-acquired',
        client,
        value,
        epoch: i + 1,
        votes: 1,
        nodes: ['A'],
        validityMs: 990,
        validUntilMs: t + 991,
        clientMs: t + 1,
      });
      trace.push({
        t: t + 2,
        kind: 'storage-write',
        client,
        seq: i,
        epoch: i + 1,
        token: null,
        value,
        verdict: 'accepted',
        highestToken: null,
        currentValue: null,
      });
      trace.push({ t: t + 9, kind: 'lock-released', client, value, clientMs: t + 9 });
    }
    trace.sort((a, b) => a.t - b.t);
    for (let i = 500; i < 10_000; i += 1000) {
      const at = trace.findIndex((e) => e.kind === 'lock-released' && e.value === `v${i}`);
      const [release] = trace.splice(at, 1) as [TraceEvent];
      const t = i * 10 + 15;
      trace.splice(
        trace.findIndex((e) => e.t > t),
        0,
        { ...release, t },
      );
    }
    trace.push({ t: 100_000, kind: 'run-end', endMs: 100_000, truncated: false });
    expect(trace).toHaveLength(50_001);

    const r = check(trace);
    expect(r.acquisitions).toBe(10_000);
    expect(r.beliefs).toHaveLength(10_000);
    expect(r.exclusionViolations).toHaveLength(10);
    expect(r.exclusionViolations[0]).toMatchObject({ atMs: 5011, untilMs: 5015, clients: ['C1', 'C2'], epochs: [501, 502] });
    expect(r.staleWrites).toEqual([]);
  });
});
