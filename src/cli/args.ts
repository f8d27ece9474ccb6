import type { Fencing } from '../sim/model/scenario.ts';

/** How the storage checks writes: the scenario's `fencing` field, overridable with --fencing. */
export const FENCING_MODES: readonly Fencing[] = ['none', 'token', 'cas'];

/** Parsed command line of `npm run sim`. */
export interface SimArgs {
  file: string | null;
  preset: string | null;
  json: boolean;
  tracePath: string | null;
  seed: number | null;
  fencing: Fencing | null;
  list: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run sim -- <scenario.json | --preset NAME> [--seed N] [--fencing none|token|cas] [--json] [--trace out.json]
       npm run sim -- --list

  <scenario.json>   a scenario file (format: docs/scenario-format.md); "-" reads stdin
  --preset NAME     run a built-in scenario instead of a file (--list shows them)
  --list            list the presets: name, source, title
  --seed N          override the scenario's seed (0 .. 4294967295)
  --fencing MODE    override how the storage fences writes: none, token or cas
  --json            print one JSON object (summary, verdict, events, traceHash) instead of text
  --trace FILE      write the full trace (one canonical JSON event per line) to FILE
exit codes: 0 the run completed (safe or not: the verdict, SAFE or UNSAFE, is in the output),
            2 invalid input or arguments`;

const WITH_VALUE = new Set(['--trace', '--seed', '--preset', '--fencing']);

/** Parses argv; returns an error string for anything it does not understand. */
export function parseArgs(argv: readonly string[]): SimArgs | string {
  const out: SimArgs = { file: null, preset: null, json: false, tracePath: null, seed: null, fencing: null, list: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') out.json = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--list') out.list = true;
    else if (WITH_VALUE.has(a)) {
      const v = argv[++i];
      // "--preset --json" is a forgotten value, not a preset called "--json".
      if (v === undefined || v.startsWith('--')) return `${a} needs a value`;
      const error = setOption(out, a, v);
      if (error !== null) return error;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.file === null) out.file = a;
    else return `unexpected argument "${a}" (one scenario file at a time)`;
  }
  if (out.help || out.list) return out;
  if (out.file !== null && out.preset !== null)
    return `give a scenario file or --preset, not both (got "${out.file}" and --preset ${out.preset})`;
  if (out.file === null && out.preset === null) return 'missing the scenario: a file or --preset NAME';
  return out;
}

function setOption(out: SimArgs, option: string, v: string): string | null {
  if (option === '--trace') out.tracePath = v;
  else if (option === '--preset') out.preset = v;
  else if (option === '--fencing') {
    if (!(FENCING_MODES as readonly string[]).includes(v)) return `--fencing must be one of ${FENCING_MODES.join(', ')}, got "${v}"`;
    out.fencing = v as Fencing;
  } else {
    if (!/^\d{1,10}$/.test(v) || Number(v) > 4294967295) return `--seed must be an integer from 0 to 4294967295, got "${v}"`;
    out.seed = Number(v);
  }
  return null;
}
