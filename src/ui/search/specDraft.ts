/**
 * The search form's contents: what the user typed (numbers as text, so a half-typed "-" is not
 * lost), turned into a search spec by the spec's own parser. A field that is not a number is
 * named here; everything else is named by parseSearchSpec, so the panel and `npm run search`
 * refuse exactly the same searches, in the same words.
 */
import {
  PERSISTENCE_MODES,
  parseSearchSpec,
  SEARCH_FAULT_KINDS,
  type SearchFaultKind,
  type SearchSpec,
  type SearchStrategy,
} from '../../search/spec.ts';

export type PersistenceMode = (typeof PERSISTENCE_MODES)[number];
export type Fencing = SearchSpec['fencing'];

export const RANGE_FIELDS = ['atMs', 'pauseMs', 'jumpMs', 'driftRate', 'restartAfterMs', 'delayMs'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

export const NUMBER_FIELDS = ['nodes', 'clients', 'ttlMs', 'criticalSectionMs', 'rounds', 'durationMs', 'runs', 'seed'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export interface SpecDraft {
  strategy: SearchStrategy;
  fencing: Fencing;
  numbers: Record<NumberField, string>;
  persistence: PersistenceMode[];
  checkValidityBeforeWrite: boolean;
  kinds: SearchFaultKind[];
  faultsMax: string;
  ranges: Record<RangeField, [string, string]>;
}

/** One refused field: its path in the spec (as parseSearchSpec names it) and why. */
export interface FieldError {
  path: string;
  message: string;
}

export type DraftResult = { ok: true; spec: SearchSpec } | { ok: false; errors: FieldError[] };

export function draftOf(spec: SearchSpec): SpecDraft {
  const f = spec.faults;
  const pair = ([a, b]: readonly [number, number]): [string, string] => [String(a), String(b)];
  return {
    strategy: spec.strategy,
    fencing: spec.fencing,
    numbers: {
      nodes: String(spec.nodes),
      clients: String(spec.clients),
      ttlMs: String(spec.ttlMs),
      criticalSectionMs: String(spec.criticalSectionMs),
      rounds: String(spec.rounds),
      durationMs: String(spec.durationMs),
      runs: String(spec.runs),
      seed: String(spec.seed),
    },
    persistence: [...spec.persistence],
    checkValidityBeforeWrite: spec.checkValidityBeforeWrite,
    kinds: [...f.kinds],
    faultsMax: String(f.max),
    ranges: {
      atMs: pair(f.atMs),
      pauseMs: pair(f.pauseMs),
      jumpMs: pair(f.jumpMs),
      driftRate: pair(f.driftRate),
      restartAfterMs: pair(f.restartAfterMs),
      delayMs: pair(f.delayMs),
    },
  };
}

/** Failover needs the single-failover design: choosing another design unticks it. */
export function withStrategy(draft: SpecDraft, strategy: SearchStrategy): SpecDraft {
  return { ...draft, strategy, kinds: strategy === 'single-failover' ? draft.kinds : draft.kinds.filter((k) => k !== 'failover') };
}

/** Ticks or unticks a fault kind; kinds stay in the spec's own order (the order decides which fault a run draws). */
export function withKind(draft: SpecDraft, kind: SearchFaultKind, on: boolean): SpecDraft {
  const kinds = SEARCH_FAULT_KINDS.filter((k) => (k === kind ? on : draft.kinds.includes(k)));
  return { ...draft, kinds };
}

export function withPersistence(draft: SpecDraft, mode: PersistenceMode, on: boolean): SpecDraft {
  return { ...draft, persistence: PERSISTENCE_MODES.filter((m) => (m === mode ? on : draft.persistence.includes(m))) };
}

/** A typed number, or null when the text is not one. */
function numberOf(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const ISSUE_LINE = /^([\w.]+|\(spec\)): (.*)$/;

/** The field errors in parseSearchSpec's message ("faults.atMs: …" lines). */
export function fieldErrorsOf(message: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const line of message.split('\n').slice(1)) {
    const m = ISSUE_LINE.exec(line);
    if (m !== null) errors.push({ path: m[1] as string, message: m[2] as string });
    else if (line.trim() !== '') errors.push({ path: '(spec)', message: line.trim() });
  }
  return errors.length > 0 ? errors : [{ path: '(spec)', message }];
}

/** The draft as a valid spec, or every field that is wrong. */
export function specOfDraft(draft: SpecDraft): DraftResult {
  const errors: FieldError[] = [];
  const num = (path: string, text: string): number => {
    const n = numberOf(text);
    if (n === null) errors.push({ path, message: text.trim() === '' ? 'enter a number' : `"${text.slice(0, 20)}" is not a number` });
    return n ?? 0;
  };
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, num(f, draft.numbers[f])]));
  const ranges = Object.fromEntries(
    RANGE_FIELDS.map((f) => [f, [num(`faults.${f}.0`, draft.ranges[f][0]), num(`faults.${f}.1`, draft.ranges[f][1])]]),
  );
  const max = num('faults.max', draft.faultsMax);
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parseSearchSpec({
    strategy: draft.strategy,
    fencing: draft.fencing,
    ...numbers,
    persistence: draft.persistence,
    checkValidityBeforeWrite: draft.checkValidityBeforeWrite,
    faults: { kinds: draft.kinds, max, ...ranges },
  });
  return parsed.ok ? { ok: true, spec: parsed.spec } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}

/** The errors for one field and its parts ("faults.atMs" covers "faults.atMs.0"). */
export function errorsFor(errors: readonly FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}

const CLI_NUMBERS: Record<NumberField, string> = {
  nodes: '--nodes',
  clients: '--clients',
  ttlMs: '--ttl',
  criticalSectionMs: '--critical-section',
  rounds: '--rounds',
  durationMs: '--duration',
  runs: '--runs',
  seed: '--seed',
};
const CLI_RANGES: Record<RangeField, string> = {
  atMs: '--at',
  pauseMs: '--pause',
  jumpMs: '--jump',
  driftRate: '--drift',
  restartAfterMs: '--restart-after',
  delayMs: '--delay',
};

/** The same search on the command line: `npm run search --` with every option that is not the default. */
export function commandLineOf(spec: SearchSpec, defaults: SearchSpec): string {
  const args: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (spec.strategy !== defaults.strategy) args.push('--strategy', spec.strategy);
  if (spec.fencing !== defaults.fencing) args.push('--fencing', spec.fencing);
  if (!same(spec.persistence, defaults.persistence)) args.push('--persistence', spec.persistence.join(','));
  if (spec.checkValidityBeforeWrite) args.push('--check-validity');
  if (!same(spec.faults.kinds, defaults.faults.kinds))
    args.push('--faults', spec.faults.kinds.length === 0 ? 'none' : spec.faults.kinds.join(','));
  if (spec.faults.max !== defaults.faults.max) args.push('--max-faults', String(spec.faults.max));
  for (const f of RANGE_FIELDS) {
    if (!same(spec.faults[f], defaults.faults[f])) args.push(CLI_RANGES[f], `${spec.faults[f][0]}..${spec.faults[f][1]}`);
  }
  for (const f of NUMBER_FIELDS) if (spec[f] !== defaults[f]) args.push(CLI_NUMBERS[f], String(spec[f]));
  return ['npm run search --', ...args].join(' ');
}
