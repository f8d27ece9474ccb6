import { describe, expect, it } from 'vitest';
import type { Lesson, LessonStep } from '../../lessons/model.ts';
import { highlightsOf, companionFor, isLessonKey } from './highlights.ts';
import { initialPhase, nextPosition, orderedLessons, paragraphs, phaseAfterAction, previousPosition, stepOrigin } from './lessonFlow.ts';
import { FIXTURE_LESSONS } from './testing/fixtureLessons.ts';

const step = (extra: Partial<LessonStep>): LessonStep => ({
  id: 's',
  title: 't',
  text: '',
  sources: [],
  scenario: { preset: 'happy-path' },
  cursorMs: 0,
  reveal: '',
  claims: [],
  ...extra,
});
const action = { prompt: 'p', kind: 'kill-master' as const, example: { atMs: 1, kind: 'kill-master' as const, restartAfterMs: null } };
const prediction = { question: 'q', yes: 'y', no: 'n', answer: { kind: 'no-violation' as const } };

describe('the phases of a step', () => {
  it('acts first, then predicts, then reveals; a step with neither is revealed at once', () => {
    expect(initialPhase(step({ action, prediction }))).toBe('act');
    expect(phaseAfterAction(step({ action, prediction }))).toBe('predict');
    expect(phaseAfterAction(step({ action }))).toBe('revealed');
    expect(initialPhase(step({ prediction }))).toBe('predict');
    expect(initialPhase(step({}))).toBe('revealed');
  });
});

describe('moving through the course', () => {
  it('goes on within a lesson, then to the next lesson by number, then stops', () => {
    expect(nextPosition(FIXTURE_LESSONS, { lessonId: 'failover', stepIndex: 0 })).toEqual({ lessonId: 'failover', stepIndex: 1 });
    expect(nextPosition(FIXTURE_LESSONS, { lessonId: 'failover', stepIndex: 1 })).toEqual({ lessonId: 'fencing', stepIndex: 0 });
    expect(nextPosition(FIXTURE_LESSONS, { lessonId: 'fencing', stepIndex: 2 })).toBeNull();
    expect(nextPosition(FIXTURE_LESSONS, { lessonId: 'nope', stepIndex: 0 })).toBeNull();
  });

  it('orders lessons by their number, not by the list', () => {
    const reversed = [...FIXTURE_LESSONS].reverse();
    expect(orderedLessons(reversed).map((l) => l.id)).toEqual(['failover', 'fencing']);
    expect(nextPosition(reversed, { lessonId: 'failover', stepIndex: 1 })).toEqual({ lessonId: 'fencing', stepIndex: 0 });
  });

  it('goes back within the lesson only', () => {
    expect(previousPosition(FIXTURE_LESSONS, { lessonId: 'fencing', stepIndex: 2 })).toEqual({ lessonId: 'fencing', stepIndex: 1 });
    expect(previousPosition(FIXTURE_LESSONS, { lessonId: 'fencing', stepIndex: 0 })).toBeNull();
  });

  it('names a step’s scenario after the lesson and step numbers', () => {
    const lesson = FIXTURE_LESSONS[1] as Lesson;
    expect(stepOrigin(lesson, 2)).toBe('lesson 2.3');
  });

  it('splits text into paragraphs at blank lines', () => {
    expect(paragraphs('One.\nStill one.\n\n  Two.  \n \n\nThree.')).toEqual(['One.\nStill one.', 'Two.', 'Three.']);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('highlights, the panel under the lesson, and the presenter keys', () => {
  it('outlines what the step points at', () => {
    expect(highlightsOf(FIXTURE_LESSONS, { lessonId: 'failover', stepIndex: 1 })).toEqual(['timeline', 'verdict']);
    expect(highlightsOf(FIXTURE_LESSONS, null)).toEqual([]);
  });

  it('shows the verdict under the lesson, but not while the learner predicts', () => {
    const at = { lessonId: 'failover', stepIndex: 1 };
    expect(companionFor(FIXTURE_LESSONS, at, 'revealed')).toBe('verdict');
    expect(companionFor(FIXTURE_LESSONS, at, 'predict')).toBe('none');
  });

  const key = (k: string, target: { tagName?: string; role?: string | null } = {}, mods = {}) => ({
    key: k,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
    target: { tagName: target.tagName ?? 'BODY', role: target.role ?? null, isContentEditable: false },
  });

  it('PageDown / PageUp step the lesson, except in a field, on a slider (the timeline cursor uses them) or with a modifier', () => {
    expect(isLessonKey(key('PageDown'))).toBe('next');
    expect(isLessonKey(key('PageUp', { tagName: 'BUTTON' }))).toBe('back');
    expect(isLessonKey(key('PageDown', { role: 'slider' }))).toBeNull();
    expect(isLessonKey(key('PageDown', { tagName: 'INPUT' }))).toBeNull();
    expect(isLessonKey(key('PageDown', {}, { shiftKey: true }))).toBeNull();
    expect(isLessonKey(key(' '))).toBeNull();
  });
});
