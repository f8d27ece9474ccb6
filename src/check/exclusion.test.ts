import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace/events.ts';
import { beliefIntervals } from './beliefs.ts';
import { exclusionViolations } from './exclusion.ts';
import { TraceBuilder } from './testing/traceBuilder.ts';

const violationsOf = (trace: TraceEvent[]) => exclusionViolations(trace, beliefIntervals(trace));

describe('exclusion violations', () => {
  it('S6: a clock jump on C lets C2 lock C, D, E while C1 still believes; the causes lead from C1 to C2', () => {
    const b = new TraceBuilder(['A', 'B', 'C', 'D', 'E'], ['C1', 'C2', 'C3'])
      .at(0)
      .mark('partition')
      .partition('p1', [
        ['C1', 'A', 'B', 'C'],
        ['C2', 'C', 'D', 'E'],
      ])
      .attempt('C1', 'v1')
      .at(2)
      .lockKeys(['A', 'B', 'C'], 'v1', 10_002)
      .at(4)
      .mark('c1')
      .acquired('C1', 'v1', ['A', 'B', 'C'], { validUntilMs: 9898 })
      .at(500)
      .pause('C3', 600) // a fault that involves neither client nor their nodes: not a cause
      .at(1000)
      .mark('jump')
      .clockJump('C', 10_000)
      .mark('expired')
      .keyDel('C', 'lock', 'expired-active', 'active-expiry')
      .at(1100)
      .attempt('C2', 'v2')
      .at(1102)
      .lockKeys(['C', 'D', 'E'], 'v2', 11_102)
      .at(1104)
      .mark('c2')
      .acquired('C2', 'v2', ['C', 'D', 'E'])
      .at(9898)
      .leaseExpired('C1', 'v1');
    const trace = b.end(20_000);

    const [v, ...rest] = violationsOf(trace);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ atMs: 1104, untilMs: 9898, clients: ['C1', 'C2'], values: ['v1', 'v2'], epochs: [1, 2] });
    expect(v?.causes.map((c) => [c.index, c.kind])).toEqual([
      [b.index('partition'), 'partition'],
      [b.index('c1'), 'lock-acquired'],
      [b.index('jump'), 'clock-jump'],
      [b.index('expired'), 'key-del'],
      [b.index('c2'), 'note'],
      [b.index('c2'), 'note'],
      [b.index('c2'), 'lock-acquired'],
    ]);
    expect(v?.causes.find((c) => c.kind === 'key-del')?.text).toBe("C1's key on C expired (active expiry) after a clock jump on C");
    expect(v?.causes.filter((c) => c.kind === 'note').map((c) => c.text)).toEqual(['C1 never held node D', 'C1 never held node E']);
    expect(v?.explanation).toBe(
      "C2 acquired the lock at 1104 ms while C1 still believed it held it (C1's belief lasted until 9898 ms: its validity ran out on its own clock). " +
        "C2's votes came from C, D, E; C1's key on C had expired at 1000 ms after a clock jump on C; C1 never held D or E.",
    );
  });

  it('S10: a plain DEL by C1 removes C2 key, so C3 and C2 both hold; the DEL command is cited, C1 pause is not', () => {
    const b = new TraceBuilder(['A'], ['C1', 'C2', 'C3'])
      .at(0)
      .attempt('C1', 'v1')
      .keySet('A', 'lock', 'v1', 10_000)
      .at(1)
      .acquired('C1', 'v1', ['A'], { validUntilMs: 9898 })
      .at(100)
      .pause('C1', 12_000)
      .at(9898)
      .leaseExpired('C1', 'v1')
      .at(10_500)
      .keyDel('A', 'lock', 'expired-passive')
      .attempt('C2', 'v2')
      .keySet('A', 'lock', 'v2', 20_500)
      .at(10_501)
      .mark('c2')
      .acquired('C2', 'v2', ['A'])
      .at(12_000)
      .resume('C1')
      .mark('del')
      .command('A', 'C1', ['DEL', 'lock'])
      .keyDel('A', 'lock', 'command')
      .released('C1', 'v1') // C1 thinks it releases its own lock: its belief ended long ago
      .at(12_100)
      .attempt('C3', 'v3')
      .keySet('A', 'lock', 'v3', 22_100)
      .at(12_101)
      .mark('c3')
      .acquired('C3', 'v3', ['A']);
    const trace = b.end(15_000);

    const violations = violationsOf(trace);
    expect(violations).toHaveLength(1);
    const v = violations[0];
    expect(v).toMatchObject({ atMs: 12_101, untilMs: 15_000, clients: ['C2', 'C3'], epochs: [2, 3] });
    expect(v?.causes.map((c) => [c.index, c.kind])).toEqual([
      [b.index('c2'), 'lock-acquired'],
      [b.index('del'), 'command'],
      [b.index('del') + 1, 'key-del'],
      [b.index('c3'), 'lock-acquired'],
    ]);
    expect(v?.causes[1]?.text).toBe('C1 sent DEL lock to A');
    expect(v?.explanation).toContain("(C2's belief lasted to the end of the run at 15000 ms)");
    expect(v?.explanation).toContain("C1's DEL on A had deleted C2's key at 12000 ms");
  });

  it('S7: C crashes without persistence and loses C1 key; C2 then locks C, D, E', () => {
    const b = new TraceBuilder()
      .at(0)
      .partition('p1', [
        ['C1', 'A', 'B', 'C'],
        ['C2', 'C', 'D', 'E'],
      ])
      .attempt('C1', 'v1')
      .at(2)
      .lockKeys(['A', 'B', 'C'], 'v1', 10_002)
      .at(4)
      .acquired('C1', 'v1', ['A', 'B', 'C'], { validUntilMs: 9898 })
      .at(1000)
      .mark('lost')
      .keyDel('C', 'lock', 'lost')
      .crash('C', 1)
      .at(1500)
      .restart('C', 0, 'none')
      .at(1600)
      .attempt('C2', 'v2')
      .lockKeys(['C', 'D', 'E'], 'v2', 11_600)
      .at(1604)
      .acquired('C2', 'v2', ['C', 'D', 'E'])
      .at(9898)
      .leaseExpired('C1', 'v1');
    const trace = b.end(20_000);

    const [v] = violationsOf(trace);
    expect(v).toMatchObject({ atMs: 1604, untilMs: 9898, clients: ['C1', 'C2'] });
    expect(v?.causes.map((c) => c.kind)).toEqual([
      'partition',
      'lock-acquired',
      'key-del',
      'crash',
      'restart',
      'note',
      'note',
      'lock-acquired',
    ]);
    expect(v?.causes[2]).toMatchObject({ index: b.index('lost'), t: 1000, text: "C lost C1's key in a crash" });
    expect(v?.explanation).toContain("C had lost C1's key in a crash at 1000 ms");
  });

  it('a resync after failover drops C1 key from the old master, which C2 later locks', () => {
    const b = new TraceBuilder(['M', 'R'], ['C1', 'C2'])
      .at(0)
      .attempt('C1', 'v1')
      .at(1)
      .keySet('M', 'lock', 'v1', 100_001)
      .at(2)
      .acquired('C1', 'v1', ['M'], { validUntilMs: 98_000 })
      .partition('p1', [
        ['M', 'C1'],
        ['R', 'C2'],
      ])
      .at(31_000)
      .failover('M', 'R')
      .at(32_000)
      .heal('p1')
      .at(32_010)
      .mark('resync')
      .keyDel('M', 'lock', 'resync')
      .at(40_000)
      .crash('R')
      .at(45_000)
      .failover('R', 'M')
      .at(45_100)
      .attempt('C2', 'v2')
      .keySet('M', 'lock', 'v2', 145_100)
      .at(45_101)
      .acquired('C2', 'v2', ['M']);
    const trace = b.end(50_000);

    const [v] = violationsOf(trace);
    expect(v).toMatchObject({ atMs: 45_101, untilMs: 50_000, clients: ['C1', 'C2'] });
    // R is nobody's voting node: its crash is not cited; partitions, heals and failovers always are.
    expect(v?.causes.map((c) => c.kind)).toEqual([
      'lock-acquired',
      'partition',
      'failover',
      'heal',
      'key-del',
      'failover',
      'lock-acquired',
    ]);
    expect(v?.causes.find((c) => c.kind === 'key-del')).toMatchObject({
      index: b.index('resync'),
      text: "M discarded C1's key in a full resync from its master",
    });
    expect(v?.explanation).toContain("C2's votes came from M; M had dropped C1's key in a resync at 32010 ms.");
  });

  it("a SET without NX overwrites C1's value: the key-set is the cause; a fault before C1's attempt is not", () => {
    const b = new TraceBuilder(['A'], ['C1', 'C2'])
      .at(0)
      .pause('C1', 5)
      .at(5)
      .attempt('C1', 'v1')
      .keySet('A', 'lock', 'v1', 10_005)
      .acquired('C1', 'v1', ['A'])
      .at(300)
      .attempt('C2', 'v2')
      .command('A', 'C2', ['SET', 'lock', 'v2', 'PX', '10000'], { t: 'status', v: 'OK' })
      .mark('set')
      .keySet('A', 'lock', 'v2', 10_300)
      .acquired('C2', 'v2', ['A']);
    const trace = b.end(1000);
    const [v] = violationsOf(trace);
    expect(v?.causes.map((c) => [c.kind, c.text])).toEqual([
      ['lock-acquired', 'C1 acquired the lock (epoch 1) with votes from A'],
      ['key-set', "C1's key on A was overwritten by C2's value"],
      ['lock-acquired', 'C2 acquired the lock (epoch 2) with votes from A while C1 still held it'],
    ]);
    expect(v?.causes[1]?.index).toBe(b.index('set'));
  });

  it('an extension keeps the holder believing: a later acquisition within the extended lease is a violation', () => {
    const trace = new TraceBuilder()
      .at(4)
      .acquired('C1', 'v1', ['A', 'B', 'C'], { validUntilMs: 9898 })
      .at(9000)
      .extended('C1', 'v1', 18_900)
      .at(12_000)
      .acquired('C2', 'v2', ['C', 'D', 'E'])
      .at(18_900)
      .leaseExpired('C1', 'v1')
      .end(20_000);
    expect(violationsOf(trace)).toMatchObject([{ atMs: 12_000, untilMs: 18_900, clients: ['C1', 'C2'] }]);
  });

  it('three clients overlapping pairwise make three violations, sorted by time then clients', () => {
    const trace = new TraceBuilder(['A'], ['C1', 'C2', 'C3'])
      .at(0)
      .acquired('C1', 'v1', ['A'])
      .at(10)
      .acquired('C2', 'v2', ['A'])
      .at(20)
      .acquired('C3', 'v3', ['A'])
      .at(100)
      .leaseExpired('C1', 'v1')
      .at(200)
      .leaseExpired('C2', 'v2')
      .at(300)
      .leaseExpired('C3', 'v3')
      .end(400);
    expect(violationsOf(trace).map((v) => [v.clients, v.atMs, v.untilMs])).toEqual([
      [['C1', 'C2'], 10, 100],
      [['C1', 'C3'], 20, 100],
      [['C2', 'C3'], 20, 200],
    ]);
  });

  it('acquisitions at the same ms: the lower epoch is the holder', () => {
    const trace = new TraceBuilder(['A'], ['C1', 'C2'])
      .at(100)
      .acquired('C1', 'v1', ['A'], { epoch: 2 })
      .acquired('C2', 'v2', ['A'], { epoch: 1 })
      .end(200);
    expect(violationsOf(trace)).toMatchObject([{ atMs: 100, untilMs: 200, clients: ['C2', 'C1'], epochs: [1, 2] }]);
  });

  describe('no false alarm', () => {
    it('sequential holders, each releasing before the next acquires', () => {
      const trace = new TraceBuilder()
        .at(4)
        .acquired('C1', 'v1', ['A', 'B', 'C'])
        .at(3000)
        .released('C1', 'v1')
        .at(3010)
        .acquired('C2', 'v2', ['A', 'B', 'C'])
        .at(6000)
        .released('C2', 'v2')
        .at(6010)
        .acquired('C1', 'v3', ['A', 'B', 'C'])
        .end(9000);
      expect(beliefIntervals(trace)).toHaveLength(3);
      expect(violationsOf(trace)).toEqual([]);
    });

    it('beliefs that touch (one ends at 100, the next starts at 100) do not overlap', () => {
      const trace = new TraceBuilder().at(0).acquired('C1', 'v1', ['A']).at(100).released('C1', 'v1').acquired('C2', 'v2', ['A']).end(200);
      expect(violationsOf(trace)).toEqual([]);
    });

    it('a zero-length belief overlaps nothing', () => {
      const trace = new TraceBuilder().at(0).acquired('C1', 'v1', ['A']).at(50).acquired('C2', 'v2', ['A']).lost('C2', 'v2').end(200);
      expect(beliefIntervals(trace)[1]).toMatchObject({ startMs: 50, endMs: 50 });
      expect(violationsOf(trace)).toEqual([]);
    });

    it("a client's own overlapping beliefs are not a violation", () => {
      const trace = new TraceBuilder().at(0).acquired('C1', 'v1', ['A']).at(50).acquired('C1', 'v2', ['A']).end(200);
      expect(violationsOf(trace)).toEqual([]);
    });

    it("a holder's crash ends its belief: a later acquisition is no violation", () => {
      const trace = new TraceBuilder().at(0).acquired('C1', 'v1', ['A']).at(50).crash('C1').at(60).acquired('C2', 'v2', ['A']).end(200);
      expect(violationsOf(trace)).toEqual([]);
    });
  });
});
