/** A token bucket's shape: how many messages at once, and how fast the allowance comes back. */
export interface RateLimit {
  /** Messages allowed back to back from a full bucket (and the bucket's size). */
  burst: number;
  /** Tokens added per second of elapsed time, up to `burst`. */
  refillPerSecond: number;
}

/**
 * The per-connection default: a page's bursts (hello, start-run and a few faults clicked
 * fast, a ping every few seconds) fit easily; a loop flooding the bridge does not.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 40, refillPerSecond: 20 };

/**
 * A token bucket for one connection. Pure: the caller passes the time (e.g.
 * performance.now() in the bridge, anything in tests), so it never reads a clock. A
 * clock that steps backwards adds no tokens (and takes none away).
 */
export class RateLimiter {
  private readonly burst: number;
  private readonly refillPerMs: number;
  private tokens: number;
  private lastMs: number;

  constructor(limit: RateLimit, nowMs: number) {
    if (!(Number.isFinite(limit.burst) && limit.burst >= 1)) throw new RangeError(`burst must be a finite number >= 1, got ${limit.burst}`);
    if (!(Number.isFinite(limit.refillPerSecond) && limit.refillPerSecond > 0)) {
      throw new RangeError(`refillPerSecond must be a finite number > 0, got ${limit.refillPerSecond}`);
    }
    assertTime(nowMs);
    this.burst = limit.burst;
    this.refillPerMs = limit.refillPerSecond / 1000;
    this.tokens = limit.burst;
    this.lastMs = nowMs;
  }

  /** Takes `cost` tokens if there are that many at `nowMs` (true), or takes none (false). */
  tryTake(nowMs: number, cost = 1): boolean {
    this.refill(nowMs);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** How long from `nowMs` until `cost` tokens are there (0 if they are now); for "try again in …". */
  waitMs(nowMs: number, cost = 1): number {
    this.refill(nowMs);
    if (cost > this.burst) return Number.POSITIVE_INFINITY;
    return this.tokens >= cost ? 0 : Math.ceil((cost - this.tokens) / this.refillPerMs);
  }

  private refill(nowMs: number): void {
    assertTime(nowMs);
    if (nowMs <= this.lastMs) return;
    this.tokens = Math.min(this.burst, this.tokens + (nowMs - this.lastMs) * this.refillPerMs);
    this.lastMs = nowMs;
  }
}

function assertTime(nowMs: number): void {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be a finite number, got ${nowMs}`);
}
