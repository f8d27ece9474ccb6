/**
 * Compares a presented token with the expected one in time that does not depend on where
 * they first differ, so an attacker cannot guess the token character by character from
 * response times. (Node's crypto.timingSafeEqual would do, but the protocol stays free of
 * Node APIs.) The work depends only on the longer length; token lengths are not secret
 * (a generated token has a fixed format). An empty token never matches: a bridge
 * misconfigured with no token must not let everyone in.
 */
export function tokensEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    // Past the end charCodeAt is NaN; `| 0` makes it 0 without a branch.
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return diff === 0 && length > 0;
}
