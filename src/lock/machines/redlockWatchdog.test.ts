import { describe, expect, it } from 'vitest';
import type { WorkloadSpec } from '../../sim/model/scenario.ts';
import type { LockRequest } from '../protocol.ts';
import { type Driver, drive } from '../testing/drive.ts';
import { fire, int, OK, redlockInput, reply, reportsOf, sent, start, ZERO } from '../testing/fixtures.ts';
import { redlockWatchdogMachine } from './redlock.ts';

// Acquired at 0 on A and B (replies at 4): validUntil = 0 + 10000 − 102 = 9898.
const VALID_UNTIL = 9_898;
const THRESHOLD = 500;
const VALUE = 'C1-1-00000007';
const extendArgv = ['EVAL', 'compare-and-extend', '1', 'lock', VALUE, '10000'];

/** Three nodes, a 30 s critical section with three writes (WORK every 10 s), so extensions matter. */
function holding(maxExtensions = 3, work: Partial<WorkloadSpec> = {}): Driver {
  const input = redlockInput(
    3,
    { autoExtend: { thresholdMs: THRESHOLD, maxExtensions } },
    { criticalSectionMs: 30_000, writes: 3, ...work },
  );
  const d = drive(redlockWatchdogMachine, input);
  d.send(start(0, 7));
  const [a, b] = sent(d) as [LockRequest, LockRequest];
  d.send(reply(a, OK, 4));
  d.send(reply(b, OK, 4));
  return d;
}

/** The nodes answer the extension just sent with `answer` at `atMs`, until the vote is decided. */
function extendRound(d: Driver, answer: typeof OK, atMs: number): void {
  for (const r of sent(d)) {
    d.send(reply(r, answer, atMs));
    // A vote that decides nothing has no effects; the deciding one at least cancels the timeout.
    if (d.last().length > 0) return;
  }
}

describe('redlock-watchdog (autoExtend)', () => {
  it('holds with parallel work and watchdog regions, EXTEND armed at validUntil − threshold − now', () => {
    const d = holding();
    expect(d.state()).toBe('holding.{work.working,watchdog.waiting}');
    expect(reportsOf(d, 'acquired').map((r) => r.validUntilMs)).toEqual([VALID_UNTIL]);
    expect(d.effects('startTimer')).toEqual([
      { timer: 'WORK', delayMs: 10_000 },
      { timer: 'EXTEND', delayMs: VALID_UNTIL - THRESHOLD - 4 },
    ]);
  });

  it('extends with compare-and-extend on all nodes, fresh request ids', () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    expect(sent(d)).toEqual([
      { node: 'A', reqId: 4, argv: extendArgv },
      { node: 'B', reqId: 5, argv: extendArgv },
      { node: 'C', reqId: 6, argv: extendArgv },
    ]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'REQUEST_TIMEOUT', delayMs: 50 }]);
  });

  it('a quorum within validity reports extended: new validUntil = extension start + TTL − drift, next EXTEND re-armed', () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    extendRound(d, int(1), 9_402);
    expect(reportsOf(d, 'extended')).toEqual([
      { kind: 'extended', value: VALUE, votes: 2, validityMs: 19_296 - 9_402, validUntilMs: 9_398 + 9_898 },
    ]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'EXTEND', delayMs: 19_296 - THRESHOLD - 9_402 }]);
    expect(d.state()).toBe('holding.{work.working,watchdog.waiting}');
  });

  it("the acquire's late third reply is not an extension vote", () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    d.send(reply({ node: 'C', reqId: 3, argv: [] }, OK, 9_399));
    d.send(reply({ node: 'A', reqId: 4, argv: [] }, int(1), 9_400));
    expect(reportsOf(d, 'extended')).toEqual([]);
    expect(d.context().votesFor).toBe(1);
  });

  it('without a quorum it retries 1 ms later while still valid (node-redlock: at once)', () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    extendRound(d, ZERO, 9_402);
    expect(d.effects('startTimer')).toEqual([{ timer: 'EXTEND', delayMs: 1 }]);
    expect(d.state()).toBe('holding.{work.working,watchdog.retrying}');
    d.send(fire('EXTEND', 9_403));
    expect(sent(d).map((r) => [r.node, r.reqId, r.argv[1]])).toEqual([
      ['A', 7, 'compare-and-extend'],
      ['B', 8, 'compare-and-extend'],
      ['C', 9, 'compare-and-extend'],
    ]);
    expect(reportsOf(d, 'lost')).toEqual([]);
  });

  it('a request timeout without a quorum also retries while valid', () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    d.send(reply({ node: 'A', reqId: 4, argv: [] }, int(1), 9_400));
    d.send(fire('REQUEST_TIMEOUT', 9_448));
    d.send(fire('EXTEND', 9_449));
    expect(sent(d).map((r) => r.reqId)).toEqual([7, 8, 9]);
  });

  it('a quorum that arrives after validity ended is no extension: lost (extend-failed)', () => {
    const d = holding();
    d.send(fire('EXTEND', 9_398));
    extendRound(d, int(1), VALID_UNTIL);
    expect(reportsOf(d, 'extended')).toEqual([]);
    expect(reportsOf(d, 'lost')).toEqual([{ kind: 'lost', value: VALUE, reason: 'extend-failed' }]);
  });

  it('with checkValidityBeforeWrite, a failed extension past validity reports lost and releases on all nodes', () => {
    const d = holding(3, { checkValidityBeforeWrite: true });
    d.send(fire('EXTEND', 9_398));
    extendRound(d, ZERO, 9_402);
    d.send(fire('EXTEND', 9_403));
    extendRound(d, ZERO, VALID_UNTIL);
    expect(d.effects('report')).toEqual([
      { kind: 'lost', value: VALUE, reason: 'extend-failed' },
      { kind: 'released', value: VALUE },
    ]);
    expect(sent(d).map((r) => [r.node, r.argv.join(' ')])).toEqual(
      ['A', 'B', 'C'].map((n) => [n, `EVAL compare-and-delete 1 lock ${VALUE}`]),
    );
    expect(d.state()).toBe('releasing');
  });

  it('without checkValidityBeforeWrite, a failed extension reports lost but the work goes on: the write still happens', () => {
    const d = holding(3, { checkValidityBeforeWrite: false });
    d.send(fire('EXTEND', 9_398));
    extendRound(d, ZERO, 9_402);
    d.send(fire('EXTEND', 9_403));
    extendRound(d, ZERO, VALID_UNTIL);
    expect(reportsOf(d, 'lost')).toEqual([{ kind: 'lost', value: VALUE, reason: 'extend-failed' }]);
    expect(d.state()).toBe('holding.{work.working,watchdog.stopped}');
    d.send(fire('WORK', 10_004));
    d.send(fire('WRITE', 10_005));
    expect(d.effects('write')).toEqual([{ value: VALUE, seq: 1 }]);
    // A stopped watchdog never extends again.
    d.send(fire('EXTEND', 10_006));
    expect(d.effects('send')).toEqual([]);
  });

  it('maxExtensions caps it: after 1 extension the watchdog is capped and EXTEND sends nothing', () => {
    const d = holding(1);
    d.send(fire('EXTEND', 9_398));
    extendRound(d, int(1), 9_402);
    expect(reportsOf(d, 'extended')).toHaveLength(1);
    expect(d.state()).toBe('holding.{work.working,watchdog.capped}');
    d.send(fire('EXTEND', 18_796));
    expect(d.effects('send')).toEqual([]);
  });

  it('maxExtensions 0: capped from the start; a validity check then finds the lease gone (validity-check)', () => {
    const d = holding(0, { checkValidityBeforeWrite: true });
    expect(d.state()).toBe('holding.{work.working,watchdog.capped}');
    d.send(fire('WORK', 10_004));
    expect(d.effects('report')).toEqual([
      { kind: 'lost', value: VALUE, reason: 'validity-check' },
      { kind: 'released', value: VALUE },
    ]);
    expect(d.effects('write')).toEqual([]);
  });
});
