import { describe, expect, it } from 'vitest';
import { memoryStorage } from './testing/memoryStorage.ts';
import { evaluateClaims } from '../../lessons/claims.ts';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { openFragment, lessonFragment } from './lessonRoute.ts';
import { canGoNext, createLessonStore } from './lessonStore.ts';
import { PROGRESS_KEY, type ProgressStorage } from './progress.ts';
import { FIXTURE_LESSONS } from './testing/fixtureLessons.ts';

const setup = (storage: ProgressStorage | null = memoryStorage()) => {
  const playground = createPlaygroundStore('busy-redlock');
  const lessons = createLessonStore(playground, FIXTURE_LESSONS, storage);
  return { playground, lessons };
};

describe('the lesson player, bound to the playground', () => {
  it('opens a step: its scenario as a document of its own, at its cursor, with its process selected', () => {
    const { playground, lessons } = setup();
    expect(lessons.getState().openStep({ lessonId: 'failover', stepIndex: 1 })).toBeNull();
    const p = playground.getState();
    expect(p.exampleId).toBe('lesson 1.2');
    expect(p.scenario?.name).toContain('Master, replica and Sentinel');
    expect(p.cursor.t).toBeLessThanOrEqual(300);
    expect(p.selected).toBe('C2');
    const s = lessons.getState();
    expect(s).toMatchObject({ open: true, at: { lessonId: 'failover', stepIndex: 1 }, phase: 'act', prediction: null, taken: null });
    expect(s.base).toBe(p.scenario);
    // Switching presets to open a step is undoable like any other.
    expect(p.past.at(-1)?.exampleId).toBe('busy-redlock');
  });

  it('moves on only when the learner does what the step asks (read off the scenario), then asks, then reveals', () => {
    const storage = memoryStorage();
    const { playground, lessons } = setup(storage);
    lessons.getState().openStep({ lessonId: 'failover', stepIndex: 1 });
    // Too late: the key has reached the replica by then; not what the step asks.
    playground.getState().injectFault({ atMs: 2000, kind: 'kill-master', restartAfterMs: null });
    expect(lessons.getState().phase).toBe('act');
    // Something else entirely.
    playground.getState().injectFault({ atMs: 300, kind: 'pause-client', client: 'C1', durationMs: 100 });
    expect(lessons.getState().phase).toBe('act');
    expect(canGoNext(lessons.getState())).toBe(false);
    lessons.getState().next();
    expect(lessons.getState().at?.stepIndex).toBe(1);

    playground.getState().injectFault({ atMs: 500, kind: 'kill-master', restartAfterMs: null });
    expect(lessons.getState()).toMatchObject({ phase: 'predict', taken: { atMs: 500, kind: 'kill-master' } });
    expect(storage.data[PROGRESS_KEY]).toBeUndefined();

    lessons.getState().predict('yes');
    expect(lessons.getState()).toMatchObject({ phase: 'revealed', prediction: 'yes' });
    expect(JSON.parse(storage.data[PROGRESS_KEY] ?? '{}')).toEqual({ failover: ['kill'] });
    expect(canGoNext(lessons.getState())).toBe(true);
    // Answering again changes nothing once revealed.
    lessons.getState().predict('no');
    expect(lessons.getState().prediction).toBe('yes');
  });

  it('"Show me" injects the step’s example, which counts as the action', () => {
    const { playground, lessons } = setup();
    lessons.getState().openStep({ lessonId: 'failover', stepIndex: 1 });
    lessons.getState().showMe();
    expect(playground.getState().scenario?.timeline).toContainEqual({ atMs: 300, kind: 'kill-master', restartAfterMs: null });
    expect(lessons.getState().phase).toBe('predict');
    // Not again: the action is done.
    lessons.getState().showMe();
    expect(playground.getState().scenario?.timeline).toHaveLength(1);
  });

  it('a step with an action and no question is revealed by the action; one with neither at once', () => {
    const { lessons } = setup();
    lessons.getState().openStep({ lessonId: 'fencing', stepIndex: 2 });
    expect(lessons.getState().phase).toBe('act');
    lessons.getState().showMe();
    expect(lessons.getState().phase).toBe('revealed');
    lessons.getState().openStep({ lessonId: 'fencing', stepIndex: 1 });
    expect(lessons.getState().phase).toBe('revealed');
    expect(lessons.getState().progress).toEqual({ fencing: ['pause-yourself', 'token'] });
  });

  it('does not take the switch to another step’s scenario for the learner’s action', () => {
    const { lessons } = setup();
    // Step 3 asks for a pause of C1; step 1's scenario has exactly such a pause in it.
    lessons.getState().openStep({ lessonId: 'fencing', stepIndex: 2 });
    lessons.getState().openStep({ lessonId: 'fencing', stepIndex: 0 });
    expect(lessons.getState()).toMatchObject({ phase: 'predict', taken: null });
    expect(lessons.getState().progress).toEqual({});
  });

  it('Next goes on within the lesson and then to the next lesson; Back stays within the lesson', () => {
    const { playground, lessons } = setup();
    const s = () => lessons.getState();
    s().openStep({ lessonId: 'failover', stepIndex: 0 });
    expect(s().phase).toBe('revealed');
    s().next();
    expect(s().at).toEqual({ lessonId: 'failover', stepIndex: 1 });
    s().back();
    expect(s().at).toEqual({ lessonId: 'failover', stepIndex: 0 });
    s().back();
    expect(s().at).toEqual({ lessonId: 'failover', stepIndex: 0 });
    // A step done before may be passed again without redoing it.
    s().next();
    s().showMe();
    s().predict('no');
    s().back();
    s().next();
    expect(s().phase).toBe('act');
    expect(canGoNext(s())).toBe(true);
    s().next();
    expect(s().at).toEqual({ lessonId: 'fencing', stepIndex: 0 });
    expect(playground.getState().exampleId).toBe('lesson 2.1');
    expect(playground.getState().scenario?.fencing).toBe('none');
  });

  it('PageDown in presenter mode: does the action, reveals (no guess), then goes on', () => {
    const { lessons } = setup();
    const s = () => lessons.getState();
    s().openStep({ lessonId: 'failover', stepIndex: 1 });
    s().advance();
    expect(s().phase).toBe('predict');
    s().advance();
    expect(s()).toMatchObject({ phase: 'revealed', prediction: null });
    s().advance();
    expect(s().at).toEqual({ lessonId: 'fencing', stepIndex: 0 });
  });

  it('remembers progress across page loads, and ignores stored garbage', () => {
    const storage = memoryStorage();
    const first = setup(storage).lessons;
    first.getState().openStep({ lessonId: 'fencing', stepIndex: 1 });
    expect(setup(storage).lessons.getState().progress).toEqual({ fencing: ['token'] });
    expect(setup(memoryStorage({ [PROGRESS_KEY]: '{"fencing": 3' })).lessons.getState().progress).toEqual({});
    expect(setup(null).lessons.getState().progress).toEqual({});
  });

  it('refuses a step that does not exist and keeps the current one', () => {
    const { lessons } = setup();
    lessons.getState().openStep({ lessonId: 'failover', stepIndex: 0 });
    expect(lessons.getState().openStep({ lessonId: 'failover', stepIndex: 7 })).toContain('no step 8');
    expect(lessons.getState().at).toEqual({ lessonId: 'failover', stepIndex: 0 });
  });

  it('reports a step whose scenario cannot be built (a broken lesson) instead of throwing', () => {
    const playground = createPlaygroundStore('busy-redlock');
    const broken = [{ ...FIXTURE_LESSONS[0], id: 'broken', steps: [{ ...FIXTURE_LESSONS[0]?.steps[0], scenario: { preset: 'nope' } }] }];
    const lessons = createLessonStore(playground, broken as typeof FIXTURE_LESSONS, null);
    expect(lessons.getState().openStep({ lessonId: 'broken', stepIndex: 0 })).toContain('no preset nope');
    expect(lessons.getState().error).toContain('no preset nope');
    expect(playground.getState().exampleId).toBe('busy-redlock');
  });
});

describe('lesson links on the page', () => {
  it('opens the step a link names and shows the player', () => {
    const { playground, lessons } = setup();
    expect(openFragment(playground, lessons, 'lesson=fencing/2')).toBe(true);
    expect(lessons.getState()).toMatchObject({ open: true, at: { lessonId: 'fencing', stepIndex: 1 } });
    expect(playground.getState().scenario?.fencing).toBe('token');
    expect(playground.getState().linkError).toBeNull();
    expect(lessonFragment(lessons.getState())).toBe('lesson=fencing/2');
    lessons.getState().setOpen(false);
    expect(lessonFragment(lessons.getState())).toBeNull();
  });

  it('a bad lesson link says what is wrong in the link banner and leaves the scenario alone', () => {
    const { playground, lessons } = setup();
    expect(openFragment(playground, lessons, 'lesson=raft/1')).toBe(false);
    expect(playground.getState().linkError).toBe('there is no lesson named "raft"; lessons: failover, fencing.');
    expect(playground.getState().exampleId).toBe('busy-redlock');
    expect(lessons.getState().at).toBeNull();
  });

  it('leaves scenario links (#v1.…) to the scenario link reader', () => {
    const { playground, lessons } = setup();
    expect(openFragment(playground, lessons, 'hello-there')).toBe(false);
    expect(playground.getState().linkError).toContain('not a Redlock Playground scenario link');
    expect(openFragment(playground, lessons, '')).toBe(false);
  });
});

describe('the fallback lessons', () => {
  it('every step opens, and every claim of its text holds on its run (with its example action taken)', () => {
    const { playground, lessons } = setup(null);
    for (const lesson of FIXTURE_LESSONS) {
      lesson.steps.forEach((step, i) => {
        expect(lessons.getState().openStep({ lessonId: lesson.id, stepIndex: i })).toBeNull();
        lessons.getState().showMe();
        const run = playground.getState().run;
        if (run === null) throw new Error(`no run for ${lesson.id}/${i + 1}`);
        const failing = evaluateClaims(step.claims, run.trace, run.verdict).filter((r) => !r.holds);
        expect(failing, `${lesson.id}/${i + 1}`).toEqual([]);
      });
    }
  });
});
