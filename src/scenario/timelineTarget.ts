import type { TimelineEntry } from '../sim/model/scenario.ts';

/**
 * The process a timeline entry names: the node, client or clock owner, or a link's sender.
 * Null for entries about no single process (kill-master picks the master at run time; partitions, heals).
 */
export function timelineTarget(entry: TimelineEntry): string | null {
  switch (entry.kind) {
    case 'crash-node':
    case 'restart-node':
    case 'pause-node':
      return entry.node;
    case 'crash-client':
    case 'pause-client':
      return entry.client;
    case 'clock-jump':
    case 'clock-rate':
      return entry.process;
    case 'link-delay':
    case 'link-drop':
      return entry.from;
    case 'kill-master':
    case 'partition':
    case 'heal':
      return null;
  }
}
