import type { TimelineEntry, TimelineKind } from '../sim/model/scenario.ts';
import type { FaultMessage } from './faultMessages.ts';

export type FaultConversion = { ok: true; fault: FaultMessage } | { ok: false; reason: string };

/**
 * Which fault message each timeline kind becomes, or why there is none. The `satisfies`
 * makes the compiler name any timeline kind added to the scenario format and not decided
 * here.
 */
export const FAULT_FOR_TIMELINE_KIND = {
  'crash-node': 'kill-node',
  'restart-node': 'restart-node',
  'pause-node': 'pause-node',
  'kill-master': 'kill-node',
  'crash-client': null,
  'pause-client': 'pause-client',
  'clock-jump': 'clock-jump',
  'clock-rate': null,
  partition: 'partition',
  heal: 'heal',
  'link-delay': 'link-delay',
  'link-drop': 'link-drop',
} as const satisfies Record<TimelineKind, FaultMessage['type'] | null>;

/** Where the run stands, for the entries that name a role rather than a node. */
export interface FaultContext {
  /** The node that is master now (the bridge's welcome, or its later trace); null if unknown. */
  master: string | null;
}

/**
 * A fault the user drew in the playground (a timeline entry at the cursor) as the message
 * that injects it now on real Redis, with message id `id`. The fields are copied by
 * spreading, so the compiler checks that each timeline entry's fields fit its message.
 */
export function faultForTimelineEntry(entry: TimelineEntry, id: string, context: FaultContext): FaultConversion {
  switch (entry.kind) {
    case 'crash-node': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'kill-node', id, ...fields } };
    }
    case 'kill-master': {
      if (context.master === null) return { ok: false, reason: 'no master is known to kill' };
      return { ok: true, fault: { type: 'kill-node', id, node: context.master, clean: false, restartAfterMs: entry.restartAfterMs } };
    }
    case 'restart-node': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'restart-node', id, ...fields } };
    }
    case 'pause-node': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'pause-node', id, ...fields } };
    }
    case 'pause-client': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'pause-client', id, ...fields } };
    }
    case 'clock-jump': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'clock-jump', id, ...fields } };
    }
    case 'link-delay': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'link-delay', id, ...fields } };
    }
    case 'link-drop': {
      const { atMs: _atMs, kind: _kind, ...fields } = entry;
      return { ok: true, fault: { type: 'link-drop', id, ...fields } };
    }
    // The partition's name travels as `partition`: `id` is the message's.
    case 'partition':
      return { ok: true, fault: { type: 'partition', id, partition: entry.id, groups: entry.groups, durationMs: entry.durationMs } };
    case 'heal':
      return { ok: true, fault: { type: 'heal', id, partition: entry.id } };
    case 'crash-client':
      return { ok: false, reason: "the bridge's lock clients are not processes it can crash; stop-run ends them" };
    case 'clock-rate':
      return { ok: false, reason: "redis-server reads the host's clock; the bridge cannot change its rate" };
  }
}
