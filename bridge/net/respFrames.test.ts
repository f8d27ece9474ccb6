import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommand, parseResp } from '../redis/rawCommand.ts';
import { RespFrameSplitter, respFrameLength } from './respFrames.ts';

const b = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Pushes `chunks` through one splitter and returns every frame as text. */
function split(chunks: readonly Buffer[]): string[] {
  const splitter = new RespFrameSplitter();
  return chunks.flatMap((chunk) => splitter.push(chunk)).map((f) => f.toString('latin1'));
}

describe('respFrameLength', () => {
  it('measures each RESP2 type, including nil bulk and nil array', () => {
    expect(respFrameLength(b('+OK\r\n'), 0)).toBe(5);
    expect(respFrameLength(b('-ERR wrong\r\n'), 0)).toBe(12);
    expect(respFrameLength(b(':-42\r\n'), 0)).toBe(6);
    expect(respFrameLength(b('$5\r\nhello\r\n'), 0)).toBe(11);
    expect(respFrameLength(b('$0\r\n\r\n'), 0)).toBe(6);
    expect(respFrameLength(b('$-1\r\n'), 0)).toBe(5);
    expect(respFrameLength(b('*-1\r\n'), 0)).toBe(5);
    expect(respFrameLength(b('*0\r\n'), 0)).toBe(4);
    expect(respFrameLength(b('+\r\n'), 0)).toBe(3);
  });

  it('skips a bulk payload by its length, even when it holds CRLF and type bytes', () => {
    expect(respFrameLength(b('$6\r\n\r\n+\r\n*\r\n'), 0)).toBe(12);
  });

  it('measures nested arrays, and every proper prefix of them is incomplete', () => {
    const frame = b('*3\r\n*2\r\n:1\r\n$-1\r\n*-1\r\n*1\r\n$3\r\nabc\r\n');
    expect(respFrameLength(frame, 0)).toBe(frame.length);
    for (let cut = 0; cut < frame.length; cut++) expect(respFrameLength(frame.subarray(0, cut), 0)).toBeUndefined();
  });

  it('starts at an offset and ignores what follows the frame', () => {
    const data = b('+OK\r\n:7\r\n+PONG\r\n');
    expect(respFrameLength(data, 5)).toBe(4);
    expect(respFrameLength(data, 9)).toBe(7);
  });

  it('throws a clear error on an unknown type byte (an inline command, RESP3)', () => {
    expect(() => respFrameLength(b('PING\r\n'), 0)).toThrow(/unknown type byte 0x50 .*expected one of \+ - : \$ \*/);
    expect(() => respFrameLength(b('%1\r\n'), 0)).toThrow(/unknown type byte 0x25/);
    expect(() => respFrameLength(b('$abc\r\n'), 0)).toThrow(/malformed frame.*not a decimal number/);
    expect(() => respFrameLength(b('$2\r\nabcd\r\n'), 0)).toThrow(/not followed by CRLF/);
  });
});

describe('RespFrameSplitter', () => {
  const frames = ['+OK\r\n', '$5\r\nhello\r\n', ':42\r\n', '-ERR x\r\n', '*2\r\n$3\r\nGET\r\n$1\r\nk\r\n', '$-1\r\n'];
  const stream = b(frames.join(''));

  it('returns many frames from one chunk', () => {
    expect(split([stream])).toEqual(frames);
  });

  it('reassembles frames split across chunks, down to one byte per chunk', () => {
    expect(split([...stream].map((byte) => Buffer.from([byte])))).toEqual(frames);
  });

  it('splits the commands RedisLink writes: the ECHO tag and the command are two frames', () => {
    const written = b(encodeCommand(['ECHO', 'rl:1']) + encodeCommand(['SET', 'lock', 'c1', 'NX', 'PX', '30000']));
    expect(split([written])).toEqual([encodeCommand(['ECHO', 'rl:1']), encodeCommand(['SET', 'lock', 'c1', 'NX', 'PX', '30000'])]);
  });

  it('a 512 MB bulk header does not allocate 512 MB: only the bytes received are held', () => {
    const splitter = new RespFrameSplitter();
    const before = process.memoryUsage().arrayBuffers;
    expect(splitter.push(b('$536870912\r\n'))).toEqual([]);
    expect(splitter.push(Buffer.alloc(1000, 0x61))).toEqual([]);
    expect(splitter.bufferedBytes).toBe(12 + 1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a large bulk arriving in many chunks comes out whole, once', () => {
    const payload = Buffer.alloc(3 * 1024 * 1024, 0x7a);
    const frame = Buffer.concat([b(`$${payload.length}\r\n`), payload, b('\r\n+OK\r\n')]);
    const splitter = new RespFrameSplitter();
    const out: Buffer[] = [];
    for (let at = 0; at < frame.length; at += 65536) out.push(...splitter.push(frame.subarray(at, at + 65536)));
    expect(out.map((f) => f.length)).toEqual([frame.length - 5, 5]);
    expect(out[0]?.subarray(-7).toString()).toBe('zzzzz\r\n');
    expect(splitter.bufferedBytes).toBe(0);
  });

  it('throws on malformed input', () => {
    expect(() => new RespFrameSplitter().push(b('+OK\r\nGET k\r\n'))).toThrow(/unknown type byte 0x47/);
  });

  it('property: frames encoded, concatenated and chopped at random points come out equal', () => {
    const line = fc.string({ maxLength: 16 }).map((s) => s.replace(/[\r\n]/g, ' '));
    const { frame } = fc.letrec<{ frame: Buffer; leaf: Buffer; array: Buffer }>((tie) => ({
      frame: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array')),
      leaf: fc.oneof(
        line.map((s) => Buffer.from(`+${s}\r\n`)),
        line.map((s) => Buffer.from(`-ERR ${s}\r\n`)),
        fc.integer().map((n) => b(`:${n}\r\n`)),
        fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.concat([b(`$${bytes.length}\r\n`), bytes, b('\r\n')])),
        fc.constant(b('$-1\r\n')),
        fc.constant(b('*-1\r\n')),
      ),
      array: fc.array(tie('frame'), { maxLength: 4 }).map((items) => Buffer.concat([b(`*${items.length}\r\n`), ...items])),
    }));
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (encoded, cutSeeds) => {
        const all = Buffer.concat(encoded);
        const cuts = [...new Set(cutSeeds.map((c) => c % (all.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...cuts].map((from, i) => all.subarray(from, cuts[i] ?? all.length));
        const splitter = new RespFrameSplitter();
        const out = chunks.flatMap((chunk) => splitter.push(chunk));
        expect(out).toEqual(encoded);
        expect(splitter.bufferedBytes).toBe(0);
        // The framing agrees with the decoder the bridge uses for values.
        for (const f of out) expect(parseResp(f, 0)?.end).toBe(f.length);
      }),
      { numRuns: 300 },
    );
  });
});
