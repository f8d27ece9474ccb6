import { describe, expect, it } from 'vitest';
import { err, type Reply } from '../../sim/redis/reply.ts';
import type { LockRequest } from '../protocol.ts';
import { quorum, retryDelayBoundsMs } from '../redlockMath.ts';
import { type Driver, drive } from '../testing/drive.ts';
import { fire, NIL, nodeIds, OK, redlockInput, reply, reportsOf, sent, start } from '../testing/fixtures.ts';
import { redlockMachine } from './redlock.ts';

const T0 = 1_000;
const TTL = 10_000;
const DRIFT = 102; // round(0.01 × 10000) + 2 (R19)
const MODES = ['parallel', 'sequential'] as const;
type Mode = (typeof MODES)[number];
const CASES = MODES.flatMap((mode) => [1, 2, 3, 4, 5, 7].map((n) => ({ mode, n, q: quorum(n) })));

const isAcquire = (r: LockRequest) => r.argv[0] === 'SET';
const cad = (value: string) => ['EVAL', 'compare-and-delete', '1', 'lock', value];

function startRedlock(n: number, mode: Mode, more: Parameters<typeof redlockInput>[1] = {}, work: Parameters<typeof redlockInput>[2] = {}) {
  const d = drive(redlockMachine, redlockInput(n, { mode, ...more }, work));
  d.send(start(T0, 7));
  return d;
}

/** Each node's reply time: parallel, all answer 4 ms after the start; sequential, one 4 ms round trip after another. */
const replyAt = (mode: Mode) => (i: number) => (mode === 'parallel' ? T0 + 4 : T0 + 4 * (i + 1));

/**
 * Answers the acquire node by node (A first) while the machine is still acquiring;
 * returns every SET it sent, how many SETs each step sent (START first), and how many
 * replies it took to decide.
 */
function answerAcquire(
  d: Driver,
  answers: Reply[],
  atMs: (i: number) => number,
): { asked: LockRequest[]; perStep: number[]; replies: number } {
  const asked = sent(d).filter(isAcquire);
  const perStep = [asked.length];
  let i = 0;
  while (d.state().startsWith('acquiring') && i < answers.length) {
    const req = asked[i];
    if (req === undefined) throw new Error(`node ${i} was never asked`);
    d.send(reply(req, answers[i] as Reply, atMs(i)));
    const more = sent(d).filter(isAcquire);
    asked.push(...more);
    perStep.push(more.length);
    i++;
  }
  return { asked, perStep, replies: i };
}

const oks = (k: number): Reply[] => Array.from({ length: k }, () => OK);
const nils = (k: number): Reply[] => Array.from({ length: k }, () => NIL);

describe.each(CASES)('redlock, $mode, N=$n (quorum $q)', ({ mode, n, q }) => {
  it(`sends SET lock <value> NX PX 10000 with one fresh value to all ${n} nodes`, () => {
    const d = startRedlock(n, mode);
    const { asked, perStep } = answerAcquire(d, oks(n), replyAt(mode));
    expect(asked.map((r) => r.node)).toEqual(nodeIds(n));
    // Parallel: all N at START, then none. Sequential: one per step, the next after each reply.
    expect(perStep).toEqual(mode === 'parallel' ? [n, ...Array(q).fill(0)] : [...Array(n).fill(1), 0]);
    expect(new Set(asked.map((r) => r.argv.join(' ')))).toEqual(new Set(['SET lock C1-1-00000007 NX PX 10000']));
  });

  it(`acquires with exactly ${q} of ${n} votes; validity = TTL − elapsed − drift`, () => {
    const d = startRedlock(n, mode);
    const { replies } = answerAcquire(d, [...oks(q), ...nils(n - q)], replyAt(mode));
    // Parallel decides at the q-th yes; sequential asks every node, one after another.
    const elapsedMs = mode === 'parallel' ? 4 : 4 * n;
    expect(replies).toBe(mode === 'parallel' ? q : n);
    expect(reportsOf(d, 'acquired')).toEqual([
      {
        kind: 'acquired',
        value: 'C1-1-00000007',
        votes: q,
        nodes: nodeIds(q),
        validityMs: TTL - elapsedMs - DRIFT,
        validUntilMs: T0 + TTL - DRIFT,
      },
    ]);
    expect(d.state()).toBe('holding.working');
  });

  it(`fails with ${q - 1} votes (no-quorum) and unlocks ALL ${n} nodes with compare-and-delete`, () => {
    const d = startRedlock(n, mode);
    answerAcquire(d, [...oks(q - 1), ...nils(n - q + 1)], replyAt(mode));
    expect(reportsOf(d, 'failed')).toEqual([
      { kind: 'failed', value: 'C1-1-00000007', votes: q - 1, reason: 'no-quorum', validityMs: null },
    ]);
    expect(reportsOf(d, 'acquired')).toEqual([]);
    const unlock = sent(d);
    expect(unlock.map((r) => r.node)).toEqual(nodeIds(n));
    expect(unlock.every((r) => r.argv.join(' ') === cad('C1-1-00000007').join(' '))).toBe(true);
    expect(d.state()).toBe('backoff');
  });

  it('a quorum reached with 0 ms of validity left is not acquired (no-validity), and it unlocks all', () => {
    const d = startRedlock(n, mode);
    // Every reply lands 9898 ms after T1 (a GC pause, S3): 10000 − 9898 − 102 = 0.
    answerAcquire(d, oks(n), () => T0 + TTL - DRIFT);
    expect(reportsOf(d, 'failed')).toEqual([
      { kind: 'failed', value: 'C1-1-00000007', votes: mode === 'parallel' ? q : n, reason: 'no-validity', validityMs: 0 },
    ]);
    expect(sent(d).map((r) => r.node)).toEqual(nodeIds(n));
    expect(sent(d)[0]?.argv).toEqual(cad('C1-1-00000007'));
  });

  it('a quorum with 1 ms of validity left is acquired', () => {
    const d = startRedlock(n, mode);
    answerAcquire(d, oks(n), () => T0 + TTL - DRIFT - 1);
    expect(reportsOf(d, 'acquired').map((r) => r.validityMs)).toEqual([1]);
  });

  it(`releases with compare-and-delete on all ${n} nodes after the critical section`, () => {
    const d = startRedlock(n, mode);
    answerAcquire(d, oks(n), replyAt(mode));
    d.send(fire('WORK', T0 + 500));
    d.send(fire('WRITE', T0 + 501));
    expect(d.effects('report')).toEqual([{ kind: 'released', value: 'C1-1-00000007' }]);
    expect(sent(d)).toEqual(nodeIds(n).map((node, i) => ({ node, reqId: n + 1 + i, argv: cad('C1-1-00000007') })));
  });
});

describe('redlock, parallel only', () => {
  it('sends to every node in one step, before any reply', () => {
    const d = startRedlock(5, 'parallel');
    expect(d.effects('send')).toHaveLength(1);
    expect(sent(d).map((r) => [r.node, r.reqId])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
      ['E', 5],
    ]);
  });

  it('a request timeout decides with the votes in hand: 2 of 5 fails and unlocks all 5', () => {
    const d = startRedlock(5, 'parallel');
    const [a, b] = sent(d) as [LockRequest, LockRequest];
    d.send(reply(a, OK, T0 + 4));
    d.send(reply(b, OK, T0 + 4));
    d.send(fire('REQUEST_TIMEOUT', T0 + 50));
    expect(reportsOf(d, 'failed').map((r) => [r.reason, r.votes])).toEqual([['no-quorum', 2]]);
    expect(sent(d).map((r) => r.node)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('error replies vote against', () => {
    const d = startRedlock(3, 'parallel');
    const [a, b, c] = sent(d) as [LockRequest, LockRequest, LockRequest];
    d.send(reply(a, OK, T0 + 4));
    d.send(reply(b, err('READONLY'), T0 + 4));
    d.send(reply(c, err('LOADING'), T0 + 4));
    expect(reportsOf(d, 'failed').map((r) => [r.reason, r.votes])).toEqual([['no-quorum', 1]]);
  });
});

describe('redlock, sequential only', () => {
  it('asks one node per step: the next only after a reply or the request timeout', () => {
    const d = startRedlock(3, 'sequential');
    expect(sent(d).map((r) => [r.node, r.reqId])).toEqual([['A', 1]]);
    expect(d.effects('startTimer')).toEqual([{ timer: 'REQUEST_TIMEOUT', delayMs: 50 }]);
    d.send(fire('REQUEST_TIMEOUT', T0 + 50));
    expect(sent(d).map((r) => [r.node, r.reqId])).toEqual([['B', 2]]);
    d.send(reply({ node: 'B', reqId: 2, argv: [] }, OK, T0 + 54));
    expect(sent(d).map((r) => [r.node, r.reqId])).toEqual([['C', 3]]);
  });

  it('a node that timed out counts against, and its late reply does not count', () => {
    const d = startRedlock(3, 'sequential');
    d.send(fire('REQUEST_TIMEOUT', T0 + 50));
    // A's +OK arrives while B is being asked: ignored, B is still the one asked.
    d.send(reply({ node: 'A', reqId: 1, argv: [] }, OK, T0 + 52));
    expect(d.last()).toEqual([]);
    d.send(reply({ node: 'B', reqId: 2, argv: [] }, NIL, T0 + 54));
    d.send(reply({ node: 'C', reqId: 3, argv: [] }, OK, T0 + 58));
    expect(reportsOf(d, 'failed').map((r) => [r.reason, r.votes])).toEqual([['no-quorum', 1]]);
  });
});

describe('redlock retries', () => {
  /** Fails attempt 1 on 3 nodes; the last refusal carries `random`, which draws the retry delay. */
  function failOnce(random: number) {
    const d = startRedlock(3, 'parallel');
    const [a, b] = sent(d) as [LockRequest, LockRequest];
    d.send(reply(a, NIL, T0 + 4));
    d.send(reply(b, NIL, T0 + 4, random));
    return d;
  }

  it('waits retryDelay ± jitter: within retryDelayBoundsMs for 500 random draws, both ends reached', () => {
    const { minMs, maxMs } = retryDelayBoundsMs(200, 100);
    let x = 12345;
    const delays = Array.from({ length: 500 }, () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return failOnce(x).effects('startTimer');
    });
    for (const timers of delays) {
      expect(timers).toHaveLength(1);
      expect(timers[0]?.timer).toBe('RETRY');
      expect(timers[0]?.delayMs).toBeGreaterThanOrEqual(minMs);
      expect(timers[0]?.delayMs).toBeLessThanOrEqual(maxMs);
    }
    expect(failOnce(0).effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 100 }]);
    expect(failOnce(0xffffffff).effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 299 }]);
    expect(failOnce(0x80000000).effects('startTimer')).toEqual([{ timer: 'RETRY', delayMs: 200 }]);
  });

  it('makes at most retryCount + 1 attempts, each with a fresh value, then gives up', () => {
    const d = startRedlock(3, 'parallel', { retryCount: 2 });
    let t = T0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      answerAcquire(d, nils(3), () => t + 2);
      t += 200;
      if (attempt < 3) d.send(fire('RETRY', t, 0xabc0 + attempt));
    }
    expect(reportsOf(d, 'attempt')).toEqual([
      { kind: 'attempt', round: 1, attempt: 1, value: 'C1-1-00000007' },
      { kind: 'attempt', round: 1, attempt: 2, value: 'C1-2-0000abc1' },
      { kind: 'attempt', round: 1, attempt: 3, value: 'C1-3-0000abc2' },
    ]);
    expect(reportsOf(d, 'gave-up')).toEqual([{ kind: 'gave-up', round: 1, attempts: 3 }]);
    // The last failure still unlocks every node before giving up.
    expect(sent(d).map((r) => [r.node, r.argv[4]])).toEqual([
      ['A', 'C1-3-0000abc2'],
      ['B', 'C1-3-0000abc2'],
      ['C', 'C1-3-0000abc2'],
    ]);
    expect(d.status()).toBe('done');
  });

  it('stale replies (an earlier attempt or its unlock) do not count toward the next attempt', () => {
    const d = startRedlock(3, 'parallel');
    const { asked: first } = answerAcquire(d, nils(3), () => T0 + 4);
    const unlock = sent(d);
    expect(unlock.map((r) => r.reqId)).toEqual([4, 5, 6]);
    d.send(fire('RETRY', T0 + 300, 0x1234));
    const second = sent(d);
    expect(second.map((r) => r.reqId)).toEqual([7, 8, 9]);
    for (const r of [...first, ...unlock]) d.send(reply(r, OK, T0 + 302));
    expect(reportsOf(d, 'acquired')).toEqual([]);
    expect(d.state()).toBe('acquiring.parallel');
    d.send(reply(second[0] as LockRequest, OK, T0 + 304));
    d.send(reply(second[1] as LockRequest, OK, T0 + 304));
    expect(reportsOf(d, 'acquired').map((r) => [r.value, r.votes, r.nodes])).toEqual([['C1-2-00001234', 2, ['A', 'B']]]);
  });
});
