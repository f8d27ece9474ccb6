import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/presets/index.ts';

describe('preset summaries (the gallery cards’ one line)', () => {
  it('every preset has a one-line summary of 20–110 characters', () => {
    for (const p of PRESETS) {
      expect(p.summary.length, p.name).toBeGreaterThanOrEqual(20);
      expect(p.summary.length, p.name).toBeLessThanOrEqual(110);
      expect(p.summary, p.name).not.toMatch(/\n/);
      expect(p.summary.trim(), p.name).toBe(p.summary);
    }
  });

  it('no two presets share a summary', () => {
    const summaries = PRESETS.map((p) => p.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });
});
