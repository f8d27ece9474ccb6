/** Parsed command line of `npm run sim`. */
export interface SimArgs {
  file: string | null;
  json: boolean;
  tracePath: string | null;
  seed: number | null;
  help: boolean;
}

export const USAGE = `usage: npm run sim -- <scenario.json> [--seed N] [--json] [--trace out.json]

  <scenario.json>   a scenario file (format: docs/scenario-format.md); "-" reads stdin
  --seed N          override the scenario's seed (0 .. 4294967295)
  --json            print one JSON object (summary, events, traceHash) instead of text
  --trace FILE      write the full trace (one canonical JSON event per line) to FILE
exit codes: 0 ran, 2 invalid input or arguments`;

/** Parses argv; returns an error string for anything it does not understand. */
export function parseArgs(argv: readonly string[]): SimArgs | string {
  const out: SimArgs = { file: null, json: false, tracePath: null, seed: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') out.json = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--trace' || a === '--seed') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--trace') out.tracePath = v;
      else {
        if (!/^\d{1,10}$/.test(v) || Number(v) > 4294967295) return `--seed must be an integer from 0 to 4294967295, got "${v}"`;
        out.seed = Number(v);
      }
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.file === null) out.file = a;
    else return `unexpected argument "${a}" (one scenario file at a time)`;
  }
  if (!out.help && out.file === null) return 'missing the scenario file';
  return out;
}
