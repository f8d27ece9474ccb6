import type { z } from 'zod';
import { formatPath, quoteInput } from './describeValue.ts';

/** Issues named in one error message; the rest are counted. */
export const ISSUES_SHOWN_MAX = 5;

/**
 * One error message for a message that failed its schema, naming each field, like the
 * scenario parser's issues: `invalid lock-op message: ttlMs: too small: expected number
 * to be >=1; op: missing; expected one of "acquire"|"release"|"extend"`.
 */
export function describeIssues(type: string, issues: readonly z.core.$ZodIssue[], input: unknown, fields: readonly string[]): string {
  const parts: string[] = [];
  for (const issue of issues) {
    const part = `${formatPath(issue.path)}: ${describeIssue(issue, input, fields)}`;
    if (!parts.includes(part)) parts.push(part);
  }
  const shown = parts.slice(0, ISSUES_SHOWN_MAX);
  if (parts.length > shown.length) shown.push(`… and ${parts.length - shown.length} more`);
  return `invalid ${type} message: ${shown.join('; ')}`;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, fields: readonly string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.slice(0, 5).map((k) => quoteInput(k));
    const more = issue.keys.length > names.length ? ` and ${issue.keys.length - names.length} more` : '';
    const where = issue.path.length === 0 ? `; its fields are ${fields.join(', ')}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names.join(', ')}${more}${where}`;
  }
  // zod says "Invalid input: expected string, received undefined"; a user reads "missing".
  const text = lowerFirst(issue.message.replace(/^Invalid (input|option): /, ''));
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined && !text.startsWith('missing')) {
    return `missing; ${text.replace(/, received undefined$/, '')}`;
  }
  return text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The value at a path of a parsed JSON value (own properties only), or undefined. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || typeof key === 'symbol') return undefined;
    if (!Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}
