import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/presets/index.ts';
import { filterPresets } from './filterPresets.ts';

const names = (query: string) => filterPresets(PRESETS, query).map((p) => p.name);

describe('filterPresets', () => {
  it('an empty or blank filter shows every preset', () => {
    expect(names('')).toHaveLength(PRESETS.length);
    expect(names('   ')).toHaveLength(PRESETS.length);
  });

  it('an S-number finds its scenario: S1 is not S10 or S12, S7 is each of S7a–S7d', () => {
    expect(names('S1')).toEqual(['happy-path', 'busy-redlock']);
    expect(names('s7')).toEqual(['restart-no-persistence', 'restart-aof-always', 'restart-aof-everysec', 'delayed-restart']);
    expect(names('S7c')).toEqual(['restart-aof-everysec']);
    expect(names('S10')).toEqual(['del-without-owner-check', 'cad-with-owner-check']);
  });

  it('matches words in the title and the summary, in any case, every word', () => {
    expect(names('FAILOVER')).toEqual(['failover-happy-path', 'failover-loses-lock', 'failover-with-wait']);
    // "fsync" appears only in summaries.
    expect(names('fsync')).toEqual(['restart-aof-always', 'restart-aof-everysec']);
    expect(names('failover wait')).toEqual(['failover-with-wait']);
    expect(names('S8 wait')).toEqual(['failover-with-wait']);
  });

  it('finds nothing for a word no preset has', () => {
    expect(names('zookeeper')).toEqual([]);
    expect(names('S99')).toEqual([]);
  });
});
