/** One message's latency from the scenario's latency spec, as the engine draws it (src/sim/network/latency.ts). */
import type { LatencySpec } from '../../src/sim/model/scenario.ts';
import type { RunPrng } from './runPrng.ts';

export function sampleLatencyMs(spec: LatencySpec, prng: RunPrng): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return prng.intInclusive(spec.minMs, spec.maxMs);
    case 'long-tail':
      if (prng.next() < spec.tailProbability) return prng.intInclusive(spec.maxMs, spec.tailMaxMs);
      return prng.intInclusive(spec.minMs, spec.maxMs);
  }
}
