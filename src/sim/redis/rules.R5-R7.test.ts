import { describe, expect, it } from 'vitest';
import {
  commandsOn,
  eventsOf,
  finalKeys,
  keyEvents,
  repliesTo,
  replyTexts,
  runParts,
  scriptClient,
  step,
} from '../testing/scenarioBuilder.ts';

// Default test network: client requests and replies take 1 ms each way, replication 5 ms.

describe('R5 clock jumps: expiry follows the node wall clock, timers the monotonic clock', () => {
  // The lock is taken at t=0; it reaches A at t=1, so it expires at A's wall time 10001.
  const lockStep = step(0, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '10000');

  it("R5: a forward jump of the node's wall clock expires the key early", () => {
    const jumped = runParts({
      nodes: [{ id: 'A' }],
      clients: [
        scriptClient('C1', [lockStep, step(1_000, 'A', 'GET', 'lock')]),
        scriptClient('C2', [step(1_100, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000')]),
      ],
      timeline: [{ atMs: 1_000, kind: 'clock-jump', process: 'A', deltaMs: 10_000 }],
    });
    // 1 s into a 10 s lease A's clock reads 11000: the key is expired and the next cycle removes it.
    expect(eventsOf(jumped.trace, 'clock-jump')).toEqual([{ t: 1_000, kind: 'clock-jump', process: 'A', deltaMs: 10_000, wallMs: 11_000 }]);
    expect(keyEvents(jumped.trace, 'A', 'lock').slice(0, 2)).toEqual([
      't=1 set lock=c1@10001 command',
      't=1000 del lock expired-active active-expiry',
    ]);
    expect(replyTexts(jumped.trace, 'C1')).toEqual(['OK', '(nil)']);
    // A second client gets "the" lock almost 9 s before C1's lease ends (S6).
    expect(replyTexts(jumped.trace, 'C2')).toEqual(['OK']);

    const steady = runParts({
      nodes: [{ id: 'A' }],
      clients: [
        scriptClient('C1', [lockStep, step(1_000, 'A', 'GET', 'lock')]),
        scriptClient('C2', [step(1_100, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000')]),
      ],
    });
    expect(replyTexts(steady.trace, 'C1')).toEqual(['OK', '"c1"']);
    expect(replyTexts(steady.trace, 'C2')).toEqual(['(nil)']);
  });

  it('R5: a backward jump keeps the key longer; active expiry still ticks on the monotonic clock', () => {
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [lockStep, step(12_000, 'A', 'GET', 'lock'), step(15_000, 'A', 'GET', 'lock')])],
      timeline: [{ atMs: 1_000, kind: 'clock-jump', process: 'A', deltaMs: -5_000 }],
    });
    // A's clock reads true time - 5000 after the jump: the key lives until true 15001.
    expect(commandsOn(result.trace, 'A').map((c) => [c.t, c.nodeMs, c.reply])).toEqual([
      [1, 1, 'OK'],
      [12_001, 7_001, '"c1"'],
      [15_001, 10_001, '"c1"'],
    ]);
    // The 100 ms cycle (hz 10) was not disturbed by the jump: it removes the key at its first tick after true 15001.
    expect(keyEvents(result.trace, 'A', 'lock')).toEqual([
      't=1 set lock=c1@10001 command',
      't=15100 del lock expired-active active-expiry',
    ]);
  });

  it("R5: a jump of a client's clock changes what the client reads, not when the node expires the key", () => {
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [lockStep, step(1_000, 'A', 'GET', 'lock'), step(9_990, 'A', 'GET', 'lock')])],
      timeline: [{ atMs: 500, kind: 'clock-jump', process: 'C1', deltaMs: 100_000 }],
    });
    expect(repliesTo(result.trace, 'C1').map((r) => r.reply)).toEqual(['OK', '"c1"', '"c1"']);
    expect(eventsOf(result.trace, 'reply').map((r) => r.clientMs)).toEqual([2, 101_002, 109_992]);
    expect(keyEvents(result.trace, 'A', 'lock')).toEqual([
      't=1 set lock=c1@10001 command',
      't=10100 del lock expired-active active-expiry',
    ]);
  });
});

describe('R6 replicas: missing on reads by their own clock, deleted only by the master', () => {
  it("R6: a replica answers GET/EXISTS/PTTL as missing once expired, but keeps the key until the master's DEL", () => {
    const result = runParts({
      // hz 1: M's first active cycle is at t=1000; the key expires at 101 (S11).
      nodes: [
        { id: 'M', hz: 1 },
        { id: 'R', replicaOf: 'M' },
      ],
      clients: [
        scriptClient('C1', [
          step(0, 'M', 'SET', 'k', 'v', 'PX', '100'),
          step(50, 'R', 'PTTL', 'k'),
          step(500, 'R', 'GET', 'k'),
          step(500, 'R', 'EXISTS', 'k'),
          step(500, 'R', 'PTTL', 'k'),
        ]),
      ],
      durationMs: 2_000,
    });
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(integer) 50', '(nil)', '(integer) 0', '(integer) -2']);
    // The reads did not delete it: R holds it until the DEL of M's active cycle (t=1000) arrives.
    expect(keyEvents(result.trace, 'R', 'k')).toEqual(['t=6 set k=v@101 replication', 't=1005 del k expired-active replication']);
  });

  it('R6: the replica judges expiry by its own clock (500 ms ahead here), while the master still serves the key', () => {
    const result = runParts({
      nodes: [
        { id: 'M', hz: 1 },
        { id: 'R', replicaOf: 'M', clock: { offsetMs: 500 } },
      ],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '1000'), step(600, 'R', 'GET', 'k'), step(600, 'M', 'GET', 'k')])],
      durationMs: 2_000,
    });
    // Expiry replicates as an absolute time (1001), which R's clock passes at true 502.
    expect(keyEvents(result.trace, 'R', 'k')[0]).toBe('t=6 set k=v@1001 replication');
    expect(repliesTo(result.trace, 'C1').map((r) => `${r.node} ${r.cmd} -> ${r.reply}`)).toEqual([
      'M SET k v PX 1000 -> OK',
      'R GET k -> (nil)',
      'M GET k -> "v"',
    ]);
  });

  it('R6: the replication stream is applied as is: a key already expired by the replica clock is still stored', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M', clock: { offsetMs: 1_000_000 } }],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '10000'), step(100, 'R', 'GET', 'k'), step(100, 'M', 'GET', 'k')])],
      durationMs: 2_000,
    });
    expect(keyEvents(result.trace, 'R', 'k')).toEqual(['t=6 set k=v@10001 replication']);
    expect(finalKeys(result, 'R')).toEqual(['k=v']);
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(nil)', '"v"']);
  });

  it('R6: a promoted replica expires keys itself', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      sentinel: { downAfterMs: 1_000, pingPeriodMs: 100, promotionMs: 100 },
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '500'), step(700, 'R', 'GET', 'k')])],
      timeline: [{ atMs: 100, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null }],
      durationMs: 3_000,
    });
    // As a replica R reports the key missing at 701 but keeps it; promoted at 1100, its own
    // active cycle (100 ms) deletes it at 1200.
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(nil)']);
    expect(eventsOf(result.trace, 'role')).toEqual([{ t: 1_100, kind: 'role', node: 'R', role: 'master', master: null }]);
    expect(keyEvents(result.trace, 'R', 'k')).toEqual(['t=6 set k=v@501 replication', 't=1200 del k expired-active active-expiry']);
  });
});

describe('R7 asynchronous replication and WAIT', () => {
  it('R7: a write is acknowledged to the client before the replica has it', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      replicationLagMs: 50,
      clients: [
        scriptClient('C1', [
          step(0, 'M', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
          step(10, 'R', 'GET', 'lock'),
          step(60, 'R', 'GET', 'lock'),
        ]),
      ],
    });
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.reply])).toEqual([
      [2, 'OK'],
      [12, '(nil)'],
      [62, '"c1"'],
    ]);
    expect(keyEvents(result.trace, 'R', 'lock')[0]).toBe('t=51 set lock=c1@10001 replication');
  });

  it('R7: WAIT returns the number of replicas that acknowledged the write (after a GETACK round trip)', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      clients: [
        scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1'), step(2, 'M', 'WAIT', '1', '100'), step(200, 'M', 'WAIT', '2', '100')]),
      ],
    });
    // WAIT reaches M at 3; GETACK to R (5 ms), ACK back (5 ms): answered at 13, received at 14.
    // WAIT 2 with one replica times out after 100 ms and reports the one ack it has.
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.cmd, r.reply])).toEqual([
      [2, 'SET lock c1', 'OK'],
      [14, 'WAIT 1 100', '(integer) 1'],
      [302, 'WAIT 2 100', '(integer) 1'],
    ]);
    expect(eventsOf(result.trace, 'wait-done').map((w) => [w.t, w.acked, w.timedOut])).toEqual([
      [13, 1, false],
      [301, 1, true],
    ]);
  });

  it.each([
    // The backlog is retransmitted at the heal and takes the 5 ms lag.
    ['partitioned from the master', { atMs: 0, kind: 'partition' as const, groups: [['M'], ['R']], durationMs: 1_000 }, 1_005],
    // The stream waited in R's socket buffer and is read at the resume.
    ['paused', { atMs: 0, kind: 'pause-node' as const, node: 'R', durationMs: 1_000 }, 1_000],
  ])('R7: WAIT 1 100 times out with 0 when the replica is %s', (_label, fault, replicatedAtMs) => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1'), step(2, 'M', 'WAIT', '1', '100')])],
      timeline: [fault],
      durationMs: 2_000,
    });
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.reply])).toEqual([
      [2, 'OK'],
      [104, '(integer) 0'],
    ]);
    expect(eventsOf(result.trace, 'wait-done')).toEqual([{ t: 103, kind: 'wait-done', node: 'M', client: 'C1', acked: 0, timedOut: true }]);
    // The write is not lost, only late: R gets it when the fault ends.
    expect(keyEvents(result.trace, 'R', 'lock')).toEqual([`t=${replicatedAtMs} set lock=c1@-1 replication`]);
  });

  it('R7: a write WAIT reported as replicated can still be lost in a failover', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R1', replicaOf: 'M' }, { id: 'R2', replicaOf: 'M' }],
      sentinel: { downAfterMs: 1_000, pingPeriodMs: 100, promotionMs: 100 },
      clients: [
        scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1', 'NX', 'PX', '60000'), step(2, 'M', 'WAIT', '1', '100')]),
        scriptClient('C2', [step(2_000, 'R2', 'GET', 'lock'), step(2_001, 'R2', 'SET', 'lock', 'c2', 'NX', 'PX', '60000')]),
      ],
      timeline: [
        // R2 cannot hear M: only R1 gets C1's write, and WAIT 1 is satisfied by R1.
        { atMs: 0, kind: 'partition', id: 'm-r2', groups: [['M'], ['R2']], durationMs: null },
        { atMs: 20, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null },
        // Sentinel cannot reach R1, so it promotes R2, which never saw the write.
        { atMs: 20, kind: 'partition', id: 'r1-off', groups: [['R1'], ['sentinel', 'R2', 'C2']], durationMs: null },
      ],
      durationMs: 3_000,
    });
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(integer) 1']);
    expect(finalKeys(result, 'R1')).toEqual(['lock=c1']);
    expect(eventsOf(result.trace, 'failover')).toEqual([{ t: 1_100, kind: 'failover', from: 'M', to: 'R2' }]);
    // On the new master the lock C1 was told was replicated does not exist; C2 takes it.
    expect(replyTexts(result.trace, 'C2')).toEqual(['(nil)', 'OK']);
  });
});
