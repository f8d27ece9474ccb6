import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.ts';

/** The example scenarios shipped in docs/examples, plus the default, by file name. */
const files = import.meta.glob('../../docs/examples/*.json', { eager: true, import: 'default' });

export interface Example {
  id: string;
  input: unknown;
}

export const EXAMPLES: Example[] = [
  { id: 'default', input: DEFAULT_SCENARIO },
  ...Object.entries(files)
    .map(([path, input]) => ({ id: path.replace(/^.*\//, '').replace(/\.json$/, ''), input }))
    .filter((e) => e.id !== 'failover-raw')
    .sort((a, b) => a.id.localeCompare(b.id)),
];
