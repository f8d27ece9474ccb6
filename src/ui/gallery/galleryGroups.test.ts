import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/presets/index.ts';
import { GALLERY_GROUPS, groupPresets, OTHER_GROUP_TITLE } from './galleryGroups.ts';

describe('groupPresets', () => {
  it('puts every preset in exactly one themed group, none left for "More"', () => {
    const groups = groupPresets(PRESETS);
    expect(groups.map((g) => g.title)).toEqual(GALLERY_GROUPS.map((g) => g.title));
    const placed = groups.flatMap((g) => g.presets.map((p) => p.name));
    expect([...placed].sort()).toEqual(PRESETS.map((p) => p.name).sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('names only presets that exist', () => {
    const names = new Set(PRESETS.map((p) => p.name));
    for (const g of GALLERY_GROUPS) for (const name of g.presets) expect(names.has(name), name).toBe(true);
  });

  it('shows a preset without a group under "More" rather than hiding it, and drops empty groups', () => {
    const groups = groupPresets([{ name: 'happy-path' }, { name: 'brand-new' }]);
    expect(groups).toEqual([
      { title: 'Redlock basics', presets: [{ name: 'happy-path' }] },
      { title: OTHER_GROUP_TITLE, presets: [{ name: 'brand-new' }] },
    ]);
  });
});
