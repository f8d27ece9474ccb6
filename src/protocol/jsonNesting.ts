/** Shared by the bridge protocol's frame reader and the scenario parser: both refuse deep JSON before JSON.parse. */
/**
 * The offset of the first bracket that opens level `maxDepth + 1`, or -1. One pass over
 * the text, skipping string literals (where brackets are just characters).
 */
export function findExcessNesting(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}
