import type { Prng } from '../core/prng.ts';
import type { LatencySpec } from '../model/scenario.ts';

/** Draws a one-way latency in whole ms. Only integer arithmetic on draws, so Node and browsers agree. */
export function sampleLatencyMs(spec: LatencySpec, prng: Prng): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return prng.intInclusive(spec.minMs, spec.maxMs);
    case 'long-tail':
      if (prng.chance(spec.tailProbability)) return prng.intInclusive(spec.maxMs, spec.tailMaxMs);
      return prng.intInclusive(spec.minMs, spec.maxMs);
  }
}
