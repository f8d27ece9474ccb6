import { describe, expect, it } from 'vitest';
import type { WorkloadSpec } from '../sim/model/scenario.ts';
import { LOCK_MACHINES, type LockMachineName } from './machines/index.ts';
import type { Driver } from './testing/drive.ts';
import { fire, grantingReply, grantUntilAcquired, inputFor, reply, reportsOf, sent, started } from './testing/fixtures.ts';

const NAMES = Object.keys(LOCK_MACHINES) as LockMachineName[];

/** set-nx-px-cad started at 0 and granted at 2: validUntil = 0 + 10000 − 102 = 9898. */
function holdingCad(work: Partial<WorkloadSpec>): Driver {
  const d = started('set-nx-px-cad', inputFor('set-nx-px-cad', work));
  grantUntilAcquired(d, 0);
  return d;
}

/** Every node answers the release just sent. */
function answerRelease(d: Driver, nowMs: number): void {
  for (const r of sent(d)) d.send(reply(r, grantingReply(r.argv), nowMs));
}

describe.each(NAMES)('workload of %s', (name) => {
  it('rounds: 0 → done at START, nothing sent', () => {
    const d = started(name, inputFor(name, { rounds: 0 }));
    expect(d.last()).toEqual([{ type: 'report', params: { kind: 'done' } }]);
    expect(d.status()).toBe('done');
  });

  it("claims the resource with the lock's value right after reporting acquired", () => {
    const d = started(name);
    grantUntilAcquired(d, 0);
    const types = d.last().map((e) => (e.type === 'report' ? `report:${e.params.kind}` : e.type));
    const at = types.indexOf('report:acquired');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(types[at + 1]).toBe('claim');
    expect(d.effects('claim')).toEqual([{ value: reportsOf(d, 'acquired')[0]?.value }]);
  });

  it('one round: acquire, two writes, release, done', () => {
    const d = started(name, inputFor(name, { writes: 2, criticalSectionMs: 100 }));
    const t = grantUntilAcquired(d, 0);
    const value = reportsOf(d, 'acquired')[0]?.value;
    d.send(fire('WORK', t + 50));
    d.send(fire('WRITE', t + 51));
    d.send(fire('WORK', t + 101));
    d.send(fire('WRITE', t + 102));
    expect(d.all('write')).toEqual([
      { value, seq: 1 },
      { value, seq: 2 },
    ]);
    expect(reportsOf(d, 'released')).toEqual([{ kind: 'released', value }]);
    answerRelease(d, t + 104);
    expect(reportsOf(d, 'done')).toHaveLength(1);
    expect(d.status()).toBe('done');
  });
});

describe('workload: the critical section', () => {
  it('spreads writes over criticalSectionMs (33, 33, 34 ms for 3 in 100), each WRITE 1 ms after WORK', () => {
    const d = holdingCad({ writes: 3, criticalSectionMs: 100 });
    const delays: number[] = [d.effects('startTimer').find((s) => s.timer === 'WORK')?.delayMs ?? -1];
    let t = 2;
    for (let seq = 1; seq <= 3; seq++) {
      t += delays[delays.length - 1] ?? 0;
      d.send(fire('WORK', t));
      expect(d.effects('startTimer')).toEqual([{ timer: 'WRITE', delayMs: 1 }]);
      t += 1;
      d.send(fire('WRITE', t));
      expect(d.effects('write')).toEqual([{ value: 'C1-1-00000007', seq }]);
      const work = d.effects('startTimer').find((s) => s.timer === 'WORK');
      if (work) delays.push(work.delayMs);
    }
    expect(delays).toEqual([33, 33, 34]);
    // The last write ends the critical section: the release goes out in the same step.
    expect(d.effects('report')).toEqual([{ kind: 'released', value: 'C1-1-00000007' }]);
    expect(sent(d).map((r) => r.argv[1])).toEqual(['compare-and-delete']);
  });

  it('writes: 0 → WORK after criticalSectionMs releases without writing', () => {
    const d = holdingCad({ writes: 0, criticalSectionMs: 100 });
    expect(d.effects('startTimer')).toEqual([{ timer: 'WORK', delayMs: 100 }]);
    d.send(fire('WORK', 102));
    expect(d.all('write')).toEqual([]);
    expect(reportsOf(d, 'released')).toHaveLength(1);
  });

  it('checkValidityBeforeWrite with validity left (WORK at 9897 < 9898): the write happens', () => {
    const d = holdingCad({ checkValidityBeforeWrite: true });
    d.send(fire('WORK', 9_897));
    d.send(fire('WRITE', 9_898));
    expect(d.all('write')).toHaveLength(1);
    expect(reportsOf(d, 'lost')).toEqual([]);
  });

  it('checkValidityBeforeWrite with validity gone (WORK at 9898): lost (validity-check), no write, release', () => {
    const d = holdingCad({ checkValidityBeforeWrite: true });
    d.send(fire('WORK', 9_898));
    expect(d.effects('report')).toEqual([
      { kind: 'lost', value: 'C1-1-00000007', reason: 'validity-check' },
      { kind: 'released', value: 'C1-1-00000007' },
    ]);
    expect(d.all('write')).toEqual([]);
    expect(sent(d)).toHaveLength(1);
  });

  it('without checkValidityBeforeWrite, a write after validity ended still goes out (S4)', () => {
    const d = holdingCad({ checkValidityBeforeWrite: false });
    d.send(fire('WORK', 15_000));
    d.send(fire('WRITE', 15_001));
    expect(d.all('write')).toEqual([{ value: 'C1-1-00000007', seq: 1 }]);
  });
});

describe('workload: rounds', () => {
  it('thinks thinkMs between rounds, then starts round 2 with a fresh value', () => {
    const d = holdingCad({ rounds: 2, thinkMs: 500 });
    d.send(fire('WORK', 102));
    d.send(fire('WRITE', 103));
    answerRelease(d, 105);
    expect(d.effects('startTimer')).toEqual([{ timer: 'THINK_DONE', delayMs: 500 }]);
    expect(reportsOf(d, 'done')).toEqual([]);
    d.send(fire('THINK_DONE', 605, 0x42));
    expect(d.effects('report')).toEqual([{ kind: 'attempt', round: 2, attempt: 1, value: 'C1-2-00000042' }]);
  });

  it('a release with no reply before the request timeout still ends the round', () => {
    const d = holdingCad({ rounds: 1 });
    d.send(fire('WORK', 102));
    d.send(fire('WRITE', 103));
    d.send(fire('REQUEST_TIMEOUT', 153));
    expect(d.effects('report')).toEqual([{ kind: 'done' }]);
  });
});
