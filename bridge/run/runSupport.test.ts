import { describe, expect, it } from 'vitest';
import { loadPreset, presetNames } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/sim/model/scenario.ts';
import { type RealCapabilities, unsupportedFeatures } from './runSupport.ts';

/** The default fleet: five masters, and M with replica R under Sentinel S. */
const FLEET: RealCapabilities = {
  nodes: new Map<string, string | null>([
    ['A', null],
    ['B', null],
    ['C', null],
    ['D', null],
    ['E', null],
    ['M', null],
    ['R', 'M'],
  ]),
  nodeClockJump: true,
  managed: true,
  sentinelDownAfterMinMs: 1000,
};

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.value;
}

describe('which scenarios real Redis can replay, and why not', () => {
  it('every preset runs on the default fleet except the two that need what real processes cannot do', () => {
    const refused = Object.fromEntries(
      presetNames()
        .map((name) => [name, unsupportedFeatures(preset(name), 1, FLEET)] as const)
        .filter(([, problems]) => problems.length > 0),
    );
    expect(refused).toEqual({
      'delayed-write': ["at 8990 ms: link-delay C1→storage: the bridge's proxies sit only between clients and nodes"],
      'restart-aof-everysec': [
        'at 900 ms: a power loss of node C (appendfsync everysec) loses up to a second of writes in the simulation; killing a real redis-server loses none (the kernel keeps what it wrote), so this run would not show it',
      ],
    });
  });

  it('a clean shutdown of an everysec node loses nothing in either world, so it runs', () => {
    const s = preset('restart-aof-everysec');
    const clean = { ...s, timeline: s.timeline.map((e) => (e.kind === 'crash-node' ? { ...e, clean: true } : e)) };
    expect(unsupportedFeatures(clean, 1, FLEET)).toEqual([]);
  });

  it('names what the bridge lacks: libfaketime, its own servers, a fast enough Sentinel', () => {
    expect(unsupportedFeatures(preset('clock-jump'), 1, { ...FLEET, nodeClockJump: false })).toEqual([
      'at 1000 ms: a clock jump on node C needs libfaketime under redis-server, which this bridge does not have',
    ]);
    expect(unsupportedFeatures(preset('restart-aof-always'), 1, { ...FLEET, managed: false }).join('\n')).toContain(
      'persistence is set on the existing servers',
    );
    expect(unsupportedFeatures(preset('failover-loses-lock'), 10, { ...FLEET, sentinelDownAfterMinMs: 15_000 }).join('\n')).toMatch(
      /below Sentinel's reliable 15000 ms: run at speed [\d.]+ or less/,
    );
  });
});
