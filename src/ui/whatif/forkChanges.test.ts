import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { differences, withClockRate, withFencingMode, withoutTimelineEntry, withPersistenceAll } from './forkChanges.ts';

function preset(name: string) {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(name);
  return loaded.value;
}

describe('what-if changes', () => {
  it('each change gives a valid scenario and says what changed', () => {
    const base = preset('restart-no-persistence');
    const forks = [
      [withFencingMode(base, 'token'), ['fencing: none → token']],
      [withPersistenceAll(base, 'aof-always'), base.nodes.map((n) => `${n.id} persistence: none → aof-always`)],
      [withoutTimelineEntry(base, base.timeline.length - 1), [`without ${base.timeline.at(-1)?.kind} at ${base.timeline.at(-1)?.atMs} ms`]],
      [withClockRate(base, 'C1', 1.05), ['C1 clock rate: 1 → 1.05']],
    ] as const;
    for (const [fork, expected] of forks) {
      expect(parseScenario(fork).ok).toBe(true);
      expect(differences(base, fork)).toEqual(expected);
    }
    expect(differences(base, base)).toEqual([]);
  });

  it('refuses a process or entry that is not there', () => {
    const base = preset('happy-path');
    expect(() => withClockRate(base, 'Z', 2)).toThrow('no process Z');
    expect(() => withoutTimelineEntry(base, 0)).toThrow('no timeline entry 0');
  });
});
