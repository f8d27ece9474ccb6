/**
 * What a counterexample search explores: a lock design on a topology, the kinds of faults it
 * may inject with their ranges, and a budget of runs. A spec is data, validated like a
 * scenario (it arrives from the search panel, the command line and links), and a search is a
 * pure function of it: the same spec, the same runs, the same counterexample.
 */
import { z } from 'zod';
import { formatIssues } from '../scenario/issues.ts';

/** The fault kinds a search may draw, in the words of the search panel. */
export const SEARCH_FAULT_KINDS = [
  'pause-client',
  'pause-node',
  'clock-jump',
  'clock-drift',
  'crash-node',
  'failover',
  'partition',
  'message-delay',
] as const;
export type SearchFaultKind = (typeof SEARCH_FAULT_KINDS)[number];

/** The lock designs a search can test (the script client has no design to break). */
export const SEARCH_STRATEGIES = ['redlock', 'set-nx-px-cad', 'set-nx-px-del', 'setnx-expire', 'single-failover'] as const;
export type SearchStrategy = (typeof SEARCH_STRATEGIES)[number];

export const PERSISTENCE_MODES = ['none', 'aof-everysec', 'aof-always'] as const;

export const SEARCH_LIMITS = {
  runsMax: 10_000_000,
  faultsMax: 8,
  clientsMin: 2,
  clientsMax: 4,
  redlockNodesMin: 3,
  redlockNodesMax: 7,
  durationMsMax: 600_000,
  ttlMsMax: 600_000,
  magnitudeMsMax: 600_000,
} as const;

const L = SEARCH_LIMITS;
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** A closed range [min, max]; min ≤ max is checked below. */
const range = (lo: number, hi: number, dflt: [number, number]) =>
  z
    .tuple([z.number().min(lo).max(hi), z.number().min(lo).max(hi)])
    .refine(([a, b]) => a <= b, 'the first bound must not exceed the second')
    .default(dflt);

export const searchSpecSchema = z.strictObject({
  /** The lock design under test and its one option that matters most. */
  strategy: z.enum(SEARCH_STRATEGIES).default('redlock'),
  /** Redlock: retries per round; single-instance: how long to keep polling (ms). */
  fencing: z.enum(['none', 'token', 'cas']).default('none'),
  /** Independent masters for Redlock; single-instance designs use one node, single-failover M + R + Sentinel. */
  nodes: int(L.redlockNodesMin, L.redlockNodesMax).default(5),
  /** Persistence modes the nodes are given (one is drawn per node per run). */
  persistence: z.array(z.enum(PERSISTENCE_MODES)).min(1).max(3).default(['none']),
  clients: int(L.clientsMin, L.clientsMax).default(2),
  ttlMs: int(100, L.ttlMsMax).default(10_000),
  /** Critical section of each round; kept below the TTL the lock works when nothing goes wrong. */
  criticalSectionMs: int(0, L.ttlMsMax).default(2_000),
  rounds: int(1, 100).default(3),
  /** Whether a client checks its validity before it writes (the careful client of S4). */
  checkValidityBeforeWrite: z.boolean().default(false),
  durationMs: int(1_000, L.durationMsMax).default(30_000),
  faults: z
    .strictObject({
      kinds: z.array(z.enum(SEARCH_FAULT_KINDS)).max(SEARCH_FAULT_KINDS.length).default(['pause-client', 'clock-jump', 'crash-node']),
      /** At most this many faults in one run (each run draws 0 … max, at least one when kinds allow). */
      max: int(0, L.faultsMax).default(3),
      /** When faults happen, ms after the start. */
      atMs: range(0, L.durationMsMax, [0, 20_000]),
      /** A pause's length (clients and nodes), ms. */
      pauseMs: range(1, L.magnitudeMsMax, [100, 15_000]),
      /** A clock jump, ms (negative jumps back). */
      jumpMs: range(-L.magnitudeMsMax, L.magnitudeMsMax, [-20_000, 20_000]),
      /** A clock's rate under drift (1 = exact). */
      driftRate: range(0.1, 10, [0.5, 2]),
      /** A crashed node comes back after this long, ms. */
      restartAfterMs: range(0, L.magnitudeMsMax, [0, 5_000]),
      /** Extra delay on one link, ms, for as long as `pauseMs` would last. */
      delayMs: range(1, L.magnitudeMsMax, [100, 20_000]),
    })
    .default({
      kinds: ['pause-client', 'clock-jump', 'crash-node'],
      max: 3,
      atMs: [0, 20_000],
      pauseMs: [100, 15_000],
      jumpMs: [-20_000, 20_000],
      driftRate: [0.5, 2],
      restartAfterMs: [0, 5_000],
      delayMs: [100, 20_000],
    }),
  /** Runs to try before giving up. */
  runs: int(1, L.runsMax).default(10_000),
  seed: int(0, 0xffff_ffff).default(1),
});

export type SearchSpec = z.output<typeof searchSpecSchema>;
export type SearchSpecInput = z.input<typeof searchSpecSchema>;

export type SpecResult = { ok: true; spec: SearchSpec } | { ok: false; error: string };

/** Validates a search spec from anywhere outside (panel, command line, link); never throws. */
export function parseSearchSpec(input: unknown): SpecResult {
  const parsed = searchSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(spec)', message: i.message }));
    return { ok: false, error: `this search is not valid:\n${formatIssues(issues)}` };
  }
  const spec = parsed.data;
  const problem = crossProblem(spec);
  return problem === null ? { ok: true, spec } : { ok: false, error: `this search is not valid:\n${problem}` };
}

/** Checks that need two fields at once. */
function crossProblem(spec: SearchSpec): string | null {
  const [, atMax] = spec.faults.atMs;
  if (atMax >= spec.durationMs) return `faults.atMs: faults must start before the run ends (durationMs ${spec.durationMs})`;
  if (spec.faults.kinds.includes('failover') && spec.strategy !== 'single-failover') {
    return 'faults.kinds: failover needs the single-failover design (a master with a replica under Sentinel)';
  }
  return null;
}

/** The spec with every default written out. */
export const DEFAULT_SEARCH_SPEC: SearchSpec = searchSpecSchema.parse({});
