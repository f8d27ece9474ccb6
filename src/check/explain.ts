import type { TraceEvent } from '../sim/trace/events.ts';
import { type AttemptRef, lockAttempts } from './lockValues.ts';
import { lastChangeBefore, type NodeKeys, replayNodeKeys, type ValueChange } from './nodeKeys.ts';
import type { Belief, Cause } from './types.ts';

/**
 * Why two beliefs overlapped, in events a learner can click and one or two sentences they
 * can read. Everything here is precomputed once per trace (ExplainContext) so explaining a
 * violation costs a few lookups, not a scan.
 */

/** Events that change what the lock's participants can do: the faults a scenario injects, and their consequences. */
const FAULT_KINDS: ReadonlySet<string> = new Set([
  'pause',
  'resume',
  'clock-jump',
  'clock-rate',
  'crash',
  'restart',
  'restart-delayed',
  'partition',
  'heal',
  'link-fault',
  'failover',
  'sentinel-down',
]);

export interface ExplainContext {
  trace: readonly TraceEvent[];
  keys: NodeKeys;
  attempts: Map<string, AttemptRef>;
  /** Indices of fault events, in trace order (hence in time order). */
  faults: number[];
}

export function explainContext(
  trace: readonly TraceEvent[],
  keys: NodeKeys = replayNodeKeys(trace),
  attempts: Map<string, AttemptRef> = lockAttempts(trace),
): ExplainContext {
  const faults: number[] = [];
  for (let i = 0; i < trace.length; i++) if (FAULT_KINDS.has((trace[i] as TraceEvent).kind)) faults.push(i);
  return { trace, keys, attempts, faults };
}

/** "D", "D or E", "C, D or E": how a sentence lists nodes. */
function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A command line short enough to read: long script bodies are cut. */
function formatArgv(argv: readonly string[]): string {
  const text = argv.map((a) => (a.length > 24 ? `${a.slice(0, 23)}…` : a)).join(' ');
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}

/** Whether a fault event touches one of the processes in `involved`; partitions, heals and failovers change everyone's world. */
function faultInvolves(e: TraceEvent, involved: ReadonlySet<string>): boolean {
  switch (e.kind) {
    case 'partition':
    case 'heal':
    case 'failover':
      return true;
    case 'link-fault':
      return involved.has(e.from) || involved.has(e.to);
    case 'sentinel-down':
      return involved.has(e.node);
    case 'pause':
    case 'resume':
    case 'clock-jump':
    case 'clock-rate':
    case 'crash':
    case 'restart':
    case 'restart-delayed':
      return involved.has(e.process);
    default:
      return false;
  }
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

/** One line for a fault event. */
export function describeFault(e: TraceEvent): string {
  switch (e.kind) {
    case 'pause':
      return `${e.process} paused until ${e.untilMs} ms`;
    case 'resume':
      return `${e.process} resumed (${e.queued} queued message${e.queued === 1 ? '' : 's'})`;
    case 'clock-jump':
      return `${e.process}'s clock jumped ${signed(e.deltaMs)} ms`;
    case 'clock-rate':
      return `${e.process}'s clock now runs at rate ${e.rate}`;
    case 'crash':
      return `${e.process} crashed${e.clean ? ' (clean shutdown)' : ''}${e.keysLost > 0 ? `, ${e.keysLost} key${e.keysLost === 1 ? '' : 's'} in memory lost` : ''}`;
    case 'restart':
      return `${e.process} restarted (persistence ${e.persistence}, ${e.keysLoaded} key${e.keysLoaded === 1 ? '' : 's'} loaded)`;
    case 'restart-delayed':
      return `${e.process} stays down until ${e.untilMs} ms (delayed restart)`;
    case 'partition':
      return `partition ${e.id}: ${e.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
    case 'heal':
      return `partition ${e.id} healed`;
    case 'link-fault':
      return `link ${e.from}→${e.to}: +${e.extraMs} ms, ${Math.round(e.dropRate * 100)}% loss until ${e.untilMs} ms`;
    case 'failover':
      return `failover: ${e.to} promoted in place of ${e.from}`;
    case 'sentinel-down':
      return `sentinel marks ${e.node} down (unreachable since ${e.downSinceMs} ms)`;
    default:
      return e.kind;
  }
}

/** The clause "after a clock jump on C" when the node's clock changed between the key's arrival and its expiry (R5). */
function clockSuffix(ctx: ExplainContext, change: ValueChange, node: string): string {
  if (change.clockChangeIndex < 0) return '';
  return (ctx.trace[change.clockChangeIndex] as TraceEvent).kind === 'clock-jump'
    ? ` after a clock jump on ${node}`
    : ` after ${node}'s clock rate changed`;
}

/** How the holder's value left a node: a line for the cause list and a clause for the explanation. */
function describeDeparture(ctx: ExplainContext, change: ValueChange, node: string, holder: string): { text: string; clause: string } {
  const e = ctx.trace[change.index] as TraceEvent;
  const at = `at ${change.t} ms`;
  const replicated = e.kind === 'key-del' && e.via === 'replication' && change.cause !== 'resync';
  if (replicated) {
    return {
      text: `${node} deleted ${holder}'s key on its master's order (replicated DEL)`,
      clause: `${holder}'s key on ${node} had been deleted by replication ${at}`,
    };
  }
  switch (change.cause) {
    case 'expired-passive':
    case 'expired-active': {
      const how = change.cause === 'expired-passive' ? 'found expired on access' : 'active expiry';
      const clock = clockSuffix(ctx, change, node);
      return {
        text: `${holder}'s key on ${node} expired (${how})${clock}`,
        clause: `${holder}'s key on ${node} had expired ${at}${clock}`,
      };
    }
    case 'lost':
      return { text: `${node} lost ${holder}'s key in a crash`, clause: `${node} had lost ${holder}'s key in a crash ${at}` };
    case 'resync':
      return {
        text: `${node} discarded ${holder}'s key in a full resync from its master`,
        clause: `${node} had dropped ${holder}'s key in a resync ${at}`,
      };
    case 'command': {
      const cmd = change.commandIndex >= 0 ? (ctx.trace[change.commandIndex] as TraceEvent) : null;
      if (cmd !== null && cmd.kind === 'command') {
        const name = (cmd.argv[0] ?? '').toUpperCase();
        return {
          text: `${cmd.client}'s ${name} deleted ${holder}'s key on ${node}`,
          clause: `${cmd.client}'s ${name} on ${node} had deleted ${holder}'s key ${at}`,
        };
      }
      return { text: `a command deleted ${holder}'s key on ${node}`, clause: `a command on ${node} had deleted ${holder}'s key ${at}` };
    }
    case 'overwritten': {
      const owner = e.kind === 'key-set' ? ctx.attempts.get(e.value)?.client : undefined;
      const by = owner !== undefined ? ` by ${owner}'s value` : '';
      return {
        text: `${holder}'s key on ${node} was overwritten${by}`,
        clause: `${holder}'s key on ${node} had been overwritten${by} ${at}`,
      };
    }
    default:
      return { text: `${holder}'s key left ${node}`, clause: `${holder}'s key had left ${node} ${at}` };
  }
}

/** The first sentence's parenthesis: how long the holder went on believing, and why it stopped then. */
function holderBeliefClause(holder: Belief): string {
  const who = `${holder.client}'s belief`;
  switch (holder.endReason) {
    case 'expired':
      return `${who} lasted until ${holder.endMs} ms: its validity ran out on its own clock`;
    case 'released':
      return `${who} lasted until ${holder.endMs} ms, when it released the lock`;
    case 'lost':
      return `${who} lasted until ${holder.endMs} ms, when it noticed it had lost the lock`;
    case 'crashed':
      return `${who} lasted until ${holder.endMs} ms, when it crashed`;
    case 'run-end':
      return `${who} lasted to the end of the run at ${holder.endMs} ms`;
  }
}

/**
 * Causes, in trace order: the holder's acquisition; for each node that voted for the later
 * acquirer, how the holder's value had left it (and the command that deleted it, if a
 * client's); the faults between the holder's attempt and the overlap that touch either
 * client or their nodes; the later acquisition. Plus a short explanation.
 */
export function explainOverlap(ctx: ExplainContext, holder: Belief, acquirer: Belief): { explanation: string; causes: Cause[] } {
  const { trace } = ctx;
  const causes: Cause[] = [];
  const cited = new Set<number>();
  const cite = (index: number, text: string): void => {
    if (cited.has(index)) return;
    cited.add(index);
    const e = trace[index] as TraceEvent;
    causes.push({ index, t: e.t, kind: e.kind, text });
  };
  const notes: Cause[] = [];
  const note = (text: string): void => {
    notes.push({ index: acquirer.startIndex, t: acquirer.startMs, kind: 'note', text });
  };

  cite(holder.startIndex, `${holder.client} acquired the lock (epoch ${holder.epoch}) with votes from ${holder.nodes.join(', ')}`);

  const clauses: string[] = [];
  const neverHeld: string[] = [];
  for (const node of acquirer.nodes) {
    const change = lastChangeBefore(ctx.keys, node, holder.value, acquirer.startIndex);
    if (change === null) {
      neverHeld.push(node);
      note(`${holder.client} never held node ${node}`);
    } else if (change.present) {
      clauses.push(`${holder.client}'s key was still on ${node}`);
      note(`${holder.client}'s key was still on node ${node}`);
    } else {
      const { text, clause } = describeDeparture(ctx, change, node, holder.client);
      if (change.commandIndex >= 0) {
        const cmd = trace[change.commandIndex] as TraceEvent;
        if (cmd.kind === 'command') cite(change.commandIndex, `${cmd.client} sent ${formatArgv(cmd.argv)} to ${node}`);
      }
      cite(change.index, text);
      clauses.push(clause);
    }
  }
  if (neverHeld.length > 0) clauses.push(`${holder.client} never held ${joinOr(neverHeld)}`);

  const involved = new Set<string>([holder.client, acquirer.client, ...holder.nodes, ...acquirer.nodes]);
  const fromMs = ctx.attempts.get(holder.value)?.t ?? holder.startMs;
  for (let k = firstFaultAtOrAfter(ctx, fromMs); k < ctx.faults.length; k++) {
    const index = ctx.faults[k] as number;
    if (index >= acquirer.startIndex) break;
    const e = trace[index] as TraceEvent;
    if (faultInvolves(e, involved)) cite(index, describeFault(e));
  }

  cite(
    acquirer.startIndex,
    `${acquirer.client} acquired the lock (epoch ${acquirer.epoch}) with votes from ${acquirer.nodes.join(', ')} while ${holder.client} still held it`,
  );

  // Notes carry the later acquisition's index; they read best just before it.
  const all = causes.concat(notes);
  all.sort((x, y) => x.index - y.index || (x.kind === 'note' ? 0 : 1) - (y.kind === 'note' ? 0 : 1));

  const first = `${acquirer.client} acquired the lock at ${acquirer.startMs} ms while ${holder.client} still believed it held it (${holderBeliefClause(holder)}).`;
  const votes = `${acquirer.client}'s votes came from ${acquirer.nodes.join(', ')}`;
  const second = clauses.length > 0 ? `${votes}; ${clauses.join('; ')}.` : `${votes}.`;
  return { explanation: `${first} ${second}`, causes: all };
}

/** Binary search: the first fault at or after `t` (faults are in time order). */
function firstFaultAtOrAfter(ctx: ExplainContext, t: number): number {
  let lo = 0;
  let hi = ctx.faults.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ctx.trace[ctx.faults[mid] as number] as TraceEvent).t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
