import { describe, expect, it } from 'vitest';
import { parseSeed, SEED_MAX } from './parseSeed.ts';

describe('parseSeed', () => {
  it('takes a whole number, spaces around it allowed', () => {
    expect(parseSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed(String(SEED_MAX))).toEqual({ ok: true, seed: SEED_MAX });
  });

  it('says what is wrong with anything else', () => {
    for (const bad of ['', '-1', '1.5', 'abc', '1e3', '0x10'])
      expect(parseSeed(bad)).toEqual({ ok: false, message: 'the seed is a whole number, 0 or more' });
    expect(parseSeed(String(SEED_MAX + 1))).toEqual({ ok: false, message: `the seed is at most ${SEED_MAX}` });
    expect(parseSeed('99999999999999999999').ok).toBe(false);
  });
});
