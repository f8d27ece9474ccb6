import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { formatLessonLink, parseLessonLink } from './lessonLink.ts';
import { LESSONS } from './lessonIndex.ts';
import { createLessonStore } from './lessonStore.ts';
import { sourceInfo } from './sources.ts';

/** The course as the page gets it: every step opens in the player, has a link, and cites sources the legend explains. */
describe('the lessons the page offers', () => {
  it('has ten lessons with unique ids and step ids (progress is kept by id)', () => {
    expect(LESSONS).toHaveLength(10);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) expect(new Set(lesson.steps.map((s) => s.id)).size, lesson.id).toBe(lesson.steps.length);
  });

  it('every source a step cites is in the legend', () => {
    const cited = new Set(LESSONS.flatMap((l) => l.steps.flatMap((s) => s.sources)));
    const unknown = [...cited].filter((id) => sourceInfo(id).url === null);
    expect(unknown).toEqual([]);
  });

  it('every step opens in the player from its own link', () => {
    const playground = createPlaygroundStore('busy-redlock');
    const lessons = createLessonStore(playground, LESSONS, null);
    for (const lesson of LESSONS) {
      lesson.steps.forEach((_, stepIndex) => {
        const link = parseLessonLink(formatLessonLink({ lessonId: lesson.id, stepIndex }), LESSONS);
        expect(link).toEqual({ ok: true, lessonId: lesson.id, stepIndex });
        expect(lessons.getState().openStep({ lessonId: lesson.id, stepIndex }), `${lesson.id}/${stepIndex + 1}`).toBeNull();
      });
    }
  });
});
