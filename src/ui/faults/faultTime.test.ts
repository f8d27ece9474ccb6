import { describe, expect, it } from 'vitest';
import { formatMs, parseFaultTime } from './faultTime.ts';

describe('parseFaultTime', () => {
  it('takes a whole ms within the run', () => {
    expect(parseFaultTime(' 1500 ', 8000)).toEqual({ ok: true, atMs: 1500 });
    expect(parseFaultTime('0', 8000)).toEqual({ ok: true, atMs: 0 });
    expect(parseFaultTime('8000', 8000)).toEqual({ ok: true, atMs: 8000 });
  });
  it('says what is wrong with anything else', () => {
    expect(parseFaultTime('', 8000)).toEqual({ ok: false, message: 'Enter a time in ms.' });
    expect(parseFaultTime('soon', 8000)).toEqual({ ok: false, message: 'Enter a time in ms.' });
    expect(parseFaultTime('1.5', 8000)).toEqual({ ok: false, message: 'Use a whole number of ms.' });
    expect(parseFaultTime('-1', 8000)).toEqual({ ok: false, message: 'The run starts at 0 ms.' });
    expect(parseFaultTime('8001', 8000)).toEqual({ ok: false, message: 'The run ends at 8000 ms.' });
  });
});

describe('formatMs', () => {
  it('rounds and groups thousands', () => {
    expect(formatMs(1234.4)).toBe('1,234');
    expect(formatMs(999.6)).toBe('1,000');
    expect(formatMs(0)).toBe('0');
  });
});
