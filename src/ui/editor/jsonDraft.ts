import type { Scenario } from '../../sim/model/scenario.ts';

/**
 * The JSON view's text against the scenario it started from. While the user has not typed,
 * the text follows the scenario (an undo, a dragged fault); once they have, their text is
 * kept and marked outdated instead of being overwritten.
 */
export interface JsonDraft {
  /** The pretty-printed scenario the text was last in step with. */
  base: string;
  text: string;
  /** The scenario changed outside the JSON view while the text had edits. */
  outdated: boolean;
}

export function prettyScenario(scenario: Scenario | null): string {
  return scenario === null ? '' : JSON.stringify(scenario, null, 2);
}

export function freshDraft(pretty: string): JsonDraft {
  return { base: pretty, text: pretty, outdated: false };
}

export function isEdited(draft: JsonDraft): boolean {
  return draft.text !== draft.base;
}

/** The draft after the scenario became `pretty` (returns the same draft when nothing changed). */
export function draftFollowing(draft: JsonDraft, pretty: string): JsonDraft {
  if (draft.base === pretty) return draft;
  if (!isEdited(draft)) return freshDraft(pretty);
  return { ...draft, base: pretty, outdated: true };
}

export function draftTyped(draft: JsonDraft, text: string): JsonDraft {
  return { ...draft, text };
}
