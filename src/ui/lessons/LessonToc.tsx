import { useStore } from 'zustand';
import { isStepDone, stepsDone } from './progress.ts';
import { orderedLessons } from './lessonFlow.ts';
import type { LessonStore } from './lessonStore.ts';

/**
 * The table of contents: every lesson with its progress ("3/5"). Choosing one opens its first
 * step not yet done (or its first step, when all are).
 */
export function LessonToc({ lessons, onChosen }: { lessons: LessonStore; onChosen: () => void }) {
  const all = useStore(lessons, (s) => s.lessons);
  const progress = useStore(lessons, (s) => s.progress);
  const at = useStore(lessons, (s) => s.at);
  return (
    <nav className="lesson-toc" aria-label="Lessons" data-testid="lesson-toc">
      <ol>
        {orderedLessons(all).map((lesson) => {
          const done = stepsDone(progress, lesson);
          const total = lesson.steps.length;
          const resume = lesson.steps.findIndex((s) => !isStepDone(progress, lesson.id, s.id));
          return (
            <li key={lesson.id} className={done === total && total > 0 ? 'complete' : undefined}>
              <button
                type="button"
                aria-current={at?.lessonId === lesson.id ? 'true' : undefined}
                aria-label={`Lesson ${lesson.number}: ${lesson.title} — ${done} of ${total} steps done`}
                onClick={() => {
                  if (lessons.getState().openStep({ lessonId: lesson.id, stepIndex: Math.max(0, resume) }) === null) onChosen();
                }}
                data-lesson={lesson.id}
              >
                <span className="toc-number">{lesson.number}.</span>
                <span className="toc-title">
                  {lesson.title}
                  <span className="toc-summary">{lesson.summary}</span>
                </span>
                <span className="toc-progress" data-testid="lesson-progress">
                  {done}/{total}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
