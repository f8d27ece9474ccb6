import type { RunSummary } from '../sim/engine/summarize.ts';

/** The human summary `npm run sim` prints. */
export function formatSummary(s: RunSummary): string {
  const lines = [
    `${s.name}`,
    `  seed ${s.seed}, ${s.durationMs} ms simulated${s.truncated ? ' (TRUNCATED: event budget exhausted)' : ''}`,
    `  ${s.events} trace events, ${s.schedulerEvents} scheduler events`,
    `  messages: ${s.messages.sent} sent, ${s.messages.dropped} dropped, ${s.messages.late} processed late (receiver paused)`,
    `  commands: ${s.commands} executed (${s.errors} error replies), ${s.keyWrites} key writes`,
    `  expiries: ${s.expiries.passive} passive, ${s.expiries.active} active`,
  ];
  if (s.faults.length > 0) {
    lines.push('  what happened:');
    for (const f of s.faults.slice(0, 40)) lines.push(`    ${String(f.t).padStart(8)} ms  ${f.text}`);
    if (s.faults.length > 40) lines.push(`    … ${s.faults.length - 40} more`);
  }
  if (s.replies.length > 0) {
    lines.push('  replies:');
    for (const r of s.replies.slice(0, 30)) lines.push(`    ${String(r.t).padStart(8)} ms  ${r.client} <- ${r.node}  ${r.command}  =>  ${r.reply}`);
    if (s.replies.length > 30) lines.push(`    … ${s.replies.length - 30} more`);
  }
  lines.push('  nodes at the end:');
  for (const n of s.nodes) {
    const keys = n.keys.map((k) => `${k.key}=${k.value}${k.expireAtMs >= 0 ? ` (expires ${k.expireAtMs})` : ''}`).join(', ');
    const role = n.role === 'replica' ? `replica of ${n.master}` : 'master';
    lines.push(`    ${n.id}: ${n.up ? 'up' : 'down'}, ${role}, ${n.keys.length} key(s)${keys ? `: ${keys}` : ''}`);
  }
  lines.push(`  trace hash ${s.traceHash}`);
  return lines.join('\n');
}
