import type { CheckResult, Deadlock, ExclusionViolation, FencingRejection, StaleWrite } from './types.ts';

/** "no stale write", "1 stale write", "2 stale writes". */
function count(n: number, noun: string): string {
  if (n === 0) return `no ${noun}`;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function violationLine(v: ExclusionViolation): string {
  const [holder, acquirer] = v.clients;
  return `exclusion violation ${v.atMs}–${v.untilMs} ms: ${holder} (epoch ${v.epochs[0]}) and ${acquirer} (epoch ${v.epochs[1]}) both believed they held the lock`;
}

function staleLine(w: StaleWrite): string {
  return `stale write at ${w.atMs} ms: ${w.client}'s write (epoch ${w.epoch}) was accepted after ${w.newerClient}'s (epoch ${w.newerEpoch}, at ${w.newerAtMs} ms)`;
}

function rejectionLine(r: FencingRejection): string {
  const head = `fencing rejected ${r.client}'s write at ${r.atMs} ms`;
  if (r.verdict === 'token-too-old') return `${head}: token ${r.token ?? '?'}, but token ${r.highestToken ?? '?'} was already accepted`;
  const claimed = r.currentOwner !== null ? `${r.currentOwner}'s lock` : r.currentValue === null ? 'no lock' : `value ${r.currentValue}`;
  return `${head}: the resource belongs to ${claimed}, not ${r.client}'s`;
}

function deadlockLine(d: Deadlock): string {
  return `deadlock since ${d.sinceMs} ms: key ${d.key} on ${d.node} holds ${d.owner}'s value with no TTL, and ${d.owner} is gone`;
}

/**
 * The verdict as lines of plain text for the CLI and the UI: the headline (SAFE / UNSAFE and
 * what broke), one line per finding with times in ms and client ids, then liveness.
 */
export function formatVerdict(result: CheckResult): string[] {
  const v = result.exclusionViolations.length;
  const s = result.staleWrites.length;
  const lines = [`${result.safe ? 'SAFE' : 'UNSAFE'} — ${count(v, 'exclusion violation')}, ${count(s, 'stale write')}`];
  for (const violation of result.exclusionViolations) lines.push(violationLine(violation));
  for (const write of result.staleWrites) lines.push(staleLine(write));
  for (const rejection of result.fencingRejections) lines.push(rejectionLine(rejection));
  lines.push(`acquisitions: ${result.acquisitions}`);
  const u = result.unavailable;
  lines.push(`longest time nobody could get the lock: ${result.maxUnavailableMs} ms${u !== null ? ` (${u.fromMs}–${u.toMs})` : ''}`);
  if (result.deadlocked) {
    lines.push(`DEADLOCK — ${count(result.deadlocks.length, 'lock key')} with no TTL and no owner left to delete it`);
    for (const d of result.deadlocks) lines.push(deadlockLine(d));
  } else {
    lines.push('no deadlock');
  }
  return lines;
}
