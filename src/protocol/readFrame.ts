import { findExcessNesting } from './jsonNesting.ts';
import type { FrameLimits } from './limits.ts';

/**
 * A WebSocket frame as the two ends receive it: a string (the browser's text frames), an
 * ArrayBuffer or a byte view (ws hands the bridge a Buffer, a Uint8Array), or a list of
 * byte views (ws's fragmented messages).
 */
export type FrameData = string | ArrayBuffer | ArrayBufferView | readonly ArrayBufferView[];

export type FrameResult = { ok: true; value: unknown } | { ok: false; code: 'too-large' | 'not-json' | 'invalid'; message: string };

/**
 * A frame's JSON value, after three checks that cost at most one pass over the bytes and
 * happen BEFORE JSON.parse: the size (a 10 MB frame is refused by its length alone), the
 * text encoding (UTF-8), and the nesting depth. Never throws.
 */
export function readFrame(data: FrameData, limits: FrameLimits): FrameResult {
  const size = frameBytes(data, limits.messageBytesMax);
  if (size === null)
    return { ok: false, code: 'invalid', message: `(message): expected a text or binary frame, got ${describeFrame(data)}` };
  if (size > limits.messageBytesMax) {
    return {
      ok: false,
      code: 'too-large',
      message: `(message): at least ${size} bytes, more than the limit of ${limits.messageBytesMax}; nothing of it was read`,
    };
  }
  const text = typeof data === 'string' ? data : decodeUtf8(data);
  if (text === null) return { ok: false, code: 'not-json', message: '(message): not valid UTF-8 text' };
  const tooDeep = findExcessNesting(text, limits.nestingDepthMax);
  if (tooDeep !== -1) {
    return {
      ok: false,
      code: 'invalid',
      message: `(message): nested more than ${limits.nestingDepthMax} levels deep (at character ${tooDeep})`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return {
      ok: false,
      code: 'not-json',
      message: `(message): not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'parse error'}`,
    };
  }
}

/**
 * The frame's size in bytes (as UTF-8 for a string), or null if it is no frame at all. A
 * string longer than `bytesMax` is too large by its length alone (at least one byte per
 * UTF-16 unit), so a 10 MB string costs no pass over it; that length is then a lower bound.
 */
function frameBytes(data: unknown, bytesMax: number): number | null {
  if (typeof data === 'string') return data.length > bytesMax ? data.length : utf8Bytes(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) {
    let total = 0;
    for (const part of data) {
      if (!ArrayBuffer.isView(part)) return null;
      total += part.byteLength;
    }
    return total;
  }
  return null;
}

/** UTF-8 length of a string (a lone surrogate becomes U+FFFD, 3 bytes, as TextEncoder writes it). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// fatal: a frame that is not UTF-8 is refused, not silently repaired with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(data: ArrayBuffer | ArrayBufferView | readonly ArrayBufferView[]): string | null {
  try {
    return utf8.decode(toBytes(data));
  } catch {
    return null;
  }
}

function toBytes(data: ArrayBuffer | ArrayBufferView | readonly ArrayBufferView[]): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (!Array.isArray(data)) {
    const view = data as ArrayBufferView;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  const parts = data as readonly ArrayBufferView[];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    offset += p.byteLength;
  }
  return out;
}

function describeFrame(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list with something other than bytes in it';
  return typeof data;
}
