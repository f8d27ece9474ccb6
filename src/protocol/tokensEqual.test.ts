import { describe, expect, it } from 'vitest';
import { tokensEqual } from './tokensEqual.ts';

const TOKEN = 'a3f9c2e4b1d84c07a9e2f5b6c3d1e8f0';

describe('tokensEqual', () => {
  it('matches the same token', () => {
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    expect(tokensEqual(TOKEN, `${TOKEN.slice(0, 16)}${TOKEN.slice(16)}`)).toBe(true);
    expect(tokensEqual('ключ-🔑', 'ключ-🔑')).toBe(true);
  });

  it('refuses a token that differs anywhere, by case, or by length', () => {
    for (let i = 0; i < TOKEN.length; i++) {
      const wrong = TOKEN.slice(0, i) + (TOKEN[i] === '0' ? '1' : '0') + TOKEN.slice(i + 1);
      expect(tokensEqual(wrong, TOKEN), `position ${i}`).toBe(false);
    }
    expect(tokensEqual(TOKEN.toUpperCase(), TOKEN)).toBe(false);
    expect(tokensEqual(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensEqual(`${TOKEN}0`, TOKEN)).toBe(false);
    expect(tokensEqual(TOKEN, `${TOKEN}\u0000`)).toBe(false);
  });

  it('never matches an empty token, even against another empty one', () => {
    expect(tokensEqual('', '')).toBe(false);
    expect(tokensEqual('', TOKEN)).toBe(false);
    expect(tokensEqual(TOKEN, '')).toBe(false);
  });

  it('refuses non-strings instead of throwing', () => {
    expect(tokensEqual(undefined as unknown as string, TOKEN)).toBe(false);
    expect(tokensEqual(TOKEN, 42 as unknown as string)).toBe(false);
  });
});
