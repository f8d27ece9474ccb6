import { describe, expect, it } from 'vitest';
import { draftFollowing, draftTyped, freshDraft, isEdited } from './jsonDraft.ts';

describe('the JSON draft', () => {
  it('follows the scenario while the user has not typed', () => {
    const d = freshDraft('{"seed": 1}');
    const next = draftFollowing(d, '{"seed": 2}');
    expect(next).toEqual({ base: '{"seed": 2}', text: '{"seed": 2}', outdated: false });
  });

  it('keeps the user’s text when the scenario changes under it, and says so', () => {
    const typed = draftTyped(freshDraft('{"seed": 1}'), '{"seed": 99}');
    expect(isEdited(typed)).toBe(true);
    const next = draftFollowing(typed, '{"seed": 2}');
    expect(next.text).toBe('{"seed": 99}');
    expect(next.outdated).toBe(true);
    expect(draftFollowing(next, '{"seed": 2}')).toBe(next);
  });
});
