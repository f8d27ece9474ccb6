/**
 * One run of a search: the base scenario with a seed of its own, a persistence mode per node,
 * and 0 … faults.max faults drawn from the allowed kinds and ranges. Run `i` of a search is a
 * pure function of (spec, i), so a search can be split over workers and still find the same
 * first counterexample, and a run can be named by its index.
 */
import { Prng } from '../sim/core/prng.ts';
import { STORAGE_ID, type Scenario, type TimelineEntry } from '../sim/model/scenario.ts';
import { clientIdsFor, nodeIdsFor } from './baseScenario.ts';
import type { SearchFaultKind, SearchSpec } from './spec.ts';

/** The generator of run `index`: independent of every other run's. */
export function runPrng(spec: SearchSpec, index: number): Prng {
  return new Prng(spec.seed).fork(`run-${index}`);
}

export function sampleRun(spec: SearchSpec, base: Scenario, index: number): Scenario {
  const prng = runPrng(spec, index);
  const seed = prng.nextUint32();
  const nodes = base.nodes.map((n) => {
    const persistence = spec.persistence[prng.intInclusive(0, spec.persistence.length - 1)] ?? 'none';
    return persistence === n.persistence ? n : { ...n, persistence };
  });
  const kinds = spec.faults.kinds;
  const count = kinds.length === 0 ? 0 : prng.intInclusive(0, spec.faults.max);
  const timeline: TimelineEntry[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[prng.intInclusive(0, kinds.length - 1)] as SearchFaultKind;
    timeline.push(drawFault(spec, prng, kind, i));
  }
  timeline.sort((a, b) => a.atMs - b.atMs);
  return { ...base, seed, nodes, timeline };
}

const pick = <T>(prng: Prng, items: readonly T[]): T => items[prng.intInclusive(0, items.length - 1)] as T;
const within = (prng: Prng, [min, max]: readonly [number, number]): number => prng.intInclusive(Math.ceil(min), Math.floor(max));

function drawFault(spec: SearchSpec, prng: Prng, kind: SearchFaultKind, ordinal: number): TimelineEntry {
  const nodes = nodeIdsFor(spec);
  const clients = clientIdsFor(spec);
  const f = spec.faults;
  const atMs = within(prng, f.atMs);
  switch (kind) {
    case 'pause-client':
      return { atMs, kind: 'pause-client', client: pick(prng, clients), durationMs: within(prng, f.pauseMs) };
    case 'pause-node':
      return { atMs, kind: 'pause-node', node: pick(prng, nodes), durationMs: within(prng, f.pauseMs) };
    case 'clock-jump': {
      const deltaMs = within(prng, f.jumpMs);
      return { atMs, kind: 'clock-jump', process: pick(prng, [...nodes, ...clients]), deltaMs: deltaMs === 0 ? 1 : deltaMs };
    }
    case 'clock-drift': {
      const [lo, hi] = f.driftRate;
      const rate = Math.round((lo + prng.nextFloat() * (hi - lo)) * 100) / 100;
      return { atMs, kind: 'clock-rate', process: pick(prng, [...nodes, ...clients]), rate: Math.min(hi, Math.max(lo, rate)) };
    }
    case 'crash-node':
      return { atMs, kind: 'crash-node', node: pick(prng, nodes), clean: false, restartAfterMs: within(prng, f.restartAfterMs) };
    case 'failover':
      return { atMs, kind: 'kill-master', restartAfterMs: within(prng, f.restartAfterMs) };
    case 'partition':
      return {
        atMs,
        kind: 'partition',
        id: `p${ordinal + 1}`,
        groups: drawSides(prng, [...clients, ...nodes]),
        durationMs: within(prng, f.pauseMs),
      };
    case 'message-delay': {
      const from = pick(prng, clients);
      return {
        atMs,
        kind: 'link-delay',
        from,
        to: pick(prng, [...nodes, STORAGE_ID]),
        extraMs: within(prng, f.delayMs),
        durationMs: within(prng, f.pauseMs),
      };
    }
  }
}

/** Two non-empty sides of a partition. */
function drawSides(prng: Prng, processes: readonly string[]): string[][] {
  for (;;) {
    const a: string[] = [];
    const b: string[] = [];
    for (const p of processes) (prng.chance(0.5) ? a : b).push(p);
    if (a.length > 0 && b.length > 0) return [a, b];
  }
}
