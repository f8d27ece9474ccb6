import { describe, expect, it } from 'vitest';
import { memoryStorage } from './testing/memoryStorage.ts';
import { FIXTURE_LESSONS } from './testing/fixtureLessons.ts';
import {
  isStepDone,
  loadProgress,
  PROGRESS_KEY,
  parseProgress,
  type ProgressStorage,
  saveProgress,
  serializeProgress,
  stepsDone,
  withStepDone,
} from './progress.ts';

describe('stored lesson progress', () => {
  it('round-trips what the learner completed', () => {
    const progress = withStepDone(withStepDone({}, 'failover', 'setup'), 'failover', 'kill');
    expect(parseProgress(serializeProgress(progress))).toEqual({ failover: ['setup', 'kill'] });
  });

  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['text that is not JSON', '{"failover": ['],
    ['a list', '["setup"]'],
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"failover"'],
  ])('reads %s as no progress, without throwing', (_, text) => {
    expect(parseProgress(text)).toEqual({});
  });

  it('keeps the entries it can read and drops the others', () => {
    const text = JSON.stringify({
      failover: ['setup', 7, null, 'setup', '', { x: 1 }, 'kill'],
      fencing: 'token',
      empty: [],
      nested: { steps: ['a'] },
      ['x'.repeat(101)]: ['a'],
      long: ['y'.repeat(101), 'ok'],
    });
    expect(parseProgress(text)).toEqual({ failover: ['setup', 'kill'], long: ['ok'] });
  });

  it('caps a value that grew without bound', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`l${i}`, Array.from({ length: 500 }, (_, j) => `s${j}`)]));
    const progress = parseProgress(JSON.stringify(many));
    expect(Object.keys(progress)).toHaveLength(200);
    expect(progress.l0).toHaveLength(200);
  });

  it('counts only steps the lesson still has', () => {
    const lesson = FIXTURE_LESSONS[0];
    if (lesson === undefined) throw new Error('fixture');
    const progress = { failover: ['kill', 'a-step-since-removed'] };
    expect(stepsDone(progress, lesson)).toBe(1);
    expect(isStepDone(progress, 'failover', 'kill')).toBe(true);
    expect(isStepDone(progress, 'failover', 'setup')).toBe(false);
    expect(isStepDone(progress, 'fencing', 'kill')).toBe(false);
  });

  it('marking a step done twice changes nothing (same object, nothing to save)', () => {
    const once = withStepDone({}, 'a', 'b');
    expect(withStepDone(once, 'a', 'b')).toBe(once);
  });

  it('loads and saves under its key; tampered storage reads as none', () => {
    const storage = memoryStorage();
    saveProgress(storage, { failover: ['setup'] });
    expect(JSON.parse(storage.data[PROGRESS_KEY] ?? '')).toEqual({ failover: ['setup'] });
    expect(loadProgress(storage)).toEqual({ failover: ['setup'] });
    expect(loadProgress(memoryStorage({ [PROGRESS_KEY]: '<html>' }))).toEqual({});
    expect(loadProgress(null)).toEqual({});
  });

  it('survives a storage that throws (a sandboxed iframe, a full quota)', () => {
    const hostile: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadProgress(hostile)).toEqual({});
    expect(() => saveProgress(hostile, { a: ['b'] })).not.toThrow();
  });
});
