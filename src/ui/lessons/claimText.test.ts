import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../../lessons/claims.ts';
import type { Claim, StepPrediction } from '../../lessons/model.ts';
import { claimLine, describeClaim, outcomeSentence, predictionOutcome } from './claimText.ts';

describe('claims as the reveal shows them', () => {
  it('shows a claim that holds with what the run shows', () => {
    const result: ClaimResult = { claim: { kind: 'failover' }, holds: true, actual: 'Sentinel promoted R in place of M' };
    expect(claimLine(result)).toEqual({ holds: true, mark: '✓', text: 'Sentinel promoted R in place of M' });
  });

  it('says plainly when the step’s text and the run disagree, with both sides', () => {
    const result: ClaimResult = { claim: { kind: 'violation', clients: ['C1', 'C2'] }, holds: false, actual: 'no exclusion violation' };
    expect(claimLine(result)).toEqual({
      holds: false,
      mark: '✗',
      text: "this step's text disagrees with the run: it says C1 and C2 both hold the lock at some point, but no exclusion violation",
    });
  });

  it('describes every kind of claim in words, with singular and plural', () => {
    const claims: Claim[] = [
      { kind: 'safe', value: true },
      { kind: 'safe', value: false },
      { kind: 'no-violation' },
      { kind: 'stale-writes', min: 1 },
      { kind: 'stale-writes', min: 2 },
      { kind: 'no-stale-writes' },
      { kind: 'fencing-rejections', min: 1 },
      { kind: 'acquisitions', count: 3 },
      { kind: 'acquired', client: 'C2' },
      { kind: 'never-acquired', client: 'C3' },
      { kind: 'deadlocked', value: true },
      { kind: 'deadlocked', value: false },
      { kind: 'attempt-failed', client: 'C1', reason: 'no-quorum' },
      { kind: 'lock-extended', client: 'C1', min: 1 },
    ];
    expect(claims.map(describeClaim)).toEqual([
      'the run is safe',
      'the run is unsafe',
      'no two clients ever hold the lock at once',
      'at least 1 stale write reach the storage',
      'at least 2 stale writes reach the storage',
      'no stale write reaches the storage',
      'fencing rejects at least 1 write',
      'the lock is acquired exactly 3 times',
      'C2 acquires the lock',
      'C3 never acquires the lock',
      'the lock ends up deadlocked',
      'the lock never deadlocks',
      'an attempt of C1 fails (no-quorum)',
      'C1 extends its lock at least 1 time',
    ]);
  });
});

describe('a prediction’s outcome', () => {
  const prediction: StepPrediction = {
    question: 'Will C2 get the lock while C1 holds it?',
    yes: 'Yes, both hold it',
    no: 'No',
    answer: { kind: 'violation', clients: ['C1', 'C2'] },
  };
  const held: ClaimResult = { claim: prediction.answer, holds: true, actual: 'C1 and C2 both held the lock from 7024 to 10026 ms' };
  const notHeld: ClaimResult = { claim: prediction.answer, holds: false, actual: 'no exclusion violation' };

  it('is right when the learner chose the option the run bears out', () => {
    const o = predictionOutcome(prediction, held, 'yes');
    expect(o).toEqual({ right: 'yes', rightText: 'Yes, both hold it', correct: true, actual: held.actual });
    expect(outcomeSentence(o)).toBe('You were right. “Yes, both hold it”: C1 and C2 both held the lock from 7024 to 10026 ms.');
  });

  it('is wrong otherwise, and the right option is computed from the run, not stored', () => {
    expect(predictionOutcome(prediction, held, 'no').correct).toBe(false);
    const o = predictionOutcome(prediction, notHeld, 'yes');
    expect(o.right).toBe('no');
    expect(outcomeSentence(o)).toBe('Not this time. The run says “No”: no exclusion violation.');
  });

  it('just gives the answer when it was revealed without a guess', () => {
    expect(outcomeSentence(predictionOutcome(prediction, notHeld, null))).toBe('The answer: “No”: no exclusion violation.');
  });
});
