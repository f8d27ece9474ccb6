import type { ScenarioInputV1 } from '../src/scenario/schema.ts';
import { Prng } from '../src/sim/core/prng.ts';

/**
 * The engine benchmark's standard busy scenario: 5 nodes (A with replica B, and C, D, E
 * independent masters), 10 clients each sending a command every 13 ms on average for 60 s
 * of simulated time (SET NX PX, GET, PTTL, compare-and-delete, INCR), random latency, active
 * expiry at hz 10, and a handful of faults (a pause, a clock jump, a crash and restart).
 */
export function busyScenario(seed = 1): ScenarioInputV1 {
  const prng = new Prng(seed);
  const nodes = ['A', 'C', 'D', 'E', 'B'];
  const clients = Array.from({ length: 10 }, (_, c) => {
    const steps = [];
    let atMs = prng.intInclusive(0, 10);
    while (atMs < 60_000) {
      const node = nodes[prng.intInclusive(0, 3)] as string;
      const value = `c${c}-${prng.intInclusive(0, 99)}`;
      const pick = prng.intInclusive(0, 9);
      const argv =
        pick < 4
          ? ['SET', `lock${prng.intInclusive(0, 4)}`, value, 'NX', 'PX', String(prng.intInclusive(50, 2000))]
          : pick < 6
            ? ['GET', `lock${prng.intInclusive(0, 4)}`]
            : pick < 7
              ? ['PTTL', `lock${prng.intInclusive(0, 4)}`]
              : pick < 9
                ? ['EVAL', 'compare-and-delete', '1', `lock${prng.intInclusive(0, 4)}`, value]
                : ['INCR', 'counter'];
      steps.push({ atMs, node, argv });
      atMs += prng.intInclusive(5, 21);
    }
    return { id: `C${c + 1}`, strategy: { kind: 'script' as const, steps } };
  });
  return {
    version: 1,
    name: 'Engine benchmark: busy 5-node cluster',
    seed,
    durationMs: 60_000,
    nodes: [{ id: 'A' }, { id: 'B', replicaOf: 'A' }, { id: 'C' }, { id: 'D', persistence: 'aof-everysec' }, { id: 'E', persistence: 'aof-always' }],
    network: { latencyMs: { kind: 'uniform', minMs: 1, maxMs: 3 }, replicationLagMs: { kind: 'uniform', minMs: 1, maxMs: 5 } },
    clients,
    timeline: [
      { atMs: 10_000, kind: 'pause-node', node: 'C', durationMs: 2_000 },
      { atMs: 20_000, kind: 'clock-jump', process: 'D', deltaMs: 1_500 },
      { atMs: 30_000, kind: 'crash-node', node: 'E', restartAfterMs: 1_000 },
      { atMs: 40_000, kind: 'partition', groups: [['A', 'C1', 'C2'], ['B']], durationMs: 3_000 },
    ],
  };
}
