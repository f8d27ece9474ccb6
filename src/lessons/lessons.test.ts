import { describe, expect, it } from 'vitest';
import { check } from '../check/check.ts';
import type { CheckResult } from '../check/types.ts';
import { run } from '../sim/engine/run.ts';
import type { TraceEvent } from '../sim/trace/events.ts';
import { evaluateClaim, evaluateClaims } from './claims.ts';
import { LESSONS } from './lessons/index.ts';
import type { Claim, LessonStep } from './model.ts';
import { actionTaken, stepScenario } from './stepScenario.ts';

/** The source keys of /work/shared/redlock-spec.md ("Source keys"); a lesson may cite only these. */
const SOURCE_KEYS = new Set([
  'DL',
  'NR5',
  'NR4',
  'RS',
  'RB',
  'RD',
  'SRC',
  'EXP',
  'REPL',
  'SEN',
  'PERS',
  'WAIT',
  'EVAL',
  'SET',
  'MK',
  'AZ',
  'RDD',
  'RIA',
]);

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Runs a step the way the learner ends up seeing it: with the action's example injected, if it has one. */
function runStep(step: LessonStep): { trace: TraceEvent[]; verdict: CheckResult } {
  const base = stepScenario(step.scenario);
  let scenario = base;
  if (step.action !== undefined) {
    scenario = stepScenario({ ...step.scenario, add: [...(step.scenario.add ?? []), step.action.example] });
    expect(actionTaken(step.action, base, scenario)).toEqual(step.action.example);
  }
  const trace = run(scenario).trace;
  return { trace, verdict: check(trace) };
}

/** "claim → what the run shows" for every claim that does not hold. */
function failures(claims: readonly Claim[], trace: TraceEvent[], verdict: CheckResult): string[] {
  return evaluateClaims(claims, trace, verdict)
    .filter((r) => !r.holds)
    .map((r) => `${JSON.stringify(r.claim)} -> actual: ${r.actual}`);
}

describe('the lesson list', () => {
  it('has ten lessons numbered 1..10 in order, with unique kebab-case ids', () => {
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });

  it('every lesson has 3–6 steps with unique kebab-case ids, text, sources from the spec and claims', () => {
    const allStepIds = new Set<string>();
    for (const lesson of LESSONS) {
      expect(lesson.title.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.summary.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(6);
      const ids = lesson.steps.map((s) => s.id);
      expect(new Set(ids).size, `${lesson.id}: step ids unique`).toBe(ids.length);
      for (const step of lesson.steps) {
        const where = `${lesson.id}/${step.id}`;
        expect(step.id, where).toMatch(KEBAB);
        allStepIds.add(`${lesson.id}/${step.id}`);
        expect(step.title.length, where).toBeGreaterThan(0);
        const paragraphs = step.text.split('\n\n');
        expect(paragraphs.length, `${where}: paragraphs`).toBeLessThanOrEqual(5);
        expect(
          paragraphs.every((p) => p.trim().length > 0),
          `${where}: no empty paragraph`,
        ).toBe(true);
        expect(step.reveal.trim().length, where).toBeGreaterThan(0);
        expect(step.sources.length, `${where}: sources`).toBeGreaterThan(0);
        for (const source of step.sources) expect(SOURCE_KEYS.has(source), `${where}: unknown source ${source}`).toBe(true);
        expect(step.claims.length, `${where}: claims`).toBeGreaterThan(0);
        expect(step.cursorMs, where).toBeGreaterThanOrEqual(0);
        if (step.prediction !== undefined) {
          expect(step.prediction.question.length, where).toBeGreaterThan(0);
          expect(step.prediction.yes, where).not.toBe(step.prediction.no);
        }
        if (step.action !== undefined) expect(step.action.example.kind, where).toBe(step.action.kind);
      }
    }
    expect(allStepIds.size).toBe(LESSONS.reduce((n, l) => n + l.steps.length, 0));
  });

  it('asks for predictions in at least 6 lessons and actions in at least 3', () => {
    expect(LESSONS.filter((l) => l.steps.some((s) => s.prediction !== undefined)).length).toBeGreaterThanOrEqual(6);
    expect(LESSONS.filter((l) => l.steps.some((s) => s.action !== undefined)).length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(LESSONS.map((l) => [l.number, l.id, l] as const))('lesson %i (%s): every claim holds on the run', (_n, _id, lesson) => {
  it.each(lesson.steps.map((s) => [s.id, s] as const))('%s', (_stepId, step) => {
    const { trace, verdict } = runStep(step);
    expect(failures(step.claims, trace, verdict)).toEqual([]);
    if (step.prediction !== undefined) {
      const answer = evaluateClaim(step.prediction.answer, trace, verdict);
      expect(typeof answer.holds).toBe('boolean');
      expect(answer.actual.length).toBeGreaterThan(0);
    }
  });
});

describe('a lying lesson is caught', () => {
  it('flipping a claim of a step makes it fail, with what the run shows', () => {
    const lesson = LESSONS.find((l) => l.id === 'process-pause');
    const step = lesson?.steps.find((s) => s.id === 'gc-pause-after-acquire');
    if (step === undefined) throw new Error('missing step process-pause/gc-pause-after-acquire');
    const { trace, verdict } = runStep(step);
    const safe = step.claims.find((c) => c.kind === 'safe');
    expect(safe).toEqual({ kind: 'safe', value: false });
    expect(evaluateClaim({ kind: 'safe', value: true }, trace, verdict)).toMatchObject({
      holds: false,
      actual: 'the checker finds the run unsafe',
    });
    // The other claims of the step, each turned into its opposite, fail too.
    expect(evaluateClaim({ kind: 'no-stale-writes' }, trace, verdict).holds).toBe(false);
    expect(evaluateClaim({ kind: 'violation', clients: ['C1', 'C2'] }, trace, verdict).holds).toBe(false);
    expect(evaluateClaim({ kind: 'acquisitions', count: 3 }, trace, verdict)).toMatchObject({ holds: false, actual: '2 acquisitions' });
  });

  it('a step whose action was not taken does not show what its reveal claims', () => {
    const lesson = LESSONS.find((l) => l.id === 'failover');
    const step = lesson?.steps.find((s) => s.id === 'kill-the-master');
    if (step?.action === undefined) throw new Error('missing step failover/kill-the-master with an action');
    const base = stepScenario(step.scenario);
    expect(actionTaken(step.action, base, base)).toBeNull();
    const trace = run(base).trace;
    expect(failures(step.claims, trace, check(trace)).length).toBeGreaterThan(0);
  });
});
