import { describeFault } from '../../check/explain.ts';
import { formatReply } from '../../sim/redis/reply.ts';
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

/** One line for any trace event, for tooltips: "1102 ms key-set on C: lock = C2-1-… (expires at 21102)". */
export function describeEvent(e: TraceEvent): string {
  const at = `${e.t} ms`;
  switch (e.kind) {
    case 'send':
      return `${at} ${e.from} sends ${e.label} to ${e.to}`;
    case 'drop':
      return `${at} message ${e.from} to ${e.to} dropped (${e.reason})`;
    case 'command':
      return `${at} ${e.node} runs ${e.client}'s ${e.argv.join(' ')} → ${formatReply(e.reply)}`;
    case 'reply':
      return `${at} ${e.client} gets ${formatReply(e.reply)} from ${e.node}`;
    case 'key-set':
      return `${at} ${e.node}: ${e.key} = ${e.value}${e.expireAtMs < 0 ? '' : ` (expires at ${e.expireAtMs} on ${e.node}'s clock)`}`;
    case 'key-del':
      return `${at} ${e.node}: ${e.key} removed (${e.cause})`;
    case 'lock-attempt':
      return `${at} ${e.client} tries to acquire (round ${e.round}, attempt ${e.attempt})`;
    case 'lock-acquired':
      return `${at} ${e.client} acquires the lock (epoch ${e.epoch}, ${e.votes} vote${e.votes === 1 ? '' : 's'}: ${e.nodes.join(', ')})`;
    case 'lock-failed':
      return `${at} ${e.client}'s attempt fails (${e.reason})`;
    case 'lock-released':
      return `${at} ${e.client} releases the lock`;
    case 'lock-lost':
      return `${at} ${e.client} loses the lock (${e.reason})`;
    case 'lease-expired':
      return `${at} ${e.client}'s lease ran out on its own clock`;
    case 'storage-write':
      return `${at} storage ${e.verdict === 'accepted' ? 'accepts' : 'rejects'} ${e.client}'s write (epoch ${e.epoch})`;
    case 'role':
      return `${at} ${e.node} is now ${e.role === 'master' ? 'master' : `a replica of ${e.master}`}`;
    default: {
      const text = describeFault(e);
      return text === e.kind ? `${at} ${e.kind}${eventLane(e) === null ? '' : ` on ${eventLane(e)}`}` : `${at} ${text}`;
    }
  }
}
