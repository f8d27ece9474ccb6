/**
 * RESP2 framing without decoding: where one reply (or one command) ends in a byte stream.
 *
 * The bridge's link proxy must drop or delay whole messages, never a slice of one, or the
 * RESP stream it forwards would be corrupt. So it cuts each direction of a connection into
 * frames here, without decoding them: values are decoded by `parseResp`
 * (bridge/redis/rawCommand.ts) only where they are needed.
 *
 * A frame's length is found by reading headers only and skipping bulk payloads by their
 * declared length, so a 512 MB bulk costs nothing until its bytes have actually arrived.
 */

const CR = 0x0d;
const LF = 0x0a;

/** Where a scan stopped: a whole frame of `length` bytes, or not yet, with at least `needBytes` bytes required. */
type Scan = { complete: true; length: number } | { complete: false; needBytes: number };

/** The byte length of the complete RESP2 frame starting at `at`, or undefined while it is incomplete. Throws on a malformed frame. */
export function respFrameLength(buf: Buffer, at: number): number | undefined {
  const scan = scanFrame(buf, at);
  return scan.complete ? scan.length : undefined;
}

/**
 * Scans one frame iteratively (an array adds its element count to the frames still to read),
 * so a deeply nested reply cannot overflow the stack.
 */
function scanFrame(buf: Buffer, at: number): Scan {
  if (!Number.isInteger(at) || at < 0) throw new Error(`RESP: frame offset must be a non-negative integer, got ${at}`);
  let pos = at;
  let framesLeft = 1;
  while (framesLeft > 0) {
    if (pos >= buf.length) return { complete: false, needBytes: pos + 1 - at };
    const type = buf[pos] ?? 0;
    if (!isTypeByte(type)) throw unknownType(buf, pos);
    const eol = buf.indexOf('\r\n', pos + 1);
    if (eol < 0) return { complete: false, needBytes: buf.length + 1 - at };
    const next = eol + 2;
    framesLeft -= 1;
    if (type === 0x24 /* $ */) {
      const length = headerNumber(buf, pos, eol);
      if (length === -1) {
        pos = next;
        continue;
      }
      if (length < 0) throw malformed(buf, pos, `negative bulk length ${length}`);
      const end = next + length + 2;
      // Skip the payload by its declared length: nothing is allocated for bytes not yet here.
      if (buf.length < end) return { complete: false, needBytes: end - at };
      if (buf[end - 2] !== CR || buf[end - 1] !== LF) throw malformed(buf, pos, `bulk of ${length} bytes not followed by CRLF`);
      pos = end;
    } else if (type === 0x2a /* * */) {
      const count = headerNumber(buf, pos, eol);
      if (count < -1) throw malformed(buf, pos, `negative array length ${count}`);
      if (count > 0) framesLeft += count;
      pos = next;
    } else {
      if (type === 0x3a /* : */) headerNumber(buf, pos, eol);
      pos = next;
    }
  }
  return { complete: true, length: pos - at };
}

/** + (simple string), - (error), : (integer), $ (bulk), * (array): RESP2's five types. */
function isTypeByte(byte: number): boolean {
  return byte === 0x2b || byte === 0x2d || byte === 0x3a || byte === 0x24 || byte === 0x2a;
}

/** The decimal integer between the type byte at `pos` and the CRLF at `eol`. */
function headerNumber(buf: Buffer, pos: number, eol: number): number {
  let i = pos + 1;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i === eol) throw malformed(buf, pos, 'empty number');
  let value = 0;
  for (; i < eol; i++) {
    const digit = (buf[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) throw malformed(buf, pos, 'not a decimal number');
    value = value * 10 + digit;
    if (value > Number.MAX_SAFE_INTEGER) throw malformed(buf, pos, 'number too large');
  }
  return negative ? -value : value;
}

function snippet(buf: Buffer, pos: number): string {
  return JSON.stringify(buf.toString('latin1', pos, Math.min(buf.length, pos + 40)));
}

function unknownType(buf: Buffer, pos: number): Error {
  const byte = buf[pos] ?? 0;
  return new Error(
    `RESP: unknown type byte 0x${byte.toString(16).padStart(2, '0')} at offset ${pos} (expected one of + - : $ *): ${snippet(buf, pos)}`,
  );
}

function malformed(buf: Buffer, pos: number, why: string): Error {
  return new Error(`RESP: malformed frame at offset ${pos}: ${why}: ${snippet(buf, pos)}`);
}

/** Buffers released when the splitter empties, if they grew beyond this (one large reply should not pin memory). */
const KEEP_CAPACITY_BYTES = 1 << 20;

/**
 * Cuts a byte stream into whole RESP2 frames. Chunks may split frames anywhere and hold many
 * frames. Bytes are appended to one buffer that doubles as needed (each byte copied O(1)
 * times on average), and a frame known to need N bytes is not rescanned before N are here.
 * After a throw (malformed input) the stream is beyond repair: drop the connection.
 */
export class RespFrameSplitter {
  private buf = Buffer.alloc(0);
  /** First byte not yet returned as part of a frame. */
  private start = 0;
  /** One past the last byte received. */
  private end = 0;
  /** The frame at `start` needs at least this many bytes before scanning it again is worthwhile. */
  private needBytes = 1;

  /** The complete frames that `chunk` finishes, in order (each a copy). */
  push(chunk: Buffer): Buffer[] {
    this.append(chunk);
    const frames: Buffer[] = [];
    while (this.end - this.start >= this.needBytes) {
      const scan = scanFrame(this.buf.subarray(0, this.end), this.start);
      if (!scan.complete) {
        this.needBytes = scan.needBytes;
        break;
      }
      frames.push(Buffer.from(this.buf.subarray(this.start, this.start + scan.length)));
      this.start += scan.length;
      this.needBytes = 1;
    }
    if (this.start === this.end) this.reset();
    return frames;
  }

  /** Bytes received that are not yet part of a returned frame (an incomplete frame). */
  get bufferedBytes(): number {
    return this.end - this.start;
  }

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const required = live + chunk.length;
      if (required <= this.buf.length >>> 1) {
        // Plenty of room once consumed bytes are gone: slide the live bytes to the front.
        this.buf.copy(this.buf, 0, this.start, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(required, this.buf.length * 2, 4096));
        this.buf.copy(grown, 0, this.start, this.end);
        this.buf = grown;
      }
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  private reset(): void {
    this.start = 0;
    this.end = 0;
    this.needBytes = 1;
    if (this.buf.length > KEEP_CAPACITY_BYTES) this.buf = Buffer.alloc(0);
  }
}
