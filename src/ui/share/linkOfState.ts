import { encodeLink } from '../../scenario/link/encodeLink.ts';
import type { PlaygroundState } from '../store/playgroundStore.ts';

/** The link fragment for what the user sees now: the scenario as edited, the cursor, the view. Null before a run. */
export function linkOfState(s: Pick<PlaygroundState, 'scenario' | 'cursor' | 'selected' | 'panel'>): string | null {
  if (s.scenario === null) return null;
  return encodeLink({ scenario: s.scenario, cursorMs: Math.round(s.cursor.t), view: { selected: s.selected, panel: s.panel } });
}

/** The page's address with `fragment` as its hash (any previous hash replaced). */
export function urlWithFragment(href: string, fragment: string): string {
  const i = href.indexOf('#');
  return `${i < 0 ? href : href.slice(0, i)}#${fragment}`;
}
