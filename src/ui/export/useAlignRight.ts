import { type RefObject, useLayoutEffect, useState } from 'react';

/** Room kept between a popup and the window's right edge, px. */
const EDGE_PX = 8;

/**
 * Whether a popup hung under `anchor` (left-aligned) would run past the window's right edge,
 * so it should hang to the left instead: measured each time it is shown or its content changes.
 */
export function useAlignRight(anchor: RefObject<HTMLElement | null>, popup: RefObject<HTMLElement | null>, shownFor: unknown): boolean {
  const [alignRight, setAlignRight] = useState(false);
  useLayoutEffect(() => {
    if (shownFor === null || shownFor === false || anchor.current === null || popup.current === null) return;
    const left = anchor.current.getBoundingClientRect().left;
    setAlignRight(left + popup.current.offsetWidth > document.documentElement.clientWidth - EDGE_PX);
  }, [anchor, popup, shownFor]);
  return alignRight;
}
