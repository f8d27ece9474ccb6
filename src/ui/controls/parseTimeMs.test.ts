import { describe, expect, it } from 'vitest';
import { parseTimeMs } from './parseTimeMs.ts';

describe('parseTimeMs', () => {
  it('reads ms, seconds and thousands separators', () => {
    expect(parseTimeMs('1200', 5000)).toEqual({ ok: true, ms: 1200 });
    expect(parseTimeMs(' 1,200 ms', 5000)).toEqual({ ok: true, ms: 1200 });
    expect(parseTimeMs('1.2 s', 5000)).toEqual({ ok: true, ms: 1200 });
    expect(parseTimeMs('0.0004s', 5000)).toEqual({ ok: true, ms: 0 });
  });

  it('says why it refuses', () => {
    expect(parseTimeMs('soon', 5000)).toMatchObject({ ok: false, message: expect.stringContaining('a time is a number') });
    expect(parseTimeMs('-5', 5000).ok).toBe(false);
    expect(parseTimeMs('6 s', 5000)).toEqual({ ok: false, message: 'the run ends at 5000 ms' });
  });
});
