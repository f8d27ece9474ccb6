import { formatIssues } from '../../scenario/issues.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { NESTING_DEPTH_MAX, parseScenario } from '../../scenario/parse.ts';
import type { Scenario } from '../../sim/model/scenario.ts';

/** A scenario file is at most what the scenario format allows (1 MB). */
export const SCENARIO_FILE_CHARS_MAX = LIMITS.scenarioBytesMax;
/**
 * An exported trace carries its events besides the scenario: busy-redlock's is 2.3 MB. Only
 * the scenario in it is used (the run is made again from it), but the file must open.
 */
export const TRACE_FILE_CHARS_MAX = 32_000_000;
/** Validation issues shown for a refused file: enough to find the problem, not a wall of text. */
export const ISSUES_SHOWN_MAX = 5;

export type ImportedFile =
  | {
      ok: true;
      scenario: Scenario;
      /** What the file was: a scenario document, or a trace exported by the playground. */
      kind: 'scenario' | 'trace';
      /** The hash a trace file recorded, to compare with the run made again; null for a scenario file. */
      traceHash: string | null;
    }
  | { ok: false; message: string };

const WHAT_OPENS = 'Open a scenario (.json) or a trace exported from the playground.';

/**
 * A file from outside (chosen or dropped): a scenario document, or the trace file that "Trace
 * as JSON" writes ({scenario, traceHash, trace}), whose scenario is taken. Anything else gets
 * a message saying what is wrong. Pure; never throws.
 */
export function parseImportedFile(text: string): ImportedFile {
  if (typeof text !== 'string') return refuse(`This file could not be read as text. ${WHAT_OPENS}`);
  if (text.length > TRACE_FILE_CHARS_MAX) return refuse(tooLarge(text.length));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return refuse(`This file is empty. ${WHAT_OPENS}`);
  if (nestedDeeperThan(body, NESTING_DEPTH_MAX)) {
    return refuse(`This file is not a scenario: its JSON is nested more than ${NESTING_DEPTH_MAX} levels deep.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 160) : 'parse error';
    return refuse(`This file is not JSON (${why}). ${WHAT_OPENS}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse(`This file holds ${kindOf(value)}, not a scenario (a JSON object). ${WHAT_OPENS}`);
  }
  const record = value as Record<string, unknown>;
  // A scenario has neither field (the format refuses unknown fields), so they mark a trace file.
  const isTrace = Object.hasOwn(record, 'trace') || Object.hasOwn(record, 'traceHash');
  if (!isTrace && text.length > SCENARIO_FILE_CHARS_MAX) return refuse(tooLarge(text.length));
  const candidate = isTrace ? record.scenario : value;
  if (isTrace && (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate))) {
    return refuse('This looks like an exported trace, but it has no scenario in it (the "scenario" field), so it cannot be opened.');
  }
  const parsed = parseScenario(candidate);
  if (!parsed.ok) {
    const head = isTrace ? 'The scenario in this trace file is not valid' : 'This file is not a valid scenario';
    return refuse(`${head}:\n${formatIssues(parsed.issues, ISSUES_SHOWN_MAX)}`);
  }
  const hash = isTrace && typeof record.traceHash === 'string' ? record.traceHash : null;
  return { ok: true, scenario: parsed.value, kind: isTrace ? 'trace' : 'scenario', traceHash: hash };
}

function refuse(message: string): ImportedFile {
  return { ok: false, message };
}

/** Why a file of this size cannot be opened (also checked on a file's size before it is read). */
export function tooLarge(chars: number): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `This file is too large to open (${mb(chars)}): a scenario is at most ${mb(SCENARIO_FILE_CHARS_MAX)}, an exported trace at most ${mb(TRACE_FILE_CHARS_MAX)}.`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a JSON array';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/**
 * Whether brackets nest deeper than `max` (strings skipped): such text is refused before
 * JSON.parse sees it, since some browsers' parsers recurse and a hostile file could exhaust the stack.
 */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
