import type { TimelineKind } from '../../sim/model/scenario.ts';

/**
 * What the fault picker calls each timeline kind, in the order it offers them: the
 * coarse faults first (whole processes), then clocks, then the network.
 */
export const FAULT_KIND_LABELS = {
  'kill-master': 'Kill the master',
  'crash-node': 'Crash a node',
  'restart-node': 'Restart a node',
  'pause-node': 'Pause a node',
  'pause-client': 'Pause a client',
  'crash-client': 'Crash a client',
  'clock-jump': 'Jump a clock',
  'clock-rate': "Change a clock's rate (drift)",
  partition: 'Partition the network',
  heal: 'Heal partitions',
  'link-delay': 'Delay messages on a link',
  'link-drop': 'Drop messages on a link',
} as const satisfies Record<TimelineKind, string>;

/** The kinds in menu order (every TimelineKind once: the `satisfies` above checks that). */
export const FAULT_KINDS = Object.keys(FAULT_KIND_LABELS) as TimelineKind[];

export function faultKindLabel(kind: TimelineKind): string {
  return FAULT_KIND_LABELS[kind];
}
