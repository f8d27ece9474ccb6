import { describe, expect, it } from 'vitest';
import { hashLabel, Prng } from './prng.ts';

const draws = (p: Prng, n: number): number[] => Array.from({ length: n }, () => p.nextUint32());

describe('Prng: one seeded, forkable stream', () => {
  it('the same seed gives the same sequence; another seed a different one', () => {
    const a = draws(new Prng(42), 50);
    expect(draws(new Prng(42), 50)).toEqual(a);
    expect(draws(new Prng(43), 50)).not.toEqual(a);
    expect(new Set(a).size).toBe(50);
    for (const x of a) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('pins the first values of seed 1 (a change here changes every recorded trace)', () => {
    expect(draws(new Prng(1), 3)).toEqual([1_828_152_527, 3_394_835_397, 2_967_886_022]);
    expect(draws(new Prng(1).fork('link:C1>A'), 2)).toEqual([3_880_651_999, 2_593_695_671]);
    // Seeds are taken as uint32: -1 and 2^32-1 are the same stream.
    expect(draws(new Prng(-1), 5)).toEqual(draws(new Prng(2 ** 32 - 1), 5));
  });

  it('forks are independent: a fork does not depend on draws from its parent or its siblings', () => {
    const parent = new Prng(7);
    const linkA = parent.fork('link:A>B');
    const expected = draws(new Prng(7).fork('link:A>B'), 20);
    // Draw from the parent and a sibling first: linkA is unaffected.
    draws(parent, 100);
    const sibling = parent.fork('link:B>A');
    draws(sibling, 100);
    expect(draws(linkA, 20)).toEqual(expected);
    expect(draws(new Prng(7).fork('link:B>A'), 20)).not.toEqual(expected);
    expect(draws(new Prng(8).fork('link:A>B'), 20)).not.toEqual(expected);
  });

  it('intInclusive stays within bounds and hits both ends; chance(0) draws nothing', () => {
    const p = new Prng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const v = p.intInclusive(1, 5);
      expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(p.intInclusive(9, 9)).toBe(9);

    const q = new Prng(11);
    const r = new Prng(11);
    expect(q.chance(0)).toBe(false);
    expect(q.chance(1)).toBe(true);
    expect(q.nextUint32()).toBe(r.nextUint32());
  });

  it('hex gives lowercase hex of the requested byte count; labels hash stably (FNV-1a)', () => {
    expect(new Prng(5).hex(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(new Prng(5).hex(16)).toBe(new Prng(5).hex(16));
    expect(hashLabel('')).toBe(0x811c9dc5);
    expect(hashLabel('a')).toBe(0xe40c292c);
  });
});
