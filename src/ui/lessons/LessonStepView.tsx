import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { evaluateClaim, evaluateClaims } from '../../lessons/claims.ts';
import type { Lesson, LessonStep } from '../../lessons/model.ts';
import { describeFault } from '../faults/describeFault.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { claimLine, outcomeSentence, predictionOutcome } from './claimText.ts';
import { findStep, nextPosition, paragraphs } from './lessonFlow.ts';
import { canGoNext, type LessonStore } from './lessonStore.ts';
import { sourceInfo } from './sources.ts';

/**
 * One lesson step: its title and place, the text with its sources, what to do (with "Show
 * me"), the question, and the reveal with every claim of the step checked against the run on
 * screen; Back / Next. `compact` is the embedded page's version (no sources legend).
 */
export function LessonStepView({
  playground,
  lessons,
  compact = false,
  present = false,
}: {
  playground: PlaygroundStore;
  lessons: LessonStore;
  compact?: boolean;
  present?: boolean;
}) {
  const at = useStore(lessons, (s) => s.at);
  const all = useStore(lessons, (s) => s.lessons);
  const found = at === null ? null : findStep(all, at);
  const box = useRef<HTMLElement>(null);
  const phase = useStore(lessons, (s) => s.phase);
  // A new step: from its top; and if the learner was working in the lesson (Next, Back, a key), take them to its title.
  useEffect(() => {
    const el = box.current;
    if (at === null || el === null) return;
    el.closest('.panel')?.scrollTo(0, 0);
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body && el.closest('.lesson-host')?.contains(focused)) {
      el.querySelector<HTMLElement>('#lesson-step-title')?.focus();
    }
  }, [at]);
  // What the learner's move brought up within a step (the question, the reveal) comes into view.
  const seen = useRef<{ at: typeof at; phase: typeof phase }>({ at, phase });
  useEffect(() => {
    const before = seen.current;
    seen.current = { at, phase };
    const el = box.current;
    if (el === null || before.at !== at || before.phase === phase || phase === 'act') return;
    const shown = el.querySelector(phase === 'predict' ? '.lesson-prediction' : '.lesson-reveal');
    const panel = el.closest('.panel');
    if (shown === null || panel === null) return;
    // Its top just under the drawer's sticky header; only the drawer scrolls, never the page.
    const header = panel.querySelector<HTMLElement>('.lesson-head')?.offsetHeight ?? 0;
    const top = shown.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - header - 6;
    panel.scrollTo({ top: Math.max(0, top) });
  }, [at, phase]);
  if (at === null || found === null) return null;
  const { lesson, step } = found;
  return (
    <article ref={box} className={`lesson-step${compact ? ' compact' : ''}`} aria-labelledby="lesson-step-title">
      <p className="lesson-where">
        <span>
          Lesson {lesson.number}: {lesson.title}
        </span>{' '}
        <span className="lesson-counter" data-testid="lesson-counter">
          Step {at.stepIndex + 1} of {lesson.steps.length}
        </span>
      </p>
      <h2 id="lesson-step-title" data-testid="lesson-step-title" tabIndex={-1}>
        {step.title}
      </h2>
      <OffStepNotice playground={playground} lessons={lessons} />
      <div className="lesson-text">
        {paragraphs(step.text).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {step.sources.length > 0 && <Sources ids={step.sources} legend={!compact} />}
      <ActionPrompt playground={playground} lessons={lessons} step={step} />
      <Prediction lessons={lessons} step={step} />
      <Reveal playground={playground} lessons={lessons} step={step} />
      <StepNav lessons={lessons} lesson={lesson} present={present} />
    </article>
  );
}

/** The learner loaded something else (a preset, an undo past the step): the step's results may not apply; offer the step again. */
function OffStepNotice({ playground, lessons }: { playground: PlaygroundStore; lessons: LessonStore }) {
  const exampleId = useStore(playground, (s) => s.exampleId);
  const origin = useStore(lessons, (s) => s.origin);
  if (origin === null || exampleId === origin) return null;
  return (
    <p className="lesson-off-step" role="status">
      The playground now shows another scenario than this step’s; what follows is checked against the run on screen.{' '}
      <button type="button" className="link" onClick={() => lessons.getState().reopen()}>
        Open this step again
      </button>
    </p>
  );
}

function Sources({ ids, legend }: { ids: readonly string[]; legend: boolean }) {
  const infos = ids.map(sourceInfo);
  return (
    <div className="lesson-sources">
      <span className="muted">Sources:</span>{' '}
      {infos.map((s) =>
        s.url === null ? (
          <abbr key={s.id} title={s.title} className="source-key">
            {s.id}
          </abbr>
        ) : (
          <a
            key={s.id}
            href={s.url}
            target="_blank"
            rel="noreferrer"
            title={s.title}
            aria-label={`${s.id}: ${s.title}`}
            className="source-key"
          >
            {s.id}
          </a>
        ),
      )}
      {legend && (
        <details className="lesson-legend">
          <summary>What are these?</summary>
          <dl>
            {infos.map((s) => (
              <div key={s.id}>
                <dt>{s.id}</dt>
                <dd>{s.title}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}

function ActionPrompt({ playground, lessons, step }: { playground: PlaygroundStore; lessons: LessonStore; step: LessonStep }) {
  const phase = useStore(lessons, (s) => s.phase);
  const taken = useStore(lessons, (s) => s.taken);
  const scenario = useStore(playground, (s) => s.scenario);
  const action = step.action;
  if (action === undefined) return null;
  const done = phase !== 'act';
  return (
    <section className={`lesson-action${done ? ' done' : ''}`} data-testid="lesson-action" data-done={done} aria-label="What to do">
      <p>
        <strong>{done ? '✓ ' : 'Your turn: '}</strong>
        {action.prompt}
      </p>
      {!done && (
        <button type="button" onClick={() => lessons.getState().showMe()} aria-label="Show me: do it for me">
          Show me
        </button>
      )}
      {done && taken !== null && scenario !== null && <p className="muted">Done: {describeFault(taken, scenario)}.</p>}
    </section>
  );
}

function Prediction({ lessons, step }: { lessons: LessonStore; step: LessonStep }) {
  const phase = useStore(lessons, (s) => s.phase);
  const chosen = useStore(lessons, (s) => s.prediction);
  const prediction = step.prediction;
  if (prediction === undefined || phase === 'act') return null;
  const asking = phase === 'predict';
  const option = (answer: 'yes' | 'no', text: string) => (
    <button
      type="button"
      className={chosen === answer ? 'chosen' : undefined}
      aria-pressed={chosen === answer}
      disabled={!asking}
      onClick={() => lessons.getState().predict(answer)}
      data-answer={answer}
    >
      {text}
    </button>
  );
  return (
    <fieldset className="lesson-prediction" data-testid="lesson-prediction">
      <legend>
        {asking ? 'Predict before you look: ' : ''}
        {prediction.question}
      </legend>
      <div className="options">
        {option('yes', prediction.yes)}
        {option('no', prediction.no)}
      </div>
    </fieldset>
  );
}

function Reveal({ playground, lessons, step }: { playground: PlaygroundStore; lessons: LessonStore; step: LessonStep }) {
  const phase = useStore(lessons, (s) => s.phase);
  const chosen = useStore(lessons, (s) => s.prediction);
  const run = useStore(playground, (s) => s.run);
  const results = useMemo(() => (run === null ? [] : evaluateClaims(step.claims, run.trace, run.verdict)), [run, step]);
  const outcome = useMemo(
    () =>
      run === null || step.prediction === undefined
        ? null
        : predictionOutcome(step.prediction, evaluateClaim(step.prediction.answer, run.trace, run.verdict), chosen),
    [run, step, chosen],
  );
  if (phase !== 'revealed') return null;
  return (
    <section className="lesson-reveal" data-testid="lesson-reveal" aria-label="What happened" aria-live="polite">
      {outcome !== null && (
        <p className={`lesson-outcome ${outcome.correct === false ? 'wrong' : 'right'}`} data-testid="lesson-outcome">
          {outcomeSentence(outcome)}
        </p>
      )}
      {paragraphs(step.reveal).map((p) => (
        <p key={p}>{p}</p>
      ))}
      {results.length > 0 && (
        <ul className="lesson-claims" aria-label="What the run shows, checked now">
          {results.map((r, i) => {
            const line = claimLine(r);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: claims are a fixed list of the step; two may read alike
              <li key={i} data-testid="claim" data-holds={line.holds} className={line.holds ? 'holds' : 'fails'}>
                <span className="mark" aria-hidden="true">
                  {line.mark}
                </span>{' '}
                <span className="visually-hidden">{line.holds ? 'Holds: ' : 'Does not hold: '}</span>
                {line.text}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function StepNav({ lessons, lesson, present }: { lessons: LessonStore; lesson: Lesson; present: boolean }) {
  const state = useStore(lessons);
  const { at } = state;
  if (at === null) return null;
  const nextAt = nextPosition(state.lessons, at);
  const nextIsLesson = nextAt !== null && nextAt.lessonId !== lesson.id;
  const next = canGoNext(state);
  const last = nextAt === null;
  return (
    <nav className="lesson-nav" aria-label="Lesson steps">
      <button
        type="button"
        onClick={() => state.back()}
        disabled={at.stepIndex === 0}
        aria-keyshortcuts={present ? 'PageUp' : undefined}
        aria-label="Back: the previous step"
      >
        ‹ Back
      </button>
      <span className="lesson-counter" aria-hidden="true">
        {at.stepIndex + 1} / {lesson.steps.length}
      </span>
      <button
        type="button"
        className="primary"
        onClick={() => state.next()}
        disabled={!next}
        aria-keyshortcuts={present ? 'PageDown' : undefined}
        aria-label={last ? 'The end of the course' : nextIsLesson ? 'Next: the next lesson' : 'Next: the next step'}
        title={next || last ? undefined : 'Take the step (and answer its question) first'}
      >
        {last ? 'The end' : nextIsLesson ? 'Next lesson ›' : 'Next ›'}
      </button>
    </nav>
  );
}
