import type { Lesson, LessonStep } from '../../lessons/model.ts';
import type { LessonPosition } from './lessonLink.ts';

/**
 * Where a learner is within a step: doing the action it asks for, answering its question,
 * or reading the reveal. A step without an action starts at its question; one with neither
 * is revealed at once.
 */
export type Phase = 'act' | 'predict' | 'revealed';

export function initialPhase(step: LessonStep): Phase {
  if (step.action !== undefined) return 'act';
  if (step.prediction !== undefined) return 'predict';
  return 'revealed';
}

/** The phase once the step's action has been taken. */
export function phaseAfterAction(step: LessonStep): Phase {
  return step.prediction !== undefined ? 'predict' : 'revealed';
}

/** The name the playground gives a step's scenario (its undo history and "reset" use it), e.g. "lesson 3.2". */
export function stepOrigin(lesson: Lesson, stepIndex: number): string {
  return `lesson ${lesson.number}.${stepIndex + 1}`;
}

/** Lessons in table-of-contents order. */
export function orderedLessons(lessons: readonly Lesson[]): Lesson[] {
  return [...lessons].sort((a, b) => a.number - b.number);
}

export function findStep(lessons: readonly Lesson[], at: LessonPosition): { lesson: Lesson; step: LessonStep } | null {
  const lesson = lessons.find((l) => l.id === at.lessonId);
  const step = lesson?.steps[at.stepIndex];
  return lesson === undefined || step === undefined ? null : { lesson, step };
}

/** The step after `at`: the next one of the lesson, else the first of the next lesson, else null. */
export function nextPosition(lessons: readonly Lesson[], at: LessonPosition): LessonPosition | null {
  const ordered = orderedLessons(lessons);
  const i = ordered.findIndex((l) => l.id === at.lessonId);
  const lesson = ordered[i];
  if (lesson === undefined) return null;
  if (at.stepIndex + 1 < lesson.steps.length) return { lessonId: lesson.id, stepIndex: at.stepIndex + 1 };
  const following = ordered.slice(i + 1).find((l) => l.steps.length > 0);
  return following === undefined ? null : { lessonId: following.id, stepIndex: 0 };
}

/** The step before `at` within its lesson, or null on the first step. */
export function previousPosition(lessons: readonly Lesson[], at: LessonPosition): LessonPosition | null {
  return at.stepIndex > 0 && findStep(lessons, at) !== null ? { lessonId: at.lessonId, stepIndex: at.stepIndex - 1 } : null;
}

/** Paragraphs of a step's text (blank lines separate them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
