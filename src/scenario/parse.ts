import type { z } from 'zod';
import type { Scenario } from '../sim/model/scenario.ts';
import { crossCheck, formatPath } from './crossCheck.ts';
import type { ParseResult, ValidationIssue } from './issues.ts';
import { LIMITS } from './limits.ts';
import { type ScenarioOutputV1, scenarioSchemaV1 } from './schema.ts';

// The engine's Scenario type and the schema's output must stay the same shape.
const _schemaMatchesEngine: (s: ScenarioOutputV1) => Scenario = (s) => s;
const _engineMatchesSchema: (s: Scenario) => ScenarioOutputV1 = (s) => s;
void _schemaMatchesEngine;
void _engineMatchesSchema;

/**
 * Validates an untrusted value as a scenario: the schema (types, ranges, unknown fields),
 * then the cross-field rules. Never throws; every problem comes back with its path.
 */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('(document)', `expected a JSON object, got ${kindOf(input)}`);
  }
  const version = (input as { version?: unknown }).version;
  if (version === undefined) return fail('version', 'missing; this engine reads scenario format version 1');
  if (version !== 1) return fail('version', `unsupported scenario format version ${JSON.stringify(version)}; this engine reads version 1`);
  const result = scenarioSchemaV1.safeParse(input);
  if (!result.success) return { ok: false, issues: dedupe(result.error.issues.map(fromZodIssue)) };
  const scenario: Scenario = result.data;
  const issues = crossCheck(scenario);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: scenario };
}

/** Parses JSON text (a file, a paste) and validates it. */
export function parseScenarioJson(text: string): ParseResult<Scenario> {
  if (text.length > LIMITS.scenarioBytesMax) {
    return fail('(document)', `too large: ${text.length} characters, the limit is ${LIMITS.scenarioBytesMax}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail('(document)', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
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

function fromZodIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` };
    default:
      return { path, message: issue.message };
  }
}

/** zod reports both the safe-integer bound and ours for a huge number; keep the informative one. */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.message.includes(String(Number.MAX_SAFE_INTEGER)) && issues.some((o) => o !== issue && o.path === issue.path)) continue;
    if (out.some((o) => o.path === issue.path && o.message === issue.message)) continue;
    out.push(issue);
  }
  return out;
}
