import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace/events.ts';
import { beliefIntervals } from './beliefs.ts';
import { deadlocks, unavailability } from './liveness.ts';
import { TraceBuilder } from './testing/traceBuilder.ts';
import { setnxCrashTrace } from './testing/scenarios.ts';

const unavailabilityOf = (trace: TraceEvent[]) => unavailability(trace, beliefIntervals(trace));

describe('unavailability', () => {
  it('the longest stretch with someone trying and nobody holding: from C1 release to C3 acquisition', () => {
    const trace = new TraceBuilder(['A'], ['C1', 'C2', 'C3'])
      .at(0)
      .attempt('C1', 'v1')
      .at(4)
      .acquired('C1', 'v1', ['A'])
      .at(500)
      .attempt('C2', 'v2') // waits while C1 holds: not unavailability yet
      .at(900)
      .attempt('C3', 'v3')
      .at(1000)
      .released('C1', 'v1')
      .at(1200)
      .failed('C2', 'v4')
      .attempt('C2', 'v5', 2) // a retry within the round keeps C2 trying, nothing more
      .at(2000)
      .gaveUp('C2', 2) // C3 is still trying: the stretch goes on
      .at(3204)
      .acquired('C3', 'v3', ['A'])
      .end(5000);
    expect(unavailabilityOf(trace)).toEqual({ maxUnavailableMs: 2204, unavailable: { fromMs: 1000, toMs: 3204 } });
  });

  it('S2 split vote: both clients try and give up, nobody ever holds', () => {
    const trace = new TraceBuilder()
      .at(0)
      .attempt('C1', 'v1')
      .attempt('C2', 'v2')
      .at(200)
      .attempt('C1', 'v3', 2)
      .attempt('C2', 'v4', 2)
      .at(2200)
      .gaveUp('C1', 11)
      .at(2230)
      .gaveUp('C2', 11)
      .end(20_000);
    expect(unavailabilityOf(trace)).toEqual({ maxUnavailableMs: 2230, unavailable: { fromMs: 0, toMs: 2230 } });
  });

  it("a client's crash ends its trying; trying runs to run end otherwise", () => {
    const crashed = new TraceBuilder().at(100).attempt('C2', 'v2').at(500).crash('C2').end(20_000);
    expect(unavailabilityOf(crashed).unavailable).toEqual({ fromMs: 100, toMs: 500 });
    const stuck = new TraceBuilder().at(100).attempt('C2', 'v2').end(20_000);
    expect(unavailabilityOf(stuck).unavailable).toEqual({ fromMs: 100, toMs: 20_000 });
  });

  it('nobody trying means no unavailability, even with nobody holding', () => {
    const trace = new TraceBuilder().at(0).attempt('C1', 'v1').acquired('C1', 'v1', ['A']).at(100).released('C1', 'v1').end(20_000);
    expect(unavailabilityOf(trace)).toEqual({ maxUnavailableMs: 0, unavailable: null });
  });
});

describe('deadlocks', () => {
  it('S9: C1 sets the key without a TTL and crashes before EXPIRE: the key is stuck on A', () => {
    const trace = setnxCrashTrace();
    expect(deadlocks(trace)).toEqual([{ node: 'A', key: 'lock', value: 'v1', owner: 'C1', sinceMs: 1 }]);
  });

  it('sinceMs is when the owner left if that came after the key lost its TTL (PERSIST), on every node holding it', () => {
    const trace = new TraceBuilder(['M', 'R'], ['C1'])
      .at(0)
      .attempt('C1', 'v1')
      .at(1)
      .keySet('M', 'lock', 'v1', 10_001)
      .at(6)
      .keySet('R', 'lock', 'v1', 10_001, 'replication')
      .at(50)
      .keyExpire('M', 'lock', -1)
      .at(55)
      .keyExpire('R', 'lock', -1, 'replication')
      .at(500)
      .done('C1')
      .end(1000);
    expect(deadlocks(trace)).toEqual([
      { node: 'M', key: 'lock', value: 'v1', owner: 'C1', sinceMs: 500 },
      { node: 'R', key: 'lock', value: 'v1', owner: 'C1', sinceMs: 500 },
    ]);
  });

  it('a restart that loads the no-TTL key from the AOF brings the deadlock back', () => {
    const trace = new TraceBuilder(['A'], ['C1'])
      .at(0)
      .attempt('C1', 'v1')
      .keySet('A', 'lock', 'v1', -1)
      .crash('C1')
      .at(100)
      .keyDel('A', 'lock', 'lost')
      .crash('A', 1)
      .at(200)
      .restart('A', 1, 'aof-always')
      .keySet('A', 'lock', 'v1', -1, 'load')
      .end(1000);
    expect(deadlocks(trace)).toMatchObject([{ node: 'A', sinceMs: 200 }]);
  });

  describe('no false alarm', () => {
    it('a crashed owner whose key has a TTL: expiry will free it', () => {
      const trace = new TraceBuilder(['A'], ['C1']).at(0).attempt('C1', 'v1').keySet('A', 'lock', 'v1', 10_000).crash('C1').end(5000);
      expect(deadlocks(trace)).toEqual([]);
    });

    it('SETNX then EXPIRE: the key gets its TTL before the owner goes', () => {
      const trace = new TraceBuilder(['A'], ['C1'])
        .at(0)
        .attempt('C1', 'v1')
        .keySet('A', 'lock', 'v1', -1)
        .at(1)
        .keyExpire('A', 'lock', 10_001)
        .at(2)
        .crash('C1')
        .end(5000);
      expect(deadlocks(trace)).toEqual([]);
    });

    it('a no-TTL key whose owner is alive: it can still release', () => {
      const trace = new TraceBuilder(['A'], ['C1', 'C2']).at(0).attempt('C1', 'v1').keySet('A', 'lock', 'v1', -1).crash('C2').end(5000);
      expect(deadlocks(trace)).toEqual([]);
    });

    it('a no-TTL key deleted before the end, or lost in a node crash', () => {
      const trace = new TraceBuilder(['A', 'B'], ['C1'])
        .at(0)
        .attempt('C1', 'v1')
        .lockKeys(['A', 'B'], 'v1', -1)
        .at(10)
        .keyDel('A', 'lock', 'command')
        .keyDel('B', 'lock', 'lost')
        .crash('B', 1)
        .at(20)
        .done('C1')
        .end(5000);
      expect(deadlocks(trace)).toEqual([]);
    });
  });
});
