import { formatVerdict } from '../check/formatVerdict.ts';
import type { CheckResult } from '../check/types.ts';
import type { RunSummary } from '../sim/engine/summarize.ts';
import type { Fencing } from '../sim/model/scenario.ts';

/** What the CLI knows about a run besides the engine's summary. */
export interface RunContext {
  verdict: CheckResult;
  fencing: Fencing;
  /** The preset's name, or null for a scenario file. */
  preset: string | null;
  /** Clients that run a lock design (not raw-command scripts): the checker judges only those. */
  lockClients: number;
}

/** The human summary `npm run sim` prints: what happened, then the checker's verdict. */
export function formatSummary(s: RunSummary, ctx: RunContext): string {
  const lines = [
    `${s.name}${ctx.preset !== null ? ` [preset ${ctx.preset}]` : ''}`,
    `  seed ${s.seed}, fencing ${ctx.fencing}, ${s.durationMs} ms simulated${s.truncated ? ' (TRUNCATED: event budget exhausted)' : ''}`,
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
    for (const r of s.replies.slice(0, 30))
      lines.push(`    ${String(r.t).padStart(8)} ms  ${r.client} <- ${r.node}  ${r.command}  =>  ${r.reply}`);
    if (s.replies.length > 30) lines.push(`    … ${s.replies.length - 30} more`);
  }
  lines.push('  nodes at the end:');
  for (const n of s.nodes) {
    const keys = n.keys.map((k) => `${k.key}=${k.value}${k.expireAtMs >= 0 ? ` (expires ${k.expireAtMs})` : ''}`).join(', ');
    const role = n.role === 'replica' ? `replica of ${n.master}` : 'master';
    lines.push(`    ${n.id}: ${n.up ? 'up' : 'down'}, ${role}, ${n.keys.length} key(s)${keys ? `: ${keys}` : ''}`);
  }
  lines.push(`  trace hash ${s.traceHash}`);
  if (ctx.lockClients === 0) {
    lines.push('', 'no verdict: this scenario has only raw-command script clients; the checker judges the beliefs of lock clients and the writes they make');
  } else {
    lines.push('', ...formatVerdictBlock(ctx.verdict));
  }
  return lines.join('\n');
}

/**
 * The verdict, last so that it is what a terminal shows: the SAFE / UNSAFE headline flush
 * left, the findings indented, each exclusion violation followed by its explanation.
 */
export function formatVerdictBlock(verdict: CheckResult): string[] {
  const [headline, ...rest] = formatVerdict(verdict);
  const out = [headline ?? ''];
  // formatVerdict lists the violations right after the headline, one line each, in order.
  rest.forEach((line, i) => {
    out.push(`  ${line}`);
    const violation = verdict.exclusionViolations[i];
    if (violation !== undefined) out.push(...wrap(violation.explanation, 96).map((l) => `      ${l}`));
  });
  return out;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
