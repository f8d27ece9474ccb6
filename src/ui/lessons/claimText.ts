import type { ClaimResult } from '../../lessons/claims.ts';
import type { Claim, StepPrediction } from '../../lessons/model.ts';

const times = (x: number, one: string, many = `${one}s`) => `${x} ${x === 1 ? one : many}`;

/** What a claim says about the run, in words ("C1 and C2 both hold the lock at some point"). */
export function describeClaim(claim: Claim): string {
  switch (claim.kind) {
    case 'safe':
      return claim.value ? 'the run is safe' : 'the run is unsafe';
    case 'violation':
      return `${claim.clients[0]} and ${claim.clients[1]} both hold the lock at some point`;
    case 'no-violation':
      return 'no two clients ever hold the lock at once';
    case 'stale-writes':
      return `at least ${times(claim.min, 'stale write')} reach the storage`;
    case 'no-stale-writes':
      return 'no stale write reaches the storage';
    case 'fencing-rejections':
      return `fencing rejects at least ${times(claim.min, 'write')}`;
    case 'acquisitions':
      return `the lock is acquired exactly ${times(claim.count, 'time')}`;
    case 'acquired':
      return `${claim.client} acquires the lock`;
    case 'never-acquired':
      return `${claim.client} never acquires the lock`;
    case 'deadlocked':
      return claim.value ? 'the lock ends up deadlocked' : 'the lock never deadlocks';
    case 'attempt-failed':
      return `an attempt of ${claim.client} fails (${claim.reason})`;
    case 'failover':
      return 'Sentinel fails over to a replica';
    case 'lock-extended':
      return `${claim.client} extends its lock at least ${times(claim.min, 'time')}`;
  }
}

/** One line under a reveal: a claim checked against the run on screen. */
export interface ClaimLine {
  holds: boolean;
  /** "✓" or "✗", for the eye; `holds` is what tests and screen readers get. */
  mark: string;
  text: string;
}

export function claimLine(result: ClaimResult): ClaimLine {
  if (result.holds) return { holds: true, mark: '✓', text: result.actual };
  return {
    holds: false,
    mark: '✗',
    text: `this step's text disagrees with the run: it says ${describeClaim(result.claim)}, but ${result.actual}`,
  };
}

export type Answer = 'yes' | 'no';

/** How a prediction came out: the right option (computed from the run), and whether the learner chose it. */
export interface PredictionOutcome {
  right: Answer;
  rightText: string;
  /** Null when the answer was revealed without a guess (presenter mode). */
  correct: boolean | null;
  /** What the run shows, e.g. "C1 and C2 both held the lock from 7024 to 10026 ms". */
  actual: string;
}

export function predictionOutcome(prediction: StepPrediction, answer: ClaimResult, chosen: Answer | null): PredictionOutcome {
  const right: Answer = answer.holds ? 'yes' : 'no';
  return {
    right,
    rightText: right === 'yes' ? prediction.yes : prediction.no,
    correct: chosen === null ? null : chosen === right,
    actual: answer.actual,
  };
}

/** The sentence that opens a reveal after a prediction. */
export function outcomeSentence(outcome: PredictionOutcome): string {
  const answer = `“${outcome.rightText}”: ${outcome.actual}.`;
  if (outcome.correct === null) return `The answer: ${answer}`;
  return outcome.correct ? `You were right. ${answer}` : `Not this time. The run says ${answer}`;
}
