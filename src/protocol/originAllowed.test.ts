import { describe, expect, it } from 'vitest';
import { originAllowed } from './originAllowed.ts';

const ALLOWLIST = ['http://localhost:5173', 'http://127.0.0.1:5173'];

describe('originAllowed', () => {
  it('allows exactly the listed origins', () => {
    expect(originAllowed('http://localhost:5173', ALLOWLIST)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', ALLOWLIST)).toBe(true);
  });

  it('refuses look-alikes: other ports, schemes, cases, suffixes, paths', () => {
    for (const origin of [
      'http://localhost:5174',
      'https://localhost:5173',
      'http://LOCALHOST:5173',
      'http://localhost:5173/',
      'http://localhost:5173.evil.example',
      'http://evil.example/http://localhost:5173',
      'http://localhost',
      ' http://localhost:5173',
    ]) {
      expect(originAllowed(origin, ALLOWLIST), origin).toBe(false);
    }
  });

  it('refuses the opaque origin "null" unless it is listed', () => {
    expect(originAllowed('null', ALLOWLIST)).toBe(false);
    expect(originAllowed('null', [...ALLOWLIST, 'null'])).toBe(true);
  });

  it('refuses a missing origin unless asked to allow it', () => {
    for (const origin of [undefined, null, '']) {
      expect(originAllowed(origin, ALLOWLIST)).toBe(false);
      expect(originAllowed(origin, ALLOWLIST, { allowMissing: true })).toBe(true);
    }
    // Allowing missing origins does not allow "null".
    expect(originAllowed('null', ALLOWLIST, { allowMissing: true })).toBe(false);
  });

  it('has no wildcard: an empty list allows nothing, "*" matches only "*"', () => {
    expect(originAllowed('http://localhost:5173', [])).toBe(false);
    expect(originAllowed('http://localhost:5173', ['*'])).toBe(false);
  });
});
