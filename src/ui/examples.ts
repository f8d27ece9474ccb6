import { DEFAULT_PRESET_NAME, PRESETS } from '../scenario/presets/index.ts';

/**
 * What the scenario picker offers: the preset library (the classic scenarios S1–S12 and the
 * default busy Redlock run), then the raw-command examples of docs/examples. Inputs are raw
 * JSON here; the store validates each one before running it.
 */
const files = import.meta.glob('../../docs/examples/*.json', { eager: true, import: 'default' });

export interface Example {
  id: string;
  group: 'Presets' | 'Raw-command examples';
  title: string;
  input: unknown;
}

export const DEFAULT_EXAMPLE_ID = DEFAULT_PRESET_NAME;

export const EXAMPLES: Example[] = [
  ...PRESETS.map((p) => ({ id: p.name, group: 'Presets' as const, title: `${p.title} (${p.source})`, input: p.scenario })),
  ...Object.entries(files)
    .map(([path, input]) => {
      const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
      return { id, group: 'Raw-command examples' as const, title: titleOf(input, id), input };
    })
    .sort((a, b) => a.id.localeCompare(b.id)),
];

function titleOf(input: unknown, fallback: string): string {
  const name = (input as { name?: unknown }).name;
  return typeof name === 'string' ? name : fallback;
}
