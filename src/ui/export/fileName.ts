import type { Scenario } from '../../sim/model/scenario.ts';

/** Longest slug kept from a name, so a long scenario name still gives a usable file name. */
const SLUG_CHARS_MAX = 80;

/**
 * A download's file name from the scenario's name: lower case, accents dropped, anything
 * but letters and digits turned into single dashes, then the suffix.
 * "Failover loses the lock (S8)" + "timeline.svg" → "failover-loses-the-lock-s8.timeline.svg".
 */
export function fileNameFor(scenario: Pick<Scenario, 'name'>, suffix: string): string {
  const slug = scenario.name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, SLUG_CHARS_MAX)
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'scenario' : slug}.${suffix}`;
}
