import type { Preset } from '../../scenario/presets/index.ts';

type Searchable = Pick<Preset, 'name' | 'title' | 'summary' | 'source'>;

/** "s7", "S10", "s7a": a word that names a spec scenario. */
const S_NUMBER = /^s\d+[a-z]?$/;

/**
 * Whether a word names this preset's spec scenario: "S1" is S1 and not S10 or S12, but "S7"
 * is each of S7a–S7d (cases of one scenario).
 */
function matchesSource(source: string, word: string): boolean {
  const s = source.toLowerCase();
  return s === word || (s.startsWith(word) && /^[a-z]$/.test(s.slice(word.length)));
}

/**
 * Whether a preset matches what was typed in the filter box: every word must match, in any
 * case. A word like "S7" matches the S-number; any other word must appear in the title, the
 * summary or the name ("clock jump" needs both words). An empty filter matches everything.
 */
export function matchesFilter(preset: Searchable, query: string): boolean {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const text = `${preset.title}\n${preset.summary}\n${preset.name}`.toLowerCase();
  return words.every((w) => (S_NUMBER.test(w) ? matchesSource(preset.source, w) : text.includes(w)));
}

export function filterPresets<P extends Searchable>(presets: readonly P[], query: string): P[] {
  return presets.filter((p) => matchesFilter(p, query));
}
