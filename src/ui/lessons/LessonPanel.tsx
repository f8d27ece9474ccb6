import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { findStep } from './lessonFlow.ts';
import { LessonStepView } from './LessonStepView.tsx';
import type { LessonStore } from './lessonStore.ts';
import { LessonToc } from './LessonToc.tsx';
import './lessons.css';

/**
 * The lesson drawer (it takes the right-hand column; the timeline stays in view): the table
 * of contents, or the open step. "Contents" goes back to the list at any time.
 */
export function LessonPanel({ playground, lessons, present }: { playground: PlaygroundStore; lessons: LessonStore; present: boolean }) {
  const at = useStore(lessons, (s) => s.at);
  const all = useStore(lessons, (s) => s.lessons);
  const error = useStore(lessons, (s) => s.error);
  const [contents, setContents] = useState(at === null);
  const found = at === null ? null : findStep(all, at);
  // A step opened from anywhere (the list, a link, Next) is what the drawer shows.
  useEffect(() => {
    if (at !== null) setContents(false);
  }, [at]);
  const showToc = contents || found === null;
  return (
    <section className="panel lesson-panel lesson-host" aria-label="Lesson" data-testid="lesson-panel">
      <header className="lesson-head">
        <strong>Lessons</strong>
        {found !== null && (
          <button type="button" aria-pressed={showToc} onClick={() => setContents((c) => !c)} aria-label="Table of contents">
            Contents
          </button>
        )}
        <button type="button" className="close" onClick={() => lessons.getState().setOpen(false)} aria-label="Close the lessons">
          ×
        </button>
      </header>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {showToc ? (
        <LessonToc lessons={lessons} onChosen={() => setContents(false)} />
      ) : (
        <LessonStepView playground={playground} lessons={lessons} present={present} />
      )}
    </section>
  );
}
