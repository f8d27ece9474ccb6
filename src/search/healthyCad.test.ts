import { describe, expect, it } from 'vitest';
import { searchChunk } from './search.ts';
import { parseSearchSpec } from './spec.ts';

/** The correct single-instance lock on a healthy network: nothing to find. Its own file so it runs beside the others. */
describe('counterexample search on a correct lock', () => {
  it('SET NX PX with compare-and-delete, no faults: no counterexample in 100,000 runs', () => {
    const parsed = parseSearchSpec({ strategy: 'set-nx-px-cad', faults: { kinds: [] }, runs: 100_000, seed: 1 });
    if (!parsed.ok) throw new Error(parsed.error);
    const result = searchChunk(parsed.spec, 0, parsed.spec.runs);
    expect(result.found).toBeNull();
    expect(result.runs).toBe(100_000);
  }, 600_000);
});
