import { describe, expect, it } from 'vitest';
import type { LockRequest } from '../protocol.ts';
import { drive } from '../testing/drive.ts';
import { failoverInput, fire, int, master, NIL, OK, reply, reportsOf, sent, start, ZERO } from '../testing/fixtures.ts';
import { singleFailoverMachine } from './singleFailover.ts';

const VALUE = 'C1-1-00000007';
const cad = ['EVAL', 'compare-and-delete', '1', 'lock', VALUE];

function startWith(waitReplicas: number) {
  const d = drive(singleFailoverMachine, failoverInput(waitReplicas));
  d.send(start(0, 7));
  return d;
}

/** Sentinel names R1 (a promoted replica) as master; R1 answers the SET with `answer` at 4 ms. */
function setOnR1(waitReplicas: number, answer = OK) {
  const d = startWith(waitReplicas);
  d.send(master(1, 'R1', 2));
  d.send(reply(sent(d)[0] as LockRequest, answer, 4));
  return d;
}

describe('single-failover', () => {
  it('asks Sentinel for the master first, sending nothing to a node', () => {
    const d = startWith(0);
    expect(d.effects('askMaster')).toEqual([{ reqId: 1 }]);
    expect(d.effects('send')).toEqual([]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'REQUEST_TIMEOUT', delayMs: 50 }]);
  });

  it('no master known: failed (no-master), retry after retryDelayMs', () => {
    const d = startWith(0);
    d.send(master(1, null, 2));
    expect(d.effects('report')).toEqual([{ kind: 'failed', value: VALUE, votes: 0, reason: 'no-master', validityMs: null }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 150 }]);
    expect(d.effects('send')).toEqual([]);
  });

  it("Sentinel's answer to an older question is ignored", () => {
    const d = startWith(0);
    d.send(master(0, 'R1', 2));
    expect(d.last()).toEqual([]);
    expect(d.state()).toBe('acquiring.locating');
  });

  it('sends SET NX PX to the master Sentinel named, not to the configured node', () => {
    const d = startWith(0);
    d.send(master(1, 'R1', 2));
    expect(sent(d)).toEqual([{ node: 'R1', reqId: 2, argv: ['SET', 'lock', VALUE, 'NX', 'PX', '10000'] }]);
  });

  it('without WAIT, +OK acquires at once; release is compare-and-delete on that master', () => {
    const d = setOnR1(0);
    expect(reportsOf(d, 'acquired').map((r) => [r.nodes, r.validityMs])).toEqual([[['R1'], 9_894]]);
    d.send(fire('WORK', 104));
    d.send(fire('WRITE', 105));
    expect(sent(d)).toEqual([{ node: 'R1', reqId: 3, argv: cad }]);
  });

  it('nil from the master is a refusal', () => {
    const d = setOnR1(0, NIL);
    expect(reportsOf(d, 'failed').map((r) => r.reason)).toEqual(['refused']);
  });

  it('with waitReplicas 1 it sends WAIT 1 100 and waits waitTimeoutMs + requestTimeoutMs', () => {
    const d = setOnR1(1);
    expect(reportsOf(d, 'acquired')).toEqual([]);
    expect(sent(d)).toEqual([{ node: 'R1', reqId: 3, argv: ['WAIT', '1', '100'] }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'REQUEST_TIMEOUT', delayMs: 150 }]);
  });

  it('WAIT :1 with one replica asked for acquires', () => {
    const d = setOnR1(1);
    d.send(reply(sent(d)[0] as LockRequest, int(1), 106));
    expect(reportsOf(d, 'acquired').map((r) => [r.votes, r.validityMs])).toEqual([[1, 10_000 - 106 - 102]]);
  });

  it('WAIT :1 when 2 replicas were asked for: not held, failed (wait-no-ack), unlocks with compare-and-delete, retries', () => {
    const d = setOnR1(2);
    d.send(reply(sent(d)[0] as LockRequest, int(1), 106));
    expect(d.effects('report')).toEqual([
      { kind: 'failed', value: VALUE, votes: 1, reason: 'wait-no-ack', validityMs: 10_000 - 106 - 102 },
    ]);
    expect(sent(d)).toEqual([{ node: 'R1', reqId: 4, argv: cad }]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 150 }]);
    expect(reportsOf(d, 'acquired')).toEqual([]);
  });

  it('no WAIT reply before waitTimeoutMs + requestTimeoutMs: failed (wait-no-ack) and unlocked', () => {
    const d = setOnR1(1);
    d.send(fire('REQUEST_TIMEOUT', 154));
    expect(reportsOf(d, 'failed').map((r) => r.reason)).toEqual(['wait-no-ack']);
    expect(sent(d)).toEqual([{ node: 'R1', reqId: 4, argv: cad }]);
  });

  it('WAIT :0 when 1 replica was asked for: failed (wait-no-ack)', () => {
    const d = setOnR1(1);
    d.send(reply(sent(d)[0] as LockRequest, ZERO, 106));
    expect(reportsOf(d, 'failed').map((r) => r.reason)).toEqual(['wait-no-ack']);
    expect(reportsOf(d, 'acquired')).toEqual([]);
  });
});
