import type { TraceEvent } from '../sim/trace/events.ts';
import { type ExplainContext, explainContext, explainOverlap } from './explain.ts';
import type { Belief, ExclusionViolation } from './types.ts';

/** Who acquired first: earlier start, then the lower epoch (epochs count acquisitions in true-time order). */
function byStart(a: Belief, b: Belief): number {
  return a.startMs - b.startMs || a.epoch - b.epoch || a.startIndex - b.startIndex;
}

/**
 * Pairs of beliefs of different clients that overlap in true time. Beliefs are half-open
 * [startMs, endMs): touching beliefs do not overlap, and a zero-length belief overlaps
 * nothing. A sweep by start time keeps only the beliefs still running, so the pairwise
 * work is over overlapping beliefs only. Pairs come as [earlier acquirer, later acquirer].
 */
export function overlappingBeliefs(beliefs: readonly Belief[]): Array<[Belief, Belief]> {
  const sorted = [...beliefs].sort(byStart);
  const pairs: Array<[Belief, Belief]> = [];
  let active: Belief[] = [];
  for (const b of sorted) {
    // Anything that ended by b's start ended before every later start too.
    active = active.filter((a) => a.endMs > b.startMs);
    if (b.endMs <= b.startMs) continue;
    for (const a of active) if (a.client !== b.client) pairs.push([a, b]);
    active.push(b);
  }
  return pairs;
}

/**
 * The exclusion violations of a run: two clients believing at once that they hold the lock.
 * atMs = the later start, untilMs = the earlier end. One per overlapping pair, sorted by atMs
 * then clients, each with the events that explain it.
 */
export function exclusionViolations(trace: readonly TraceEvent[], beliefs: readonly Belief[]): ExclusionViolation[] {
  const pairs = overlappingBeliefs(beliefs);
  return pairs.length === 0 ? [] : explainPairs(pairs, explainContext(trace));
}

/** Violations for overlapping pairs from overlappingBeliefs, explained with `ctx`, sorted by atMs then clients. */
export function explainPairs(pairs: ReadonlyArray<readonly [Belief, Belief]>, ctx: ExplainContext): ExclusionViolation[] {
  const violations: ExclusionViolation[] = pairs.map(([holder, acquirer]) => {
    const { explanation, causes } = explainOverlap(ctx, holder, acquirer);
    return {
      atMs: acquirer.startMs,
      untilMs: Math.min(holder.endMs, acquirer.endMs),
      clients: [holder.client, acquirer.client],
      values: [holder.value, acquirer.value],
      epochs: [holder.epoch, acquirer.epoch],
      explanation,
      causes,
    };
  });
  violations.sort(
    (x, y) =>
      x.atMs - y.atMs ||
      compareText(x.clients[0], y.clients[0]) ||
      compareText(x.clients[1], y.clients[1]) ||
      x.epochs[0] - y.epochs[0] ||
      x.epochs[1] - y.epochs[1],
  );
  return violations;
}

/** Code-unit order: the same on every host (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
