import { type MouseEvent, useEffect } from 'react';
import { useStore } from 'zustand';
import { PlaybackBar } from '../controls/PlaybackBar.tsx';
import { keyInputOf, shortcutFor } from '../keyboard.ts';
import { LinkErrorBanner } from '../share/LinkErrorBanner.tsx';
import { linkOfState } from '../share/linkOfState.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { highlightsOf } from './highlights.ts';
import { formatLessonLink } from './lessonLink.ts';
import { LessonStepView } from './LessonStepView.tsx';
import type { LessonStore } from './lessonStore.ts';
import { fullPageUrl } from './pageMode.ts';
import './lessons.css';

/**
 * The embedded page (`?embed`, in an iframe of a slide or a blog post): the playback bar and
 * the timeline, and for a lesson link the step in a narrow column with Back / Next. No top
 * bar, no editor. "Open in the playground" opens the full page on what is shown now: the
 * lesson step, or the scenario (as the reader may have changed it) at the cursor.
 */
export function EmbedView({ store, lessons }: { store: PlaygroundStore; lessons: LessonStore }) {
  const run = useStore(store, (s) => s.run);
  const error = useStore(store, (s) => s.error);
  const at = useStore(lessons, (s) => s.at);
  const highlights = highlightsOf(lessons.getState().lessons, at);
  useEffect(() => {
    document.documentElement.dataset.embed = '';
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const shortcut = shortcutFor(keyInputOf(e));
      if (shortcut === null) return;
      e.preventDefault();
      shortcut(store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.embed;
    };
  }, [store]);
  const fragment = () => (at !== null ? formatLessonLink(at) : (linkOfState(store.getState()) ?? ''));
  // The address is computed when the link is used, so it carries the moment the reader is looking at.
  const refresh = (e: MouseEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = fullPageUrl(window.location, fragment());
  };
  return (
    <main
      className={`app embed${at !== null ? ' embed-lesson' : ''}`}
      data-highlight={highlights.length === 0 ? undefined : highlights.join(' ')}
    >
      <LinkErrorBanner store={store} />
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <header className="embed-bar">
        {run !== null && <PlaybackBar store={store} />}
        <a
          className="embed-open"
          href={fullPageUrl(window.location, window.location.hash.slice(1))}
          target="_blank"
          rel="noreferrer"
          onMouseDown={refresh}
          onFocus={(e) => {
            e.currentTarget.href = fullPageUrl(window.location, fragment());
          }}
          onClick={refresh}
          data-testid="embed-open"
        >
          Open in the playground ↗
        </a>
      </header>
      <div className="embed-body">
        <section className="panel timeline-panel" aria-label="Timeline">
          <Timeline store={store} />
        </section>
        {at !== null && (
          <aside className="panel embed-step lesson-host" aria-label="Lesson step" data-testid="lesson-panel">
            <LessonStepView playground={store} lessons={lessons} compact />
          </aside>
        )}
      </div>
    </main>
  );
}
