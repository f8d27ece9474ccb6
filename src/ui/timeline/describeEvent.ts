import { describeTraceEvent } from '../readout/describeTraceEvent.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/** The lane (process id) an event is drawn on, or null for an event of the whole system. */
export function eventLane(e: TraceEvent): string | null {
  switch (e.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
    case 'link-fault':
      return e.kind === 'send' || e.kind === 'link-fault' ? e.from : e.to;
    case 'command':
    case 'key-set':
    case 'key-expire':
    case 'key-del':
    case 'full-sync':
    case 'role':
    case 'sentinel-down':
    case 'aof-fsync':
    case 'wait-done':
      return e.node;
    case 'reply':
    case 'client-state':
    case 'lock-attempt':
    case 'lock-acquired':
    case 'lock-failed':
    case 'lock-gave-up':
    case 'lock-extended':
    case 'lock-lost':
    case 'lock-released':
    case 'lease-expired':
    case 'client-done':
    case 'storage-claim':
    case 'storage-write':
      return e.client;
    case 'crash':
    case 'restart':
    case 'restart-delayed':
    case 'pause':
    case 'resume':
    case 'clock-jump':
    case 'clock-rate':
      return e.process;
    case 'failover':
      return e.to;
    case 'failover-failed':
      return e.from;
    case 'run-start':
    case 'run-end':
    case 'partition':
    case 'heal':
      return null;
  }
}

/** One line for any trace event, for tooltips: "1102 ms C: lock = C2-1-… , expires when C's clock reads 11102". */
export function describeEvent(e: TraceEvent): string {
  return `${e.t} ms ${describeTraceEvent(e)}`;
}
