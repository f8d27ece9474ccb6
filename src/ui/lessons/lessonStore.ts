import { createStore } from 'zustand/vanilla';
import type { Lesson } from '../../lessons/model.ts';
import { actionTaken, stepScenario } from '../../lessons/stepScenario.ts';
import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { Answer } from './claimText.ts';
import { findStep, initialPhase, nextPosition, type Phase, phaseAfterAction, previousPosition, stepOrigin } from './lessonFlow.ts';
import type { LessonPosition } from './lessonLink.ts';
import { isStepDone, loadProgress, type Progress, type ProgressStorage, saveProgress, withStepDone } from './progress.ts';

/**
 * The lesson player's state, bound to the playground store: which step is open, how far the
 * learner is in it, their prediction, and what they have completed (kept in storage). A
 * step's scenario is opened in the playground as a document of its own; the learner's action
 * is read off the playground's scenario (a fault they injected), never reported by a view.
 */
export interface LessonState {
  lessons: readonly Lesson[];
  /** The lesson drawer is shown. */
  open: boolean;
  /** The open step, or null before any. */
  at: LessonPosition | null;
  phase: Phase;
  prediction: Answer | null;
  /** The timeline entry that satisfied the step's action, once taken. */
  taken: TimelineEntry | null;
  /** The scenario the step opened (what the learner's action is compared with). */
  base: Scenario | null;
  /** The playground's name for the step's scenario ("lesson 2.3"): if it shows something else, the learner has left the step. */
  origin: string | null;
  progress: Progress;
  /** Why the last step could not be opened, or null. */
  error: string | null;

  setOpen(open: boolean): void;
  /** Opens a step in the playground. Returns an error message, or null. */
  openStep(at: LessonPosition): string | null;
  /** Opens the current step again from the start (its scenario, cursor and phase). */
  reopen(): void;
  /** Injects the action's example ("Show me"). */
  showMe(): void;
  predict(answer: Answer): void;
  /** Reveals without a prediction (presenter mode: the room answers). */
  reveal(): void;
  /** Next step; only once this one is revealed (or was completed before). */
  next(): void;
  back(): void;
  /** One press of PageDown in presenter mode: do the action, reveal, or go on to the next step. */
  advance(): void;
}

export type LessonStore = ReturnType<typeof createLessonStore>;

/** Whether Next is available: the step is revealed now, or the learner completed it before. */
export function canGoNext(s: Pick<LessonState, 'lessons' | 'at' | 'phase' | 'progress'>): boolean {
  if (s.at === null || nextPosition(s.lessons, s.at) === null) return false;
  const found = findStep(s.lessons, s.at);
  if (found === null) return false;
  return s.phase === 'revealed' || isStepDone(s.progress, found.lesson.id, found.step.id);
}

export function createLessonStore(playground: PlaygroundStore, lessons: readonly Lesson[], storage: ProgressStorage | null) {
  return createStore<LessonState>()((set, get) => {
    /** Records the current step as done once it is revealed (and saves). */
    const phaseTo = (phase: Phase, extra: Partial<LessonState> = {}) => {
      const { progress } = get();
      const at = extra.at ?? get().at;
      const found = at === null ? null : findStep(lessons, at);
      let nextProgress = progress;
      if (phase === 'revealed' && found !== null) {
        nextProgress = withStepDone(progress, found.lesson.id, found.step.id);
        if (nextProgress !== progress) saveProgress(storage, nextProgress);
      }
      set({ ...extra, phase, progress: nextProgress });
    };
    const current = () => {
      const { at } = get();
      return at === null ? null : findStep(lessons, at);
    };
    // The learner's action: a fault they added to the step's scenario that does what the step asks.
    playground.subscribe((p, prev) => {
      if (p.scenario === prev.scenario || p.scenario === null) return;
      const { phase, base } = get();
      const step = current()?.step;
      if (phase !== 'act' || base === null || step?.action === undefined) return;
      const taken = actionTaken(step.action, base, p.scenario);
      if (taken !== null) phaseTo(phaseAfterAction(step), { taken });
    });
    return {
      lessons,
      open: false,
      at: null,
      phase: 'revealed',
      prediction: null,
      taken: null,
      base: null,
      origin: null,
      progress: loadProgress(storage),
      error: null,

      setOpen: (open) => set({ open }),
      openStep: (at) => {
        const found = findStep(lessons, at);
        if (found === null) return `there is no step ${at.stepIndex + 1} in lesson "${at.lessonId}"`;
        const { lesson, step } = found;
        const origin = stepOrigin(lesson, at.stepIndex);
        let scenario: Scenario;
        try {
          scenario = stepScenario(step.scenario);
        } catch (e) {
          const error = `this step's scenario could not be built: ${e instanceof Error ? e.message : String(e)}`;
          set({ error });
          return error;
        }
        // While the playground switches, nothing it does counts as the current step's action.
        const before = get().base;
        set({ base: null });
        const p = playground.getState();
        const failed = p.openDocument(scenario, origin, step.cursorMs);
        if (failed !== null) {
          const error = `this step's scenario could not be run: ${failed}`;
          set({ base: before, error });
          return error;
        }
        if (step.select !== undefined) p.select(step.select);
        const highlights = step.highlights ?? [];
        if (highlights.includes('statechart')) p.setPanel('statechart');
        else if (highlights.includes('faults')) p.setPanel('faults');
        phaseTo(initialPhase(step), {
          open: true,
          at: { lessonId: lesson.id, stepIndex: at.stepIndex },
          prediction: null,
          taken: null,
          base: playground.getState().scenario,
          origin,
          error: null,
        });
        return null;
      },
      reopen: () => {
        const { at } = get();
        if (at !== null) get().openStep(at);
      },
      showMe: () => {
        const found = current();
        if (found?.step.action === undefined || get().phase !== 'act') return;
        playground.getState().injectFault(found.step.action.example);
      },
      predict: (answer) => {
        if (get().phase !== 'predict' || current()?.step.prediction === undefined) return;
        phaseTo('revealed', { prediction: answer });
      },
      reveal: () => {
        if (get().phase === 'predict') phaseTo('revealed', { prediction: null });
      },
      next: () => {
        const s = get();
        if (s.at === null || !canGoNext(s)) return;
        const to = nextPosition(lessons, s.at);
        if (to !== null) s.openStep(to);
      },
      back: () => {
        const s = get();
        const to = s.at === null ? null : previousPosition(lessons, s.at);
        if (to !== null) s.openStep(to);
      },
      advance: () => {
        const s = get();
        if (s.at === null) return;
        if (s.phase === 'act') s.showMe();
        else if (s.phase === 'predict') s.reveal();
        else s.next();
      },
    };
  });
}
