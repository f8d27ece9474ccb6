import type { Lesson } from '../../lessons/model.ts';

/** Which steps of each lesson the learner has completed: lesson id → step ids (order of completion). */
export type Progress = Readonly<Record<string, readonly string[]>>;

/** Where progress is kept in the browser. */
export const PROGRESS_KEY = 'redlock-playground.lessons';

/** Guards against a stored value that is not ours (or grew without bound): at most this many lessons and steps each. */
const LESSONS_MAX = 200;
const STEPS_MAX = 200;
const ID_CHARS_MAX = 100;

const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= ID_CHARS_MAX;

/**
 * Reads stored progress. Anything that is not `{ "<lesson id>": ["<step id>", …] }` is
 * ignored — a whole value that does not parse, or one entry that is not a list of ids — so a
 * stale or tampered value never breaks the page; it only loses what it cannot read.
 */
export function parseProgress(text: string | null): Progress {
  if (text === null || text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const progress: Record<string, string[]> = {};
  for (const [lessonId, steps] of Object.entries(value).slice(0, LESSONS_MAX)) {
    if (!isId(lessonId) || !Array.isArray(steps)) continue;
    const ids = [...new Set(steps.filter(isId))].slice(0, STEPS_MAX);
    if (ids.length > 0) progress[lessonId] = ids;
  }
  return progress;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** The progress with one more step done (the same object when it already was). */
export function withStepDone(progress: Progress, lessonId: string, stepId: string): Progress {
  const done = progress[lessonId] ?? [];
  if (done.includes(stepId)) return progress;
  return { ...progress, [lessonId]: [...done, stepId] };
}

export function isStepDone(progress: Progress, lessonId: string, stepId: string): boolean {
  return progress[lessonId]?.includes(stepId) ?? false;
}

/** How many of the lesson's steps are done (stored ids of steps the lesson no longer has do not count). */
export function stepsDone(progress: Progress, lesson: Lesson): number {
  const done = progress[lesson.id] ?? [];
  return lesson.steps.filter((s) => done.includes(s.id)).length;
}

/** Where progress is read from and written to: localStorage in the page, a map in tests. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Progress from storage; a storage that throws (disabled, sandboxed iframe) reads as none. */
export function loadProgress(storage: ProgressStorage | null): Progress {
  if (storage === null) return {};
  try {
    return parseProgress(storage.getItem(PROGRESS_KEY));
  } catch {
    return {};
  }
}

/** Saves progress; a storage that refuses (full, disabled) is ignored: progress lasts the session. */
export function saveProgress(storage: ProgressStorage | null, progress: Progress): void {
  if (storage === null) return;
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    // not remembered; the lesson still works
  }
}

/** The page's localStorage, or null where reading it throws (sandboxed iframes, some private modes). */
export function browserStorage(): ProgressStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
