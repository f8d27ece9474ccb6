/** What a number field accepts: the schema's own bounds (fieldRules.ts) and whether it must be whole. */
export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}

export type NumberFieldResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Plain decimal notation only: Number() would also take "0x10", "Infinity" or "" (as 0),
 * none of which a person typing a duration means.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads the text of a number field. Refuses anything the schema would refuse, with a message
 * that says what the field takes ("must be a whole number ≥ 0"), so the field can show it
 * before the document is validated as a whole.
 */
export function parseNumberField(text: string, rule: NumberRule): NumberFieldResult {
  const trimmed = text.trim();
  const what = rule.integer ? 'a whole number' : 'a number';
  if (trimmed === '' || !DECIMAL.test(trimmed)) return { ok: false, message: `must be ${what}${describeRange(rule)}` };
  // "-0" is 0: the document would otherwise carry a negative zero nobody typed on purpose.
  const value = Number(trimmed) + 0;
  if (!Number.isFinite(value)) return { ok: false, message: `must be ${what}${describeRange(rule)}` };
  if (rule.integer && !Number.isSafeInteger(value)) return { ok: false, message: `must be ${what}${describeRange(rule)}` };
  if (value < rule.min) return { ok: false, message: `must be ${what} ≥ ${formatNumber(rule.min)}` };
  if (value > rule.max) return { ok: false, message: `must be ${what} ≤ ${formatNumber(rule.max)}` };
  return { ok: true, value };
}

/** " from 1 to 500", " ≥ 0", or "" for an unbounded field. */
export function describeRange(rule: NumberRule): string {
  const low = Number.isFinite(rule.min) && rule.min > Number.MIN_SAFE_INTEGER;
  const high = Number.isFinite(rule.max) && rule.max < Number.MAX_SAFE_INTEGER;
  if (low && high) return ` from ${formatNumber(rule.min)} to ${formatNumber(rule.max)}`;
  if (low) return ` ≥ ${formatNumber(rule.min)}`;
  if (high) return ` ≤ ${formatNumber(rule.max)}`;
  return '';
}

/** 3600000 -> "3,600,000" (fixed separators, whatever the browser's locale). */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
