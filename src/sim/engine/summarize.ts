import type { Scenario } from '../model/scenario.ts';
import { formatReply } from '../redis/reply.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { NodeSummary, RunResult } from './run.ts';

/** A short account of a run, for the CLI and the page header: what happened, in counts. */
export interface RunSummary {
  name: string;
  seed: number;
  durationMs: number;
  traceHash: string;
  events: number;
  schedulerEvents: number;
  messages: { sent: number; dropped: number; late: number };
  commands: number;
  errors: number;
  keyWrites: number;
  expiries: { passive: number; active: number };
  faults: Array<{ t: number; text: string }>;
  /** The replies clients received, in order (the first REPLIES_MAX of them). */
  replies: Array<{ t: number; client: string; node: string; command: string; reply: string }>;
  nodes: NodeSummary[];
  truncated: boolean;
}

export const REPLIES_MAX = 500;

const FAULT_KINDS = new Set<TraceEvent['kind']>([
  'crash',
  'restart',
  'restart-delayed',
  'pause',
  'resume',
  'clock-jump',
  'clock-rate',
  'partition',
  'heal',
  'link-fault',
  'sentinel-down',
  'failover',
  'failover-failed',
  'role',
  'full-sync',
]);

export function summarize(scenario: Scenario, result: RunResult): RunSummary {
  const s: RunSummary = {
    name: scenario.name,
    seed: scenario.seed,
    durationMs: scenario.durationMs,
    traceHash: result.traceHash,
    events: result.trace.length,
    schedulerEvents: result.stats.schedulerEvents,
    messages: { sent: 0, dropped: 0, late: 0 },
    commands: 0,
    errors: 0,
    keyWrites: 0,
    expiries: { passive: 0, active: 0 },
    faults: [],
    replies: [],
    nodes: result.nodes,
    truncated: result.stats.truncated,
  };
  for (const ev of result.trace) {
    if (ev.kind === 'send') s.messages.sent++;
    else if (ev.kind === 'deliver') s.messages.late++;
    else if (ev.kind === 'drop') s.messages.dropped++;
    else if (ev.kind === 'command') {
      s.commands++;
      if (ev.reply.t === 'err') s.errors++;
    } else if (ev.kind === 'key-set' && ev.via === 'command') s.keyWrites++;
    // Expiries are counted where they happen (on a master), not again where a replica applies the DEL.
    else if (ev.kind === 'key-del' && ev.via !== 'replication' && ev.cause === 'expired-passive') s.expiries.passive++;
    else if (ev.kind === 'key-del' && ev.via !== 'replication' && ev.cause === 'expired-active') s.expiries.active++;
    if (ev.kind === 'reply' && s.replies.length < REPLIES_MAX) {
      s.replies.push({ t: ev.t, client: ev.client, node: ev.node, command: ev.argv.join(' '), reply: formatReply(ev.reply) });
    }
    if (FAULT_KINDS.has(ev.kind)) s.faults.push({ t: ev.t, text: describeEvent(ev) });
  }
  return s;
}

/** One line of plain English for a trace event (the CLI summary, tooltips). */
export function describeEvent(ev: TraceEvent): string {
  switch (ev.kind) {
    case 'crash':
      return `${ev.process} crashed${ev.clean ? ' (clean shutdown)' : ''}, ${ev.keysLost} key(s) in memory lost`;
    case 'restart':
      return `${ev.process} restarted (${ev.persistence}), ${ev.keysLoaded} key(s) loaded`;
    case 'restart-delayed':
      return `${ev.process} restart delayed until ${ev.untilMs} ms`;
    case 'pause':
      return `${ev.process} paused until ${ev.untilMs} ms`;
    case 'resume':
      return `${ev.process} resumed, ${ev.queued} event(s) had waited`;
    case 'clock-jump':
      return `${ev.process} clock jumped ${ev.deltaMs >= 0 ? '+' : ''}${ev.deltaMs} ms (now reads ${ev.wallMs})`;
    case 'clock-rate':
      return `${ev.process} clock now runs at ×${ev.rate}`;
    case 'partition':
      return `partition ${ev.id}: ${ev.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`;
    case 'heal':
      return `partition ${ev.id} healed`;
    case 'link-fault':
      return `link ${ev.from}→${ev.to}: +${ev.extraMs} ms, drop ${ev.dropRate}`;
    case 'sentinel-down':
      return `Sentinel: master ${ev.node} down since ${ev.downSinceMs} ms`;
    case 'failover':
      return `failover: ${ev.to} promoted, replacing ${ev.from}`;
    case 'failover-failed':
      return `failover of ${ev.from} failed: ${ev.reason}`;
    case 'role':
      return ev.role === 'master' ? `${ev.node} is now a master` : `${ev.node} is now a replica of ${ev.master}`;
    case 'full-sync':
      return `${ev.node} full sync from ${ev.master}: ${ev.keys} key(s) loaded, ${ev.discarded} discarded`;
    case 'command':
      return `${ev.node} ran ${ev.argv.join(' ')} for ${ev.client}`;
    default:
      return ev.kind;
  }
}
