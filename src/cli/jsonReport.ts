import type { RunSummary } from '../sim/engine/summarize.ts';
import type { RunContext } from './formatSummary.ts';

/**
 * The object `npm run sim -- --json` prints: what ran (name, preset, seed, fencing), the
 * checker's verdict (everything but the per-client beliefs), then the engine's summary with
 * its long lists (faults, nodes, replies) last.
 */
export function jsonReport(s: RunSummary, ctx: RunContext): Record<string, unknown> {
  const { name, seed, traceHash, events, nodes, faults, replies, ...counts } = s;
  const v = ctx.verdict;
  return {
    name,
    preset: ctx.preset,
    seed,
    fencing: ctx.fencing,
    // With no lock clients there is nothing to judge: `safe` is then trivially true.
    lockClients: ctx.lockClients,
    safe: v.safe,
    exclusionViolations: v.exclusionViolations,
    staleWrites: v.staleWrites,
    fencingRejections: v.fencingRejections,
    acquisitions: v.acquisitions,
    maxUnavailableMs: v.maxUnavailableMs,
    unavailable: v.unavailable,
    deadlocked: v.deadlocked,
    deadlocks: v.deadlocks,
    events,
    traceHash,
    ...counts,
    faults,
    nodes,
    replies,
  };
}
