/**
 * The scenario a search starts from: the spec's lock design on its topology with clients that
 * compete for the lock round after round, on a healthy network. Faults are added per run
 * (sampleRun.ts). Built once per search through the scenario parser, so every default is the
 * format's own and the result is a valid scenario.
 */
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../sim/model/scenario.ts';
import type { SearchSpec } from './spec.ts';

const NODE_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

/** The nodes' ids for a spec: A… for Redlock, A for a single instance, M and R under Sentinel for failover. */
export function nodeIdsFor(spec: SearchSpec): string[] {
  if (spec.strategy === 'redlock') return NODE_IDS.slice(0, spec.nodes);
  if (spec.strategy === 'single-failover') return ['M', 'R'];
  return ['A'];
}

export function clientIdsFor(spec: SearchSpec): string[] {
  return Array.from({ length: spec.clients }, (_, i) => `C${i + 1}`);
}

function strategyFor(spec: SearchSpec): Record<string, unknown> {
  switch (spec.strategy) {
    case 'redlock':
      // Enough retries that a client keeps competing for the whole run.
      return { kind: 'redlock', retryCount: 100 };
    case 'single-failover':
      return { kind: 'single-failover' };
    default:
      return { kind: spec.strategy };
  }
}

/** The spec's scenario without faults. Throws only on a spec parseSearchSpec did not accept. */
export function baseScenario(spec: SearchSpec): Scenario {
  const nodes = nodeIdsFor(spec).map((id) => (id === 'R' ? { id, replicaOf: 'M' } : { id }));
  const input = {
    version: 1,
    name: `Search: ${spec.strategy}, ${spec.clients} clients`,
    seed: spec.seed,
    durationMs: spec.durationMs,
    lock: { key: 'lock', ttlMs: spec.ttlMs },
    fencing: spec.fencing,
    nodes,
    ...(spec.strategy === 'single-failover' ? { sentinel: { downAfterMs: 5_000 } } : {}),
    clients: clientIdsFor(spec).map((id) => ({
      id,
      strategy: strategyFor(spec),
      workload: {
        startMs: 0,
        rounds: spec.rounds,
        criticalSectionMs: spec.criticalSectionMs,
        thinkMs: 500,
        writes: 1,
        checkValidityBeforeWrite: spec.checkValidityBeforeWrite,
        acquireTimeoutMs: spec.durationMs,
      },
    })),
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the search's base scenario is not valid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.value;
}
