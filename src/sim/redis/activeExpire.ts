import type { Change } from './change.ts';
import { isExpired, type Keyspace } from './keyspace.ts';

/** ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP at active-expire-effort 1 (expire.c). */
export const KEYS_PER_LOOP = 20;
/** ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE: keep looping while more than 10% of a sample was expired. */
export const ACCEPTABLE_STALE_PERCENT = 10;
/**
 * Stand-in for the slow cycle's CPU budget (25% of 1000/hz ms). Simulated time does not
 * pass while a cycle runs, so the budget is a bound on sampling loops instead.
 */
export const MAX_LOOPS = 16;

/**
 * One slow active-expiry cycle on a master (R4): walk the keys with a TTL from a scan
 * cursor, up to 20 per loop, delete the expired ones, and loop again while more than
 * 10% of the sample had expired. Returns the new cursor; the DELs go into `changes`.
 */
export function activeExpireCycle(keys: Keyspace, nowMs: number, cursor: number, changes: Change[]): number {
  for (let loop = 0; loop < MAX_LOOPS; loop++) {
    const volatile: string[] = [];
    for (const [key, e] of keys.entries) if (e.expireAtMs >= 0) volatile.push(key);
    if (volatile.length === 0) return 0;
    let sampled = 0;
    let expired = 0;
    let index = cursor % volatile.length;
    while (sampled < KEYS_PER_LOOP && sampled < volatile.length) {
      const key = volatile[index] as string;
      const entry = keys.get(key);
      if (entry !== undefined && isExpired(entry, nowMs)) {
        keys.delete(key);
        changes.push({ kind: 'del', key, cause: 'expired-active' });
        expired++;
      }
      sampled++;
      index = (index + 1) % volatile.length;
    }
    cursor = Math.max(0, index - expired);
    if (expired * 100 <= sampled * ACCEPTABLE_STALE_PERCENT) return cursor;
  }
  return cursor;
}
