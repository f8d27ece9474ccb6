/**
 * The arithmetic of Redlock as documented (R12, R19, R21): pure functions, no time or
 * randomness of their own. The client machine (next) calls them with readings of its own
 * clock and draws from the engine's PRNG.
 */

/** A majority of N independent masters: floor(N/2) + 1 (R12, R21, R23). */
export function quorum(nodeCount: number): number {
  if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new RangeError(`node count must be a positive integer, got ${nodeCount}`);
  return Math.floor(nodeCount / 2) + 1;
}

/**
 * Clock drift allowance: round(driftFactor × TTL) + 2 ms — "Redis expires precision, which
 * is 1 ms, plus 1 ms min drift" (redlock-rb, node-redlock; R19).
 */
export function driftMs(ttlMs: number, driftFactor: number): number {
  return Math.round(driftFactor * ttlMs) + 2;
}

/**
 * Validity left after an acquisition that took `elapsedMs` on the client's own clock:
 * TTL − elapsed − drift (R12 step 4, R19). The lock counts as acquired only if this is > 0
 * and a quorum was reached.
 */
export function validityMs(ttlMs: number, elapsedMs: number, driftFactor: number): number {
  return ttlMs - elapsedMs - driftMs(ttlMs, driftFactor);
}

/** R12 step 3 with the validity re-check: a quorum of votes and some validity left. */
export function isAcquired(votes: number, nodeCount: number, ttlMs: number, elapsedMs: number, driftFactor: number): boolean {
  return votes >= quorum(nodeCount) && validityMs(ttlMs, elapsedMs, driftFactor) > 0;
}

/**
 * Retry delay: retryDelay ± jitter, never negative (R14, R21:
 * max(0, retryDelay + floor((rand × 2 − 1) × retryJitter))). `unit` is a draw in [0, 1).
 */
export function retryDelayMs(retryDelay: number, retryJitter: number, unit: number): number {
  if (!(unit >= 0 && unit < 1)) throw new RangeError(`unit must be in [0, 1), got ${unit}`);
  return Math.max(0, retryDelay + Math.floor((unit * 2 - 1) * retryJitter));
}

/** The inclusive bounds retryDelayMs can return, for documentation and the UI. */
export function retryDelayBoundsMs(retryDelay: number, retryJitter: number): { minMs: number; maxMs: number } {
  return { minMs: Math.max(0, retryDelay - retryJitter), maxMs: Math.max(0, retryDelay + retryJitter - 1) };
}

/**
 * Time a whole attempt can take before its replies are useless. In parallel mode every
 * request shares one timeout; sequentially the timeouts add up (R12 step 2).
 */
export function attemptBudgetMs(mode: 'parallel' | 'sequential', nodeCount: number, requestTimeoutMs: number): number {
  return mode === 'parallel' ? requestTimeoutMs : nodeCount * requestTimeoutMs;
}
