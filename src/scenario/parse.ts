import type { z } from 'zod';
import { findExcessNesting } from '../protocol/jsonNesting.ts';
import type { Scenario } from '../sim/model/scenario.ts';
import { crossCheck, formatPath } from './crossCheck.ts';
import { type ParseResult, quoteInput, type ValidationIssue } from './issues.ts';
import { LIMITS } from './limits.ts';
import { type ScenarioOutputV1, scenarioSchemaV1 } from './schema.ts';

// The engine's Scenario type and the schema's output must stay the same shape.
const _schemaMatchesEngine: (s: ScenarioOutputV1) => Scenario = (s) => s;
const _engineMatchesSchema: (s: Scenario) => ScenarioOutputV1 = (s) => s;
void _schemaMatchesEngine;
void _engineMatchesSchema;

/** At most this many issues come back; a document with more is summarised by a last issue. */
export const ISSUES_MAX = 100;
/**
 * JSON text nested deeper than this is refused before JSON.parse sees it. A valid scenario
 * is at most 7 levels deep (clients[].strategy.steps[].argv[]); the margin is generous, and
 * the bound keeps every JSON parser (some browsers' are recursive) far from its stack limit.
 */
export const NESTING_DEPTH_MAX = 64;

/**
 * Validates an untrusted value as a scenario: the schema (types, ranges, unknown fields),
 * then the cross-field rules. Never throws; every problem comes back with its path.
 */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  try {
    return parseObject(input);
  } catch (e) {
    // A hostile JavaScript value (a getter or Proxy that throws, a cycle, a stack overflow)
    // is still an invalid document, not a crash.
    return fail('(document)', `could not be read: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : 'unexpected value'}`);
  }
}

function parseObject(input: unknown): ParseResult<Scenario> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('(document)', `expected a JSON object, got ${kindOf(input)}`);
  }
  const version = (input as { version?: unknown }).version;
  if (version === undefined) return fail('version', 'missing; this engine reads scenario format version 1');
  if (version !== 1) return fail('version', `unsupported scenario format version ${describeValue(version)}; this engine reads version 1`);
  const result = safeParseSchema(input);
  if (result === 'too-many-issues') return tooManyIssues(input);
  if (!result.success) return { ok: false, issues: fromZodIssues(result.error.issues) };
  const scenario: Scenario = result.data;
  const issues = crossCheck(scenario);
  if (issues.length > 0) return { ok: false, issues: capped(issues) };
  return { ok: true, value: scenario };
}

/**
 * zod gathers a subtree's issues with `push(...issues)`, which overflows the stack when one
 * document has more than ~100,000 problems (about 65,000 in Safari): a 1 MB file of 5,000
 * script steps with 32 wrong arguments each is enough. That RangeError means "too many
 * issues", not a broken document.
 */
function safeParseSchema(input: unknown): ReturnType<typeof scenarioSchemaV1.safeParse> | 'too-many-issues' {
  try {
    return scenarioSchemaV1.safeParse(input);
  } catch (e) {
    if (e instanceof RangeError) return 'too-many-issues';
    throw e;
  }
}

/** Arrays kept per level when re-validating a document with too many issues to gather. */
const PRUNED_ARRAY_LENGTH = 20;

/**
 * The first issues of a document with too many to gather: re-validates a copy whose arrays
 * keep only their first elements (same indices, so the paths stay true), then says so.
 */
function tooManyIssues(input: unknown): ParseResult<Scenario> {
  const summary: ValidationIssue = { path: '(document)', message: 'too many problems to list them all; these are the first ones' };
  const result = safeParseSchema(pruneArrays(input, 0));
  if (result === 'too-many-issues' || result.success) return { ok: false, issues: [summary] };
  const issues = fromZodIssues(result.error.issues).slice(0, ISSUES_MAX - 1);
  return { ok: false, issues: [...issues.filter((i) => !i.message.startsWith('… and')), summary] };
}

function pruneArrays(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > NESTING_DEPTH_MAX) return value;
  if (Array.isArray(value)) return value.slice(0, PRUNED_ARRAY_LENGTH).map((v) => pruneArrays(v, depth + 1));
  // fromEntries defines own properties, so a "__proto__" key stays a key (and stays an error).
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruneArrays(v, depth + 1)]));
}

/** Parses JSON text (a file, a paste) and validates it. Never throws. */
export function parseScenarioJson(text: string): ParseResult<Scenario> {
  if (typeof text !== 'string') return fail('(document)', `expected JSON text, got ${kindOf(text)}`);
  if (text.length > LIMITS.scenarioBytesMax) {
    return fail('(document)', `too large: ${text.length} characters, the limit is ${LIMITS.scenarioBytesMax}`);
  }
  const tooDeep = findExcessNesting(text, NESTING_DEPTH_MAX);
  if (tooDeep !== -1) {
    return fail('(document)', `nested more than ${NESTING_DEPTH_MAX} levels deep (at character ${tooDeep}); a scenario is never that deep`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail('(document)', `not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'parse error'}`);
  }
  return parseScenario(value);
}

function fail(path: string, message: string): ParseResult<Scenario> {
  return { ok: false, issues: [{ path, message }] };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** A short, safe rendering of any value for a message (never throws, never huge). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `(${kindOf(value)})`;
}

function fromZodIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, 5).map((k) => quoteInput(k));
      const more = issue.keys.length > shown.length ? ` and ${issue.keys.length - shown.length} more` : '';
      return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more}` };
    }
    default:
      return { path, message: issue.message };
  }
}

/**
 * zod's issues as ours, duplicates dropped, at most ISSUES_MAX (the last one then says how
 * many more there are). Converts only what it returns, so a document with 200,000 problems
 * costs no more than one with 100. zod reports both the safe-integer bound and ours for a
 * huge number, one after the other; only the informative one is kept.
 */
function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const safeIntegerText = String(Number.MAX_SAFE_INTEGER);
  const samePath = (i: number, j: number): boolean => {
    const other = issues[j];
    return other !== undefined && formatPath(other.path) === formatPath((issues[i] as z.core.$ZodIssue).path);
  };
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (let i = 0; i < issues.length; i++) {
    const zodIssue = issues[i] as z.core.$ZodIssue;
    if (zodIssue.message.includes(safeIntegerText) && (samePath(i, i - 1) || samePath(i, i + 1))) continue;
    const issue = fromZodIssue(zodIssue);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    if (out.length === ISSUES_MAX) {
      // One more than fits: the last place goes to a summary of the rest.
      out[ISSUES_MAX - 1] = { path: '(document)', message: `… and up to ${issues.length - i + 1} more issues` };
      break;
    }
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function capped(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= ISSUES_MAX) return issues;
  const rest = issues.length - (ISSUES_MAX - 1);
  return [...issues.slice(0, ISSUES_MAX - 1), { path: '(document)', message: `… and ${rest} more issues` }];
}
