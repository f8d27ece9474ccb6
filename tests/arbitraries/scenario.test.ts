import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/scenario/limits.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { COMMAND_NAMES } from '../../src/sim/redis/commands.ts';
import { SCRIPT_NAMES } from '../../src/sim/redis/scripts.ts';
import { type Scenario, TIMELINE_KINDS } from '../../src/sim/model/scenario.ts';
import { DURATION_MS_MAX, mustParse, scenarioInputArb } from './scenario.ts';

/**
 * The scenario arbitrary itself: every document it makes is valid, and together they reach
 * every part of the engine (if a refactoring of the arbitrary silently stopped generating,
 * say, WAIT or partitions, the determinism property would quietly test less).
 */
const SAMPLE_SEED = 0xa1b1;

describe('scenario arbitrary', () => {
  test('every generated document passes parseScenario', () => {
    fc.assert(
      fc.property(scenarioInputArb(), (input) => {
        const result = parseScenario(input);
        if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
        expect(result.value.durationMs).toBeLessThanOrEqual(DURATION_MS_MAX);
      }),
      { seed: SAMPLE_SEED, numRuns: 1_000 },
    );
  });

  test('documents stay valid when runs may last as long as the format allows', () => {
    fc.assert(
      fc.property(scenarioInputArb({ durationMsMax: LIMITS.durationMsMax }), (input) => {
        const result = parseScenario(input);
        if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
      }),
      { seed: SAMPLE_SEED + 2, numRuns: 500 },
    );
  });

  test('a sample covers every topology, clock, network, command and timeline feature', () => {
    const scenarios: Scenario[] = fc.sample(scenarioInputArb(), { seed: SAMPLE_SEED + 1, numRuns: 600 }).map(mustParse);
    const seen = new Set<string>();
    const mark = (feature: string) => seen.add(feature);
    for (const s of scenarios) {
      mark(`nodes:${s.nodes.length}`);
      mark(`clients:${s.clients.length}`);
      mark(s.sentinel === null ? 'sentinel:none' : 'sentinel:set');
      for (const n of s.nodes) {
        mark(`persistence:${n.persistence}`);
        if (n.replicaOf !== undefined) mark('replica');
        if (n.replicaOf !== undefined && s.nodes.findIndex((m) => m.id === n.replicaOf) > s.nodes.indexOf(n))
          mark('replica-listed-before-master');
        if (n.hz !== 10) mark('hz:other');
        if (n.restartDelayMs > 0) mark('restartDelayMs');
        if (n.clock.offsetMs !== 0) mark('clock:offset');
        if (n.clock.rate !== 1) mark('clock:rate');
      }
      for (const latency of [s.network.latencyMs, s.network.replicationLagMs]) mark(`latency:${latency.kind}`);
      if (s.network.dropRate > 0) mark('dropRate');
      if (s.network.links.length > 0) mark('links');
      for (const c of s.clients) {
        if (c.clock.offsetMs !== 0 || c.clock.rate !== 1) mark('client-clock');
        if (c.strategy.kind !== 'script') throw new Error('only script clients are runnable');
        for (const step of c.strategy.steps) {
          const name = (step.argv[0] ?? '').toUpperCase();
          mark(`command:${name}`);
          if (name === 'EVAL' && step.argv[1] !== undefined) mark(`script:${step.argv[1]}`);
          if (name === 'SET' && step.argv.some((a) => a.toUpperCase() === 'PX')) mark('set:px');
          if (name === 'SET' && step.argv.some((a) => a.toUpperCase() === 'NX')) mark('set:nx');
        }
      }
      for (const e of s.timeline) {
        mark(`timeline:${e.kind}`);
        if (e.kind === 'crash-node')
          mark(`crash-node:${e.clean ? 'clean' : 'dirty'}:${e.restartAfterMs === null ? 'stays-down' : 'restarts'}`);
        if (e.kind === 'partition')
          mark(`partition:${e.durationMs === null ? 'until-healed' : 'timed'}:${e.groups.length > 2 ? 'many-groups' : 'two-groups'}`);
        if (e.kind === 'heal') mark(`heal:${e.id === null ? 'all' : 'one'}`);
        if (e.atMs === s.durationMs) mark('timeline:at-end');
      }
    }
    const timelineKinds = TIMELINE_KINDS;
    const expected = [
      'nodes:1',
      'nodes:15',
      'clients:1',
      'clients:10',
      'sentinel:none',
      'sentinel:set',
      'persistence:none',
      'persistence:aof-everysec',
      'persistence:aof-always',
      'replica',
      'replica-listed-before-master',
      'hz:other',
      'restartDelayMs',
      'clock:offset',
      'clock:rate',
      'client-clock',
      'latency:fixed',
      'latency:uniform',
      'latency:long-tail',
      'dropRate',
      'links',
      'set:px',
      'set:nx',
      ...COMMAND_NAMES.map((c) => `command:${c}`),
      ...SCRIPT_NAMES.map((name) => `script:${name}`),
      ...timelineKinds.map((k) => `timeline:${k}`),
      'crash-node:clean:restarts',
      'crash-node:dirty:stays-down',
      'partition:until-healed:two-groups',
      'partition:timed:many-groups',
      'heal:all',
      'heal:one',
      'timeline:at-end',
    ];
    expect(expected.filter((f) => !seen.has(f))).toEqual([]);
  });
});
