/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, streaming over strings encoded as UTF-8.
 * The engine must not touch host APIs (node:crypto, SubtleCrypto is async), and the
 * trace hash must be the same in Node and in the browser, so it carries its own.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export class Sha256 {
  private h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private block = new Uint8Array(64);
  private blockLen = 0;
  private totalBytes = 0;
  private w = new Uint32Array(64);

  /** Appends the UTF-8 encoding of `text`. */
  update(text: string): this {
    const block = this.block;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        // ASCII fast path: traces are almost all ASCII.
        block[this.blockLen++] = c;
        this.totalBytes++;
        if (this.blockLen === 64) {
          this.compress();
          this.blockLen = 0;
        }
      } else if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
        this.byte(0x80 | (c & 63));
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          this.byte(0xf0 | (c >> 18));
          this.byte(0x80 | ((c >> 12) & 63));
          this.byte(0x80 | ((c >> 6) & 63));
          this.byte(0x80 | (c & 63));
        } else {
          this.threeBytes(0xfffd);
        }
      } else if (c >= 0xd800 && c < 0xe000) {
        this.threeBytes(0xfffd); // lone surrogate, as TextEncoder does
      } else {
        this.threeBytes(c);
      }
    }
    return this;
  }

  /** The digest as 64 lowercase hex characters. Call once. */
  hex(): string {
    const bitsHi = Math.floor(this.totalBytes / 0x20000000);
    const bitsLo = (this.totalBytes * 8) >>> 0;
    this.byte(0x80);
    while (this.blockLen !== 56) this.byte(0);
    for (const word of [bitsHi, bitsLo]) {
      this.byte((word >>> 24) & 0xff);
      this.byte((word >>> 16) & 0xff);
      this.byte((word >>> 8) & 0xff);
      this.byte(word & 0xff);
    }
    let out = '';
    for (let i = 0; i < 8; i++) out += (this.h[i] as number).toString(16).padStart(8, '0');
    return out;
  }

  private threeBytes(c: number): void {
    this.byte(0xe0 | (c >> 12));
    this.byte(0x80 | ((c >> 6) & 63));
    this.byte(0x80 | (c & 63));
  }

  private byte(b: number): void {
    this.block[this.blockLen++] = b;
    this.totalBytes++;
    if (this.blockLen === 64) {
      this.compress();
      this.blockLen = 0;
    }
  }

  private compress(): void {
    const w = this.w;
    const blk = this.block;
    for (let i = 0; i < 16; i++) {
      w[i] = ((blk[i * 4] as number) << 24) | ((blk[i * 4 + 1] as number) << 16) | ((blk[i * 4 + 2] as number) << 8) | (blk[i * 4 + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    const h = this.h;
    let a = h[0] as number, b = h[1] as number, c = h[2] as number, d = h[3] as number;
    let e = h[4] as number, f = h[5] as number, g = h[6] as number, hh = h[7] as number;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + a; h[1] = (h[1] as number) + b; h[2] = (h[2] as number) + c; h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e; h[5] = (h[5] as number) + f; h[6] = (h[6] as number) + g; h[7] = (h[7] as number) + hh;
  }
}

/** SHA-256 of a string's UTF-8 bytes, as hex. */
export function sha256Hex(text: string): string {
  return new Sha256().update(text).hex();
}
