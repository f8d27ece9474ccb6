import { describe, expect, it } from 'vitest';
import { describeRange, formatNumber, parseNumberField } from './parseNumberField.ts';

const wholeMs = { min: 0, max: 3_600_000, integer: true };
const rate = { min: 0, max: 1, integer: false };

describe('parseNumberField', () => {
  it('accepts what the field takes, trimmed', () => {
    expect(parseNumberField(' 1500 ', wholeMs)).toEqual({ ok: true, value: 1500 });
    expect(parseNumberField('0.25', rate)).toEqual({ ok: true, value: 0.25 });
    expect(parseNumberField('.5', rate)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberField('1e3', wholeMs)).toEqual({ ok: true, value: 1000 });
  });

  it('reads -0 as 0', () => {
    const result = parseNumberField('-0', wholeMs);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it('says a whole number is needed for a fraction, text, or nothing', () => {
    expect(parseNumberField('1.5', wholeMs)).toEqual({ ok: false, message: 'must be a whole number from 0 to 3,600,000' });
    expect(parseNumberField('abc', wholeMs)).toEqual({ ok: false, message: 'must be a whole number from 0 to 3,600,000' });
    expect(parseNumberField('', wholeMs)).toEqual({ ok: false, message: 'must be a whole number from 0 to 3,600,000' });
    expect(parseNumberField('0x10', wholeMs).ok).toBe(false);
    expect(parseNumberField('Infinity', rate)).toEqual({ ok: false, message: 'must be a number from 0 to 1' });
    expect(parseNumberField('1e400', rate).ok).toBe(false);
    expect(parseNumberField('99999999999999999999', wholeMs).ok).toBe(false);
  });

  it('names the bound that was crossed', () => {
    expect(parseNumberField('-1', wholeMs)).toEqual({ ok: false, message: 'must be a whole number ≥ 0' });
    expect(parseNumberField('3600001', wholeMs)).toEqual({ ok: false, message: 'must be a whole number ≤ 3,600,000' });
    expect(parseNumberField('1.01', rate)).toEqual({ ok: false, message: 'must be a number ≤ 1' });
  });
});

describe('describeRange and formatNumber', () => {
  it('writes bounds the way a reader expects them', () => {
    expect(describeRange({ min: 1, max: 500, integer: true })).toBe(' from 1 to 500');
    expect(describeRange({ min: 0, max: Number.POSITIVE_INFINITY, integer: true })).toBe(' ≥ 0');
    expect(describeRange({ min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, integer: false })).toBe('');
    expect(formatNumber(-86_400_000)).toBe('-86,400,000');
    expect(formatNumber(4_294_967_295)).toBe('4,294,967,295');
    expect(formatNumber(1000)).toBe('1000');
    expect(formatNumber(0.01)).toBe('0.01');
  });
});
