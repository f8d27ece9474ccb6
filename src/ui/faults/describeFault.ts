import type { Scenario, TimelineEntry } from '../../sim/model/scenario.ts';

/**
 * One timeline entry as a sentence a reader of the fault list understands, saying what the
 * engine really does: a crashed client never comes back, "kill the master" hits whichever
 * node is the master when it fires, a restart waits out the node's restart delay.
 */
export function describeFault(entry: TimelineEntry, scenario: Scenario): string {
  switch (entry.kind) {
    case 'crash-node': {
      const verb = entry.clean ? 'shuts down cleanly' : 'crashes';
      return `${entry.node} ${verb}${restartText(entry.restartAfterMs, restartDelayOf(scenario, entry.node))}`;
    }
    case 'restart-node':
      return `${entry.node} restarts (if it is down)`;
    case 'pause-node':
      return `${entry.node} pauses for ${entry.durationMs} ms`;
    case 'kill-master': {
      // The engine asks Sentinel for the master when there is one, else takes the first master that is up.
      const who = scenario.sentinel === null ? 'The first master that is up' : "Sentinel's current master";
      return `${who} crashes${restartText(entry.restartAfterMs, 0)}`;
    }
    case 'crash-client':
      return `${entry.client} crashes (for good: clients do not restart)`;
    case 'pause-client':
      return `${entry.client} pauses for ${entry.durationMs} ms`;
    case 'clock-jump':
      return `${entry.process}'s clock jumps ${Math.abs(entry.deltaMs)} ms ${entry.deltaMs < 0 ? 'back' : 'forward'}`;
    case 'clock-rate':
      return `${entry.process}'s clock ${rateText(entry.rate)}`;
    case 'partition': {
      const groups = entry.groups.map((g) => `{${g.join(', ')}}`).join(' | ');
      return `partition ${entry.id}: ${groups} ${entry.durationMs === null ? 'until healed' : `for ${entry.durationMs} ms`}`;
    }
    case 'heal':
      return entry.id === null ? 'all partitions heal' : `partition ${entry.id} heals`;
    case 'link-delay':
      // The delay is fixed when a message is sent: the window says which messages it hits.
      return `messages ${entry.from} → ${entry.to} sent ${entry.durationMs === null ? 'from now on' : `in the next ${entry.durationMs} ms`} take ${entry.extraMs} ms longer`;
    case 'link-drop':
      return `${entry.from} → ${entry.to} ${dropText(entry.rate)} ${untilText(entry.durationMs)}`;
  }
}

/** A short name for accessible labels: "crash-node M", "kill-master", "link-drop A to C1". */
export function faultTag(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'crash-node':
    case 'restart-node':
    case 'pause-node':
      return `${entry.kind} ${entry.node}`;
    case 'crash-client':
    case 'pause-client':
      return `${entry.kind} ${entry.client}`;
    case 'clock-jump':
    case 'clock-rate':
      return `${entry.kind} ${entry.process}`;
    case 'partition':
      return `partition ${entry.id}`;
    case 'heal':
      return `heal ${entry.id ?? 'all'}`;
    case 'link-delay':
    case 'link-drop':
      return `${entry.kind} ${entry.from} to ${entry.to}`;
    case 'kill-master':
      return entry.kind;
  }
}

function restartDelayOf(scenario: Scenario, nodeId: string): number {
  return scenario.nodes.find((n) => n.id === nodeId)?.restartDelayMs ?? 0;
}

function restartText(restartAfterMs: number | null, restartDelayMs: number): string {
  if (restartAfterMs === null) return ' (stays down)';
  // A restart asked for before the node's restart delay waits for it (antirez's delayed restarts).
  if (restartDelayMs > restartAfterMs) return `, restarts after ${restartDelayMs} ms (its restart delay; asked for ${restartAfterMs} ms)`;
  return `, restarts after ${restartAfterMs} ms`;
}

function rateText(rate: number): string {
  if (rate === 1) return 'runs at the true rate';
  return `runs at ${rate}× true time (${rate > 1 ? 'fast' : 'slow'})`;
}

function dropText(rate: number): string {
  if (rate >= 1) return 'drops every message';
  if (rate <= 0) return 'drops no extra messages';
  return `drops ${Math.round(rate * 1000) / 10}% of messages`;
}

function untilText(durationMs: number | null): string {
  return durationMs === null ? 'until the run ends' : `for ${durationMs} ms`;
}
