import { type RefObject, useCallback } from 'react';
import type { TimelineEntry } from '../../sim/model/scenario.ts';

/**
 * Wraps a card's fault action so keyboard focus is not lost: a fault re-runs the scenario and
 * may remove the very button that was pressed ("kill" once the node is down), so focus
 * returns to the card itself.
 */
export function useFocusAfterFault(
  onFault: (entry: TimelineEntry) => void,
  card: RefObject<HTMLButtonElement | null>,
): (entry: TimelineEntry) => void {
  return useCallback(
    (entry: TimelineEntry) => {
      onFault(entry);
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active === null || active === document.body) card.current?.focus();
      });
    },
    [onFault, card],
  );
}
