import { openLink } from '../share/openLink.ts';
import { urlWithFragment } from '../share/linkOfState.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { formatLessonLink, isLessonLink, parseLessonLink } from './lessonLink.ts';
import type { LessonState, LessonStore } from './lessonStore.ts';

/**
 * Opens what a page fragment (without '#') points at: a lesson step (`lesson=…`) or a shared
 * scenario (`v1.…`). A lesson link that names no lesson or step shows the link banner with
 * the reason, over the scenario that was there. Returns whether something was opened.
 */
export function openFragment(playground: PlaygroundStore, lessons: LessonStore, fragment: string): boolean {
  if (!isLessonLink(fragment)) return openLink(playground, fragment);
  const parsed = parseLessonLink(fragment, lessons.getState().lessons);
  if (!parsed.ok) {
    playground.getState().setLinkError(parsed.message);
    return false;
  }
  const error = lessons.getState().openStep(parsed);
  playground.getState().setLinkError(error);
  return error === null;
}

/** The fragment the address should show for the lesson state: its step's link while the player is open, else none of ours. */
export function lessonFragment(s: Pick<LessonState, 'open' | 'at'>): string | null {
  return s.open && s.at !== null ? formatLessonLink(s.at) : null;
}

/**
 * Keeps the address on the learner's step (history.replaceState: no history entry per step,
 * and no hashchange). Closing the player takes the lesson link off the address; any other
 * fragment (a scenario link someone copied) is left alone.
 */
export function syncLessonAddress(lessons: LessonStore): () => void {
  return lessons.subscribe((s, prev) => {
    if (s.open === prev.open && s.at === prev.at) return;
    const fragment = lessonFragment(s);
    const { href, pathname, search, hash } = window.location;
    if (fragment !== null) {
      if (hash !== `#${fragment}`) window.history.replaceState(null, '', urlWithFragment(href, fragment));
    } else if (isLessonLink(hash.slice(1))) {
      window.history.replaceState(null, '', pathname + search);
    }
  });
}
