import type { Lesson } from '../../lessons/model.ts';

/**
 * A lesson step's link: `#lesson=<lesson id>/<step number>` (1-based), e.g.
 * `#lesson=failover/2`. Scenario links start with `v1.`; the page tells them apart by prefix.
 */
export const LESSON_LINK_PREFIX = 'lesson=';

export interface LessonPosition {
  lessonId: string;
  /** 0-based. */
  stepIndex: number;
}

export type LessonLinkResult = ({ ok: true } & LessonPosition) | { ok: false; message: string };

/** Whether a fragment (without '#') is a lesson link rather than a scenario link. */
export function isLessonLink(fragment: string): boolean {
  return fragment.trim().startsWith(LESSON_LINK_PREFIX);
}

export function formatLessonLink(position: LessonPosition): string {
  return `${LESSON_LINK_PREFIX}${encodeURIComponent(position.lessonId)}/${position.stepIndex + 1}`;
}

const lessonList = (lessons: readonly Lesson[]) => (lessons.length === 0 ? '(none)' : lessons.map((l) => l.id).join(', '));

/**
 * The step a lesson link (fragment without '#', already percent-decoded) points at, or what
 * is wrong with it. Without a step number it is the lesson's first step.
 */
export function parseLessonLink(fragment: string, lessons: readonly Lesson[]): LessonLinkResult {
  const body = fragment.trim().slice(LESSON_LINK_PREFIX.length);
  const slash = body.lastIndexOf('/');
  const lessonId = slash < 0 ? body : body.slice(0, slash);
  const stepText = slash < 0 ? '1' : body.slice(slash + 1);
  if (lessonId === '') return { ok: false, message: `this lesson link names no lesson; lessons: ${lessonList(lessons)}.` };
  const lesson = lessons.find((l) => l.id === lessonId);
  if (lesson === undefined) {
    return { ok: false, message: `there is no lesson named "${lessonId.slice(0, 80)}"; lessons: ${lessonList(lessons)}.` };
  }
  const count = lesson.steps.length;
  const step = /^[0-9]{1,4}$/.test(stepText) ? Number(stepText) : Number.NaN;
  if (!Number.isInteger(step) || step < 1 || step > count) {
    return {
      ok: false,
      message: `lesson "${lesson.id}" has ${count === 1 ? 'one step' : `steps 1 to ${count}`}; there is no step "${stepText.slice(0, 20)}".`,
    };
  }
  return { ok: true, lessonId: lesson.id, stepIndex: step - 1 };
}
