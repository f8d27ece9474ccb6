/**
 * Base64url without padding (RFC 4648 §5), for bytes in a URL fragment. Pure and the same in
 * Node and the browser (no Buffer, no atob). Decoding refuses any character outside the
 * alphabet instead of skipping it: a mangled link must say so.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)];
    if (b1 !== undefined) out += ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)];
    if (b2 !== undefined) out += ALPHABET[b2 & 63];
  }
  return out;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export function fromBase64url(text: string): Base64Result {
  if (text.length % 4 === 1) return { ok: false, message: 'the data is cut short (its length cannot be base64url)' };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let n = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const values: number[] = [];
    for (const c of chunk) {
      const v = VALUE.get(c);
      if (v === undefined)
        return {
          ok: false,
          message: `the data has a character that does not belong in a link: ${JSON.stringify(c)} at ${i + values.length}`,
        };
      values.push(v);
    }
    const [v0 = 0, v1 = 0, v2, v3] = values;
    bytes[n++] = (v0 << 2) | (v1 >> 4);
    if (v2 !== undefined) bytes[n++] = ((v1 & 15) << 4) | (v2 >> 2);
    if (v3 !== undefined && v2 !== undefined) bytes[n++] = ((v2 & 3) << 6) | v3;
  }
  return { ok: true, bytes: bytes.subarray(0, n) };
}
