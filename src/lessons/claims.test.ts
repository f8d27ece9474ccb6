import { describe, expect, it } from 'vitest';
import { check } from '../check/check.ts';
import { run } from '../sim/engine/run.ts';
import { evaluateClaim } from './claims.ts';
import type { Claim } from './model.ts';
import { actionTaken, stepScenario } from './stepScenario.ts';

function ran(spec: Parameters<typeof stepScenario>[0]) {
  const trace = run(stepScenario(spec)).trace;
  return { trace, verdict: check(trace) };
}

describe('lesson claims are computed from the run', () => {
  const failover = ran({ preset: 'failover-loses-lock' });
  const holds = (claim: Claim, r = failover) => evaluateClaim(claim, r.trace, r.verdict);

  it('S8: unsafe, C1/C2 overlap, a failover, a stale write — and a false claim is reported with what the run shows', () => {
    expect(holds({ kind: 'safe', value: false }).holds).toBe(true);
    expect(holds({ kind: 'violation', clients: ['C2', 'C1'] }).holds).toBe(true);
    expect(holds({ kind: 'failover' })).toMatchObject({ holds: true, actual: 'Sentinel promoted R in place of M' });
    expect(holds({ kind: 'stale-writes', min: 1 }).holds).toBe(true);
    expect(holds({ kind: 'safe', value: true })).toEqual({
      claim: { kind: 'safe', value: true },
      holds: false,
      actual: 'the checker finds the run unsafe',
    });
    expect(holds({ kind: 'no-violation' })).toMatchObject({ holds: false, actual: 'C1 and C2 both held the lock from 31020 to 36022 ms' });
  });

  it('fencing changes the storage, not the overlap', () => {
    const fenced = ran({ preset: 'gc-pause-after-acquire', fencing: 'token' });
    expect(holds({ kind: 'no-stale-writes' }, fenced).holds).toBe(true);
    expect(holds({ kind: 'fencing-rejections', min: 1 }, fenced)).toMatchObject({ holds: true, actual: '1 write rejected by fencing' });
  });

  it('liveness claims: deadlock, failed attempts, acquisitions', () => {
    const s9 = ran({ preset: 'setnx-expire-crash' });
    expect(holds({ kind: 'deadlocked', value: true }, s9).holds).toBe(true);
    const s3 = ran({ preset: 'gc-pause-during-acquire' });
    expect(holds({ kind: 'attempt-failed', client: 'C1', reason: 'no-validity' }, s3).holds).toBe(true);
    expect(holds({ kind: 'acquisitions', count: 2 }, ran({ preset: 'happy-path' })).holds).toBe(true);
  });

  it("a step can drop a preset fault or add one; the learner's own fault is detected, the preset's is not", () => {
    const base = stepScenario({ preset: 'failover-happy-path' });
    const action = {
      prompt: 'Kill the master',
      kind: 'kill-master' as const,
      atMsMax: 900,
      example: { atMs: 500, kind: 'kill-master' as const, restartAfterMs: null },
    };
    expect(actionTaken(action, base, base)).toBeNull();
    const late = { ...base, timeline: [{ atMs: 2000, kind: 'kill-master' as const, restartAfterMs: null }] };
    expect(actionTaken(action, base, late)).toBeNull(); // too late: the key had reached the replica
    const now = { ...base, timeline: [action.example] };
    expect(actionTaken(action, base, now)).toEqual(action.example);
    expect(stepScenario({ preset: 'failover-loses-lock', drop: [0] }).timeline).toEqual([]);
    expect(() => stepScenario({ preset: 'nope' })).toThrow('no preset nope');
  });
});
