import type { Highlight, Lesson } from '../../lessons/model.ts';
import { findStep, type Phase } from './lessonFlow.ts';
import type { LessonPosition } from './lessonLink.ts';

/** What shows under the lesson in the right-hand column: the verdict, the details tabs, or nothing. */
export type Companion = 'verdict' | 'details' | 'none';

/** The parts of the screen the open step points at (outlined on the page). */
export function highlightsOf(lessons: readonly Lesson[], at: LessonPosition | null): Highlight[] {
  if (at === null) return [];
  return [...new Set(findStep(lessons, at)?.step.highlights ?? [])];
}

/**
 * The panel a step wants under the lesson: the details tabs when it points at the statechart,
 * else the verdict — and none while the learner predicts (the verdict and the scenario's
 * story would give the answer away).
 */
export function companionFor(lessons: readonly Lesson[], at: LessonPosition | null, phase: Phase): Companion {
  if (phase === 'predict') return 'none';
  return highlightsOf(lessons, at).includes('statechart') ? 'details' : 'verdict';
}

/** Whether a key press may step the lesson (PageDown / PageUp): not while typing, on a slider, or with a modifier. */
export function isLessonKey(k: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: { tagName: string; role: string | null; isContentEditable: boolean };
}): 'next' | 'back' | null {
  if (k.key !== 'PageDown' && k.key !== 'PageUp') return null;
  if (k.shiftKey || k.ctrlKey || k.metaKey || k.altKey) return null;
  const t = k.target;
  if (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return null;
  if (['slider', 'textbox', 'combobox', 'listbox', 'spinbutton', 'scrollbar'].includes(t.role ?? '')) return null;
  return k.key === 'PageDown' ? 'next' : 'back';
}
