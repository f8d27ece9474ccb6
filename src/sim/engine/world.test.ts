import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  commandsOn,
  eventsOf,
  finalKeys,
  keyEvents,
  repliesTo,
  runParts,
  scriptClient,
  step,
} from '../testing/scenarioBuilder.ts';
import { run } from './run.ts';

// Default test network: client requests and replies take 1 ms each way, replication 5 ms.

describe('World: pauses hold a process’s messages and timers until it resumes', () => {
  it('S3: replies that arrive while a client is paused wait in its kernel buffer and are read, in order, at the resume', () => {
    const result = runParts({
      nodes: [{ id: 'A' }, { id: 'B' }],
      clients: [
        scriptClient('C1', [
          step(0, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
          step(0, 'B', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
        ]),
        scriptClient('C2', [
          step(10_100, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
          step(10_100, 'B', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
        ]),
      ],
      timeline: [{ atMs: 1, kind: 'pause-client', client: 'C1', durationMs: 14_999 }],
    });
    // The keys were set at 1 and expired after 10001; C2 locked both at 10101.
    expect(repliesTo(result.trace, 'C2').map((r) => [r.t, r.node, r.reply])).toEqual([
      [10_102, 'A', 'OK'],
      [10_102, 'B', 'OK'],
    ]);
    // C1 reads its two OKs only at 15000, long after its lease ended, A's before B's.
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.node, r.reply])).toEqual([
      [15_000, 'A', 'OK'],
      [15_000, 'B', 'OK'],
    ]);
    expect(
      eventsOf(result.trace, 'reply')
        .filter((r) => r.client === 'C1')
        .map((r) => r.clientMs),
    ).toEqual([15_000, 15_000]);
    expect(eventsOf(result.trace, 'resume')).toEqual([{ t: 15_000, kind: 'resume', process: 'C1', queued: 2 }]);
    // The late deliveries record when they were due.
    expect(eventsOf(result.trace, 'deliver').map((d) => [d.t, d.from, d.to, d.dueMs])).toEqual([
      [15_000, 'A', 'C1', 2],
      [15_000, 'B', 'C1', 2],
    ]);
  });

  it('commands sent to a paused node are executed in arrival order at the resume, on the clock of that moment', () => {
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [step(0, 'A', 'SET', 'k', '1'), step(10, 'A', 'SET', 'k', '2'), step(20, 'A', 'GET', 'k')])],
      timeline: [{ atMs: 0, kind: 'pause-node', node: 'A', durationMs: 100 }],
    });
    expect(commandsOn(result.trace, 'A')).toEqual([
      { t: 100, nodeMs: 100, cmd: 'SET k 1', reply: 'OK' },
      { t: 100, nodeMs: 100, cmd: 'SET k 2', reply: 'OK' },
      { t: 100, nodeMs: 100, cmd: 'GET k', reply: '"2"' },
    ]);
    expect(repliesTo(result.trace, 'C1').map((r) => r.t)).toEqual([101, 101, 101]);
  });

  it('a replication message held by a pause is not overtaken by a later one that arrives at the resume millisecond', () => {
    // Regression: held events used to be re-queued behind everything else due at the resume
    // time, so k2 (arriving at exactly 100) was applied first and k1 then skipped as old.
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k1', 'a'), step(94, 'M', 'SET', 'k2', 'b')])],
      timeline: [{ atMs: 0, kind: 'pause-node', node: 'R', durationMs: 100 }],
    });
    expect(keyEvents(result.trace, 'R')).toEqual(['t=100 set k1=a@-1 replication', 't=100 set k2=b@-1 replication']);
    expect(finalKeys(result, 'R')).toEqual(['k1=a', 'k2=b']);
  });

  it('a crash while paused throws away what was waiting: no command runs at the would-be resume', () => {
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [step(0, 'A', 'SET', 'k', '1'), step(10, 'A', 'SET', 'k', '2')])],
      timeline: [
        { atMs: 0, kind: 'pause-node', node: 'A', durationMs: 100 },
        { atMs: 50, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: 10 },
      ],
    });
    expect(commandsOn(result.trace, 'A')).toEqual([]);
    expect(eventsOf(result.trace, 'drop').map((d) => [d.t, d.from, d.to, d.reason])).toEqual([
      [50, 'C1', 'A', 'process-down'],
      [50, 'C1', 'A', 'process-down'],
    ]);
    expect(eventsOf(result.trace, 'resume')).toEqual([]);
  });
  it('a pause does not outlive a crash: a restarted node paused again resumes at the end of the new pause', () => {
    // Regression: pausedUntilMs survived the crash, so the second (100 ms) pause lasted until
    // the first one's end at 10000.
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [step(500, 'A', 'SET', 'k', '1')])],
      timeline: [
        { atMs: 0, kind: 'pause-node', node: 'A', durationMs: 10_000 },
        { atMs: 100, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: 100 },
        { atMs: 300, kind: 'pause-node', node: 'A', durationMs: 100 },
      ],
    });
    expect(eventsOf(result.trace, 'pause').map((e) => [e.t, e.untilMs])).toEqual([
      [0, 10_000],
      [300, 400],
    ]);
    expect(eventsOf(result.trace, 'resume').map((e) => e.t)).toEqual([400]);
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.reply])).toEqual([[502, 'OK']]);
  });
});

describe('World: partitions delay the replication stream, in order', () => {
  it('a message in flight when the partition begins is retransmitted before the ones sent after it', () => {
    // Regression: the in-flight SET k1 reached the cut after SET k2 had been parked and was
    // queued behind it, so at the heal the replica applied k2 and skipped k1 for good.
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k1', 'a'), step(2, 'M', 'SET', 'k2', 'b')])],
      timeline: [{ atMs: 2, kind: 'partition', groups: [['M', 'C1'], ['R']], durationMs: 100 }],
    });
    expect(keyEvents(result.trace, 'R')).toEqual(['t=107 set k1=a@-1 replication', 't=107 set k2=b@-1 replication']);
    expect(finalKeys(result, 'R')).toEqual(['k1=a', 'k2=b']);
  });

  it('client requests across a partition are lost, not delayed', () => {
    const result = runParts({
      nodes: [{ id: 'A' }],
      clients: [scriptClient('C1', [step(10, 'A', 'SET', 'k', '1'), step(200, 'A', 'GET', 'k')])],
      timeline: [{ atMs: 0, kind: 'partition', groups: [['A'], ['C1']], durationMs: 100 }],
    });
    expect(eventsOf(result.trace, 'drop').map((d) => [d.t, d.reason])).toEqual([[10, 'partition']]);
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.reply])).toEqual([[202, '(nil)']]);
  });
});

describe('run(scenario) is deterministic', () => {
  const parts = {
    nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
    clients: [
      scriptClient(
        'C1',
        Array.from({ length: 30 }, (_, i) => step(i * 37, i % 2 === 0 ? 'M' : 'R', 'SET', 'k', String(i), 'PX', '500')),
      ),
    ],
    durationMs: 3_000,
  };

  it('the same scenario gives a byte-identical trace; another seed (random latencies) a different one', () => {
    const withUniform = (seed: number) => {
      const scenario = buildScenario({ ...parts, seed });
      scenario.network.latencyMs = { kind: 'uniform', minMs: 1, maxMs: 30 };
      return run(scenario);
    };
    const a = withUniform(7);
    const b = withUniform(7);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.trace).toEqual(a.trace);
    expect(withUniform(8).traceHash).not.toBe(a.traceHash);
  });
});
