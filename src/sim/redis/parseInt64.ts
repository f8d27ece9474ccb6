export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const STRICT_INT = /^(0|-?[1-9][0-9]{0,18})$/;

/**
 * Parses a decimal integer exactly as Redis's string2ll accepts it: no sign '+', no
 * leading zeros, no spaces, "-0" rejected, within int64. Returns null when Redis would
 * answer "value is not an integer or out of range".
 */
export function parseInt64(text: string): bigint | null {
  if (!STRICT_INT.test(text)) return null;
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) return null;
  return n;
}

export function inInt64(n: bigint): boolean {
  return n >= INT64_MIN && n <= INT64_MAX;
}
