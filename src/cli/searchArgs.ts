/**
 * The command line of `npm run search`: options that build a search spec (src/search/spec.ts),
 * validated by the spec's own parser, so the command line and the search panel accept exactly
 * the same searches.
 */
import { readFileSync } from 'node:fs';
import { parseSearchSpec, type SearchSpec } from '../search/spec.ts';

export interface SearchArgs {
  spec: SearchSpec;
  json: boolean;
  shrink: boolean;
  /** Where to write the shrunk counterexample's scenario (JSON), or null. */
  outPath: string | null;
  help: boolean;
}

export const SEARCH_USAGE = `usage: npm run search -- [options] [--json]

  --strategy NAME        redlock (default), set-nx-px-cad, set-nx-px-del, setnx-expire, single-failover
  --fencing MODE         none (default), token, cas
  --nodes N              Redlock's independent masters, 3-7 (default 5)
  --persistence LIST     modes the nodes may get, e.g. none,aof-everysec (default none)
  --clients N            2-4 (default 2)
  --ttl MS               lock TTL (default 10000)
  --critical-section MS  each round's work (default 2000)
  --rounds N             rounds per client (default 3)
  --check-validity       clients check their validity before writing
  --duration MS          simulated time per run (default 30000)
  --faults LIST          fault kinds: pause-client, pause-node, clock-jump, clock-drift, crash-node,
                         failover, partition, message-delay; "none" for none
                         (default pause-client,clock-jump,crash-node)
  --max-faults N         at most N faults per run, 0-8 (default 3)
  --at MIN..MAX          when faults happen, ms (default 0..20000)
  --pause MIN..MAX       pause and partition lengths, ms (default 100..15000)
  --jump MIN..MAX        clock jumps, ms (default -20000..20000)
  --drift MIN..MAX       clock rates (default 0.5..2)
  --restart-after MIN..MAX  a crashed node restarts after, ms (default 0..5000)
  --delay MIN..MAX       extra message delay, ms (default 100..20000)
  --runs N               run budget (default 10000)
  --seed N               the search's seed (default 1): the same seed, the same search
  --spec FILE            read the spec as JSON (the search panel's "Copy spec"); options after it override
  --no-shrink            report the first counterexample as found
  --out FILE             write the shrunk counterexample's scenario to FILE (open it in the playground)
  --json                 print one JSON object instead of text
exit codes: 0 the search finished (found or not: the output says which), 2 invalid arguments`;

type Input = Record<string, unknown> & { faults?: Record<string, unknown> };

const NUMBERS: Record<string, string> = {
  '--nodes': 'nodes',
  '--clients': 'clients',
  '--ttl': 'ttlMs',
  '--critical-section': 'criticalSectionMs',
  '--rounds': 'rounds',
  '--duration': 'durationMs',
  '--runs': 'runs',
  '--seed': 'seed',
};
const RANGES: Record<string, string> = {
  '--at': 'atMs',
  '--pause': 'pauseMs',
  '--jump': 'jumpMs',
  '--drift': 'driftRate',
  '--restart-after': 'restartAfterMs',
  '--delay': 'delayMs',
};
const FLAGS = new Set(['--json', '--no-shrink', '--check-validity', '--help', '-h']);

export function parseSearchArgs(argv: readonly string[]): SearchArgs | string {
  let input: Input = {};
  let json = false;
  let shrink = true;
  let help = false;
  let outPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (FLAGS.has(a)) {
      if (a === '--json') json = true;
      else if (a === '--no-shrink') shrink = false;
      else if (a === '--check-validity') input.checkValidityBeforeWrite = true;
      else help = true;
      continue;
    }
    const v = argv[++i];
    if (!a.startsWith('--')) return `unexpected argument "${a}"`;
    if (v === undefined || (v.startsWith('--') && !/^-?\d/.test(v.slice(1)))) return `${a} needs a value`;
    const error = setOption(a, v, input, (next) => {
      input = next;
    });
    if (error === 'out') outPath = v;
    else if (error !== null) return error;
  }
  if (help) return { spec: parseSpecOrThrow({}), json, shrink, outPath, help };
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) return parsed.error;
  return { spec: parsed.spec, json, shrink, outPath, help };
}

function parseSpecOrThrow(input: unknown): SearchSpec {
  const p = parseSearchSpec(input);
  if (!p.ok) throw new Error(p.error);
  return p.spec;
}

function setOption(a: string, v: string, input: Input, replace: (next: Input) => void): string | null {
  const faults = (): Record<string, unknown> => {
    input.faults ??= {};
    return input.faults;
  };
  if (a === '--out') return 'out';
  if (a === '--strategy') input.strategy = v;
  else if (a === '--fencing') input.fencing = v;
  else if (a === '--persistence') input.persistence = v.split(',');
  else if (a === '--faults') faults().kinds = v === 'none' ? [] : v.split(',');
  else if (a === '--max-faults') faults().max = Number(v);
  else if (a === '--spec') {
    try {
      const read = JSON.parse(readFileSync(v, 'utf8')) as unknown;
      if (read === null || typeof read !== 'object' || Array.isArray(read)) return `--spec ${v}: expected a JSON object`;
      replace({ ...(read as Input), ...input });
    } catch (e) {
      return `--spec ${v}: ${(e as Error).message}`;
    }
  } else if (a in NUMBERS) {
    const n = Number(v);
    if (!Number.isFinite(n)) return `${a}: "${v}" is not a number`;
    input[NUMBERS[a] as string] = n;
  } else if (a in RANGES) {
    const m = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(v);
    if (m === null) return `${a}: "${v}" is not a range MIN..MAX`;
    faults()[RANGES[a] as string] = [Number(m[1]), Number(m[2])];
  } else return `unknown option ${a}`;
  return null;
}
