/**
 * The search form's words: each spec field's label, each fault kind's and design's name, and a
 * spec path ("faults.atMs.0") as the label a user sees next to the field ("Faults at, min").
 */
import type { SearchFaultKind, SearchStrategy } from '../../search/spec.ts';
import type { NumberField, PersistenceMode, RangeField } from './specDraft.ts';

export const STRATEGY_LABELS: Record<SearchStrategy, string> = {
  redlock: 'Redlock (N independent masters)',
  'set-nx-px-cad': 'SET NX PX + compare-and-delete',
  'set-nx-px-del': 'SET NX PX + plain DEL',
  'setnx-expire': 'SETNX then EXPIRE',
  'single-failover': 'SET NX PX on a master with failover',
};

export const KIND_LABELS: Record<SearchFaultKind, string> = {
  'pause-client': 'Client pauses',
  'pause-node': 'Node pauses',
  'clock-jump': 'Clock jumps',
  'clock-drift': 'Clock drift',
  'crash-node': 'Node crashes',
  failover: 'Failover (the master dies)',
  partition: 'Partitions',
  'message-delay': 'Message delays',
};

export const PERSISTENCE_LABELS: Record<PersistenceMode, string> = {
  none: 'none',
  'aof-everysec': 'AOF everysec',
  'aof-always': 'AOF always',
};

export const NUMBER_LABELS: Record<NumberField, string> = {
  nodes: 'Nodes',
  clients: 'Clients',
  ttlMs: 'TTL (ms)',
  criticalSectionMs: 'Critical section (ms)',
  rounds: 'Rounds per client',
  durationMs: 'Run duration (ms)',
  runs: 'Run budget',
  seed: 'Search seed',
};

export const RANGE_LABELS: Record<RangeField, string> = {
  atMs: 'Faults at (ms)',
  pauseMs: 'Pause / partition length (ms)',
  jumpMs: 'Clock jump (ms)',
  driftRate: 'Clock rate under drift',
  restartAfterMs: 'Restart after (ms)',
  delayMs: 'Extra message delay (ms)',
};

const OTHER_LABELS: Record<string, string> = {
  strategy: 'Design',
  fencing: 'Fencing',
  persistence: 'Persistence',
  checkValidityBeforeWrite: 'Check validity before writing',
  'faults.kinds': 'Fault kinds',
  'faults.max': 'Max faults per run',
  '(spec)': 'Search',
};

/** The label of the field a spec path names. */
export function labelOfPath(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'faults' && parts[1] !== undefined && parts[1] in RANGE_LABELS) {
    const label = RANGE_LABELS[parts[1] as RangeField];
    return parts[2] === '0' ? `${label}, min` : parts[2] === '1' ? `${label}, max` : label;
  }
  if (parts[0] !== undefined && parts[0] in NUMBER_LABELS) return NUMBER_LABELS[parts[0] as NumberField];
  const exact = OTHER_LABELS[path] ?? OTHER_LABELS[parts.slice(0, 2).join('.')] ?? OTHER_LABELS[parts[0] ?? ''];
  return exact ?? path;
}
