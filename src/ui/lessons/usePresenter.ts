import { useEffect, useState } from 'react';
import { keyInputOf } from '../keyboard.ts';
import { isLessonKey } from './highlights.ts';
import type { LessonStore } from './lessonStore.ts';
import { searchWithFlag } from './pageMode.ts';

/**
 * Presenter mode: `data-present` on the document (the presenter palette and type sizes in
 * styles.css), `?present` kept in the address so a reload stays in it, and PageDown / PageUp
 * step through the open lesson (a clicker's keys): PageDown does the step's action, then
 * reveals, then goes on; PageUp goes back a step.
 */
export function usePresenter(lessons: LessonStore, initial: boolean): [boolean, (on: boolean) => void] {
  const [present, setPresent] = useState(initial);
  useEffect(() => {
    const root = document.documentElement;
    if (present) root.dataset.present = '';
    else delete root.dataset.present;
    const { pathname, search, hash } = window.location;
    const wanted = searchWithFlag(search, 'present', present);
    if (wanted !== search) window.history.replaceState(null, '', pathname + wanted + hash);
    return () => {
      delete root.dataset.present;
    };
  }, [present]);
  useEffect(() => {
    if (!present) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const s = lessons.getState();
      if (!s.open || s.at === null) return;
      const key = isLessonKey(keyInputOf(e));
      if (key === null) return;
      e.preventDefault();
      if (key === 'next') s.advance();
      else s.back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [present, lessons]);
  return [present, setPresent];
}
