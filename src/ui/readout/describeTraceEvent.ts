import { describeFault } from '../../check/explain.ts';
import { describeEvent } from '../../sim/engine/summarize.ts';
import { formatReply } from '../../sim/redis/reply.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

/**
 * One line of plain English for any trace event: what the cursor readout and the timeline's
 * tooltips say. Faults read as the checker's causes do (the verdict panel lists those), other
 * node events as the engine's summary does.
 */
export function describeTraceEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'run-start':
      return `the run starts: nodes ${e.nodes.join(', ')}; clients ${e.clients.join(', ') || 'none'}; seed ${e.seed}`;
    case 'run-end':
      return e.truncated ? 'the run was cut short (event budget)' : 'the run ends';
    case 'send':
      return `${e.from} sends ${e.to} ${e.label}${e.deliverAtMs < 0 ? ' (it will be lost)' : ''}`;
    case 'deliver':
      return `${e.to} finally gets ${e.from}'s message, ${e.t - e.dueMs} ms late (it was paused)`;
    case 'drop':
      return `${e.from}→${e.to} message lost (${dropText(e.reason)})`;
    case 'command':
      return `${e.node} runs ${e.argv.join(' ')} for ${e.client} → ${formatReply(e.reply)}`;
    case 'reply':
      return `${e.client} reads ${e.node}'s reply to ${e.argv[0] ?? ''}: ${formatReply(e.reply)}`;
    case 'key-set':
      return `${e.node}: ${e.key} = ${e.value}${e.expireAtMs < 0 ? ', no TTL' : `, expires when ${e.node}'s clock reads ${e.expireAtMs}`}${e.via === 'command' ? '' : ` (${e.via})`}`;
    case 'key-expire':
      return `${e.node}: ${e.key} ${e.expireAtMs < 0 ? 'loses its TTL' : `now expires when ${e.node}'s clock reads ${e.expireAtMs}`}`;
    case 'key-del':
      return `${e.node}: ${e.key} removed (${e.cause})`;
    case 'client-state':
      return `${e.client} enters ${e.state}`;
    case 'lock-attempt':
      return `${e.client} tries to acquire the lock (round ${e.round}, attempt ${e.attempt}) with value ${e.value}`;
    case 'lock-acquired':
      return `${e.client} believes it holds the lock (epoch ${e.epoch}, ${e.votes} vote(s): ${e.nodes.join(', ')}), valid ${e.validityMs} ms on its clock`;
    case 'lock-failed':
      return `${e.client}'s attempt failed: ${e.reason} (${e.votes} vote(s))`;
    case 'lock-gave-up':
      return `${e.client} gives up after ${e.attempts} attempt(s)`;
    case 'lock-extended':
      return `${e.client} extended its lock: valid ${e.validityMs} ms more on its clock`;
    case 'lock-lost':
      return `${e.client} knows it lost the lock (${e.reason})`;
    case 'lock-released':
      return `${e.client} releases the lock`;
    case 'lease-expired':
      return `${e.client}'s lease has run out on its own clock`;
    case 'client-done':
      return `${e.client} has finished its work`;
    case 'storage-claim':
      return `the storage now keeps ${e.client}'s lock value as the resource's token`;
    case 'storage-write':
      return e.verdict === 'accepted'
        ? `the storage accepts ${e.client}'s write (epoch ${e.epoch})`
        : `the storage rejects ${e.client}'s write (epoch ${e.epoch}): ${e.verdict}`;
    case 'wait-done':
      return `${e.node}: WAIT for ${e.client} done, ${e.acked} replica(s) acknowledged${e.timedOut ? ' (timed out)' : ''}`;
    case 'aof-fsync':
      return `${e.node} fsyncs ${e.entries} AOF entr${e.entries === 1 ? 'y' : 'ies'}`;
    default: {
      const fault = describeFault(e);
      return fault === e.kind ? describeEvent(e) : fault;
    }
  }
}

function dropText(reason: 'loss' | 'partition' | 'process-down' | 'stale'): string {
  switch (reason) {
    case 'loss':
      return 'random loss';
    case 'partition':
      return 'network partition';
    case 'process-down':
      return 'the receiver is down';
    case 'stale':
      return 'a stale connection';
  }
}
