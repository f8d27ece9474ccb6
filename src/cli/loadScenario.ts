import { readFileSync } from 'node:fs';
import { formatIssues } from '../scenario/issues.ts';
import { parseScenarioJson } from '../scenario/parse.ts';
import { findPreset, loadPreset, presetNames } from '../scenario/presets/index.ts';
import type { Scenario } from '../sim/model/scenario.ts';
import type { SimArgs } from './args.ts';

export type Loaded = { ok: true; scenario: Scenario; preset: string | null } | { ok: false; message: string };

/** The validated scenario the command line names (a file, stdin or a preset), with --seed and --fencing applied. */
export function loadScenario(args: SimArgs): Loaded {
  const loaded = args.preset !== null ? fromPreset(args.preset) : fromFile(args.file as string);
  if (!loaded.ok) return loaded;
  let scenario = loaded.scenario;
  if (args.seed !== null) scenario = { ...scenario, seed: args.seed };
  if (args.fencing !== null) scenario = { ...scenario, fencing: args.fencing };
  return { ...loaded, scenario };
}

function fromPreset(name: string): Loaded {
  if (findPreset(name) === undefined) {
    return { ok: false, message: `unknown preset "${name}"; try --list\npresets: ${presetNames().join(', ')}` };
  }
  const parsed = loadPreset(name);
  if (!parsed.ok) return { ok: false, message: `preset ${name} is not a valid scenario:\n${indent(formatIssues(parsed.issues))}` };
  return { ok: true, scenario: parsed.value, preset: name };
}

function fromFile(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as Error).message}` };
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) return { ok: false, message: `${file} is not a valid scenario:\n${indent(formatIssues(parsed.issues))}` };
  return { ok: true, scenario: parsed.value, preset: null };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
