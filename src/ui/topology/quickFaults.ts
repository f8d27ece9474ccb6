import type { TimelineEntry } from '../../sim/model/scenario.ts';
import type { ClientSnapshot, NodeSnapshot } from './snapshotAt.ts';

/** A one-click fault on a card: what the button says, its accessible name, and the timeline entry it adds. */
export interface QuickFault {
  /** Short button text. */
  text: string;
  /** Accessible name, with the process and the time: "Kill node M at 1200 ms". */
  label: string;
  entry: TimelineEntry;
  /** Why the button is disabled (a fault real Redis cannot do), shown as its tooltip; absent when it works. */
  disabledReason?: string;
}

export const QUICK_PAUSE_MS = 5000;
export const QUICK_CLOCK_JUMP_MS = 10_000;

/** The shortcuts a node card offers at `atMs`, by what would change something now (a crashed node can only restart). */
export function nodeQuickFaults(node: Pick<NodeSnapshot, 'id' | 'state'>, atMs: number): QuickFault[] {
  const id = node.id;
  const faults: QuickFault[] = [];
  if (node.state === 'up' || node.state === 'paused') {
    faults.push({
      text: 'kill',
      label: `Kill node ${id} at ${atMs} ms`,
      entry: { atMs, kind: 'crash-node', node: id, clean: false, restartAfterMs: null },
    });
    faults.push({
      text: 'pause',
      label: `Pause node ${id} for 5 s at ${atMs} ms`,
      entry: { atMs, kind: 'pause-node', node: id, durationMs: QUICK_PAUSE_MS },
    });
  }
  if (node.state === 'crashed') {
    faults.push({ text: 'restart', label: `Restart node ${id} at ${atMs} ms`, entry: { atMs, kind: 'restart-node', node: id } });
  }
  faults.push({
    text: '+10 s',
    label: `Jump node ${id}'s clock +10 s at ${atMs} ms`,
    entry: { atMs, kind: 'clock-jump', process: id, deltaMs: QUICK_CLOCK_JUMP_MS },
  });
  return faults;
}

/** The shortcuts a client card offers: none once it has crashed or finished (nothing left to disturb). */
export function clientQuickFaults(client: Pick<ClientSnapshot, 'id' | 'status'>, atMs: number): QuickFault[] {
  if (client.status === 'crashed' || client.status === 'done') return [];
  const id = client.id;
  return [
    {
      text: 'pause',
      label: `Pause client ${id} for 5 s at ${atMs} ms`,
      entry: { atMs, kind: 'pause-client', client: id, durationMs: QUICK_PAUSE_MS },
    },
    { text: 'crash', label: `Crash client ${id} at ${atMs} ms`, entry: { atMs, kind: 'crash-client', client: id } },
  ];
}
