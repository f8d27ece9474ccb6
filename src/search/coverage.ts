/**
 * What a search covered, in words, for when it finds nothing: "no counterexample" means little
 * without the runs, the design and the faults it tried.
 */
import { nodeIdsFor } from './baseScenario.ts';
import type { SearchSpec } from './spec.ts';

const KIND_WORDS: Record<string, string> = {
  'pause-client': 'client pauses',
  'pause-node': 'node pauses',
  'clock-jump': 'clock jumps',
  'clock-drift': 'clock drift',
  'crash-node': 'node crashes',
  failover: 'failovers',
  partition: 'partitions',
  'message-delay': 'message delays',
};

const range = ([a, b]: readonly [number, number], unit: string) => `${a.toLocaleString('en-US')}–${b.toLocaleString('en-US')}${unit}`;

/** One paragraph: the design, the topology, the faults and their ranges, the runs. */
export function describeCoverage(spec: SearchSpec, runs: number): string {
  const nodes = nodeIdsFor(spec);
  const topology =
    spec.strategy === 'single-failover' ? 'a master with a replica under Sentinel' : `${nodes.length} node${nodes.length === 1 ? '' : 's'}`;
  const f = spec.faults;
  const faults =
    f.kinds.length === 0 || f.max === 0
      ? 'no faults (a healthy network with random latency)'
      : `0 to ${f.max} faults per run among ${f.kinds.map((k) => KIND_WORDS[k] ?? k).join(', ')}, at ${range(f.atMs, ' ms')}${details(spec)}`;
  return (
    `${runs.toLocaleString('en-US')} runs of ${spec.strategy} (fencing ${spec.fencing}) on ${topology} with ${spec.clients} clients, ` +
    `TTL ${spec.ttlMs.toLocaleString('en-US')} ms, ${spec.rounds} rounds of ${spec.criticalSectionMs.toLocaleString('en-US')} ms each, ` +
    `persistence ${spec.persistence.join(' or ')}; ${faults}; seed ${spec.seed}.`
  );
}

function details(spec: SearchSpec): string {
  const f = spec.faults;
  const parts: string[] = [];
  if (f.kinds.includes('pause-client') || f.kinds.includes('pause-node') || f.kinds.includes('partition'))
    parts.push(`lasting ${range(f.pauseMs, ' ms')}`);
  if (f.kinds.includes('clock-jump')) parts.push(`jumps of ${range(f.jumpMs, ' ms')}`);
  if (f.kinds.includes('clock-drift')) parts.push(`rates ${range(f.driftRate, '×')}`);
  if (f.kinds.includes('crash-node') || f.kinds.includes('failover')) parts.push(`restarts after ${range(f.restartAfterMs, ' ms')}`);
  if (f.kinds.includes('message-delay')) parts.push(`delays of ${range(f.delayMs, ' ms')}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
