import { describe, expect, it } from 'vitest';
import { formatLessonLink, isLessonLink, parseLessonLink } from './lessonLink.ts';
import { FIXTURE_LESSONS } from './testing/fixtureLessons.ts';

describe('lesson links (#lesson=<id>/<step>)', () => {
  it('formats a step as its 1-based number and reads it back', () => {
    const link = formatLessonLink({ lessonId: 'fencing', stepIndex: 2 });
    expect(link).toBe('lesson=fencing/3');
    expect(parseLessonLink(link, FIXTURE_LESSONS)).toEqual({ ok: true, lessonId: 'fencing', stepIndex: 2 });
  });

  it('opens the first step when the link names only the lesson', () => {
    expect(parseLessonLink('lesson=failover', FIXTURE_LESSONS)).toEqual({ ok: true, lessonId: 'failover', stepIndex: 0 });
    expect(parseLessonLink('lesson=failover/', FIXTURE_LESSONS)).toMatchObject({ ok: false });
  });

  it('tells lesson links from scenario links by their prefix', () => {
    expect(isLessonLink('lesson=failover/2')).toBe(true);
    expect(isLessonLink('v1.abc')).toBe(false);
    expect(isLessonLink('')).toBe(false);
    expect(isLessonLink('lessons=x')).toBe(false);
  });

  it('names the lessons there are when the link names none of them', () => {
    const r = parseLessonLink('lesson=raft/1', FIXTURE_LESSONS);
    expect(r).toEqual({ ok: false, message: 'there is no lesson named "raft"; lessons: failover, fencing.' });
    expect(parseLessonLink('lesson=', FIXTURE_LESSONS)).toEqual({
      ok: false,
      message: 'this lesson link names no lesson; lessons: failover, fencing.',
    });
  });

  it.each(['0', '4', '99', 'x', '1.5', '-1', '2e0', '00003x', '12345'])(
    'refuses step "%s" of a three-step lesson, saying which exist',
    (step) => {
      const r = parseLessonLink(`lesson=fencing/${step}`, FIXTURE_LESSONS);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('lesson "fencing" has steps 1 to 3; there is no step');
    },
  );

  it('keeps a hostile name short in the message', () => {
    const r = parseLessonLink(`lesson=${'a'.repeat(5000)}/1`, FIXTURE_LESSONS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(200);
  });

  it('escapes an id that would not survive in a fragment', () => {
    expect(formatLessonLink({ lessonId: 'a b/c', stepIndex: 0 })).toBe('lesson=a%20b%2Fc/1');
  });
});
