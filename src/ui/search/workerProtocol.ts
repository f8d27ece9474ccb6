/**
 * The messages between the search panel and its workers. A worker is code we ship, but what
 * crosses postMessage is still input from outside the page's own memory: both sides parse
 * what they receive here, so a malformed message becomes an error the panel can show, never
 * a crash or a half-trusted object.
 */
import { z } from 'zod';
import { formatIssues } from '../../scenario/issues.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { Finding } from '../../search/evaluate.ts';
import type { SearchSpec } from '../../search/spec.ts';

/** Run search indices [from, to) of `spec` and stop at the first that breaks the lock. */
export interface ChunkRequest {
  type: 'search';
  spec: SearchSpec;
  from: number;
  to: number;
}

/** Rebuild run `index` of `spec` (a counterexample) and shrink it. */
export interface ShrinkRequest {
  type: 'shrink';
  spec: SearchSpec;
  index: number;
}

export type WorkerRequest = ChunkRequest | ShrinkRequest;

export interface ChunkReply {
  type: 'chunk';
  from: number;
  to: number;
  /** Runs made, counting the failing one. */
  runs: number;
  found: { index: number; finding: Finding } | null;
}

export interface ShrunkReply {
  type: 'shrunk';
  index: number;
  /** Faults in the run as the search drew it, before shrinking. */
  faultsBefore: number;
  scenario: Scenario;
  finding: Finding;
  /** Runs the shrinker made. */
  runs: number;
  budgetExhausted: boolean;
}

/** The worker could not do what it was asked (it says why). */
export interface ErrorReply {
  type: 'error';
  message: string;
}

export type WorkerReply = ChunkReply | ShrunkReply | ErrorReply;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const index = z.number().int().min(0);
const findingSchema = z.strictObject({
  kind: z.enum(['exclusion', 'stale-write']),
  atMs: z.number().finite().min(0),
  clients: z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]),
});

const replySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('chunk'),
    from: index,
    to: index,
    runs: index,
    found: z.strictObject({ index, finding: findingSchema }).nullable(),
  }),
  z.strictObject({
    type: z.literal('shrunk'),
    index,
    faultsBefore: index,
    scenario: z.unknown(),
    finding: findingSchema,
    runs: index,
    budgetExhausted: z.boolean(),
  }),
  z.strictObject({ type: z.literal('error'), message: z.string().max(2_000) }),
]);

const issuesOf = (error: z.ZodError) =>
  formatIssues(
    error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(message)', message: i.message })),
    5,
  );

/** A worker's reply, checked: the shape, a chunk's bounds, and a shrunk scenario as a valid scenario. */
export function parseWorkerReply(data: unknown): Parsed<WorkerReply> {
  const parsed = replySchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `a search worker sent a malformed message:\n${issuesOf(parsed.error)}` };
  const reply = parsed.data;
  if (reply.type === 'chunk') {
    const { from, to, runs, found } = reply;
    if (to < from || runs > to - from) return { ok: false, error: `a search worker reported ${runs} runs for runs ${from}–${to}` };
    if (found !== null && (found.index < from || found.index >= to)) {
      return { ok: false, error: `a search worker reported run #${found.index} as a find in runs ${from}–${to}` };
    }
    return { ok: true, value: { ...reply, found } };
  }
  if (reply.type === 'shrunk') {
    const scenario = parseScenario(reply.scenario);
    if (!scenario.ok) return { ok: false, error: `a search worker sent an invalid scenario:\n${formatIssues(scenario.issues, 5)}` };
    return { ok: true, value: { ...reply, scenario: scenario.value } };
  }
  return { ok: true, value: reply };
}

const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('search'), spec: z.unknown(), from: index, to: index }),
  z.strictObject({ type: z.literal('shrink'), spec: z.unknown(), index }),
]);

/** A request as the worker receives it; the spec is left for parseSearchSpec. */
export type RawRequest = z.output<typeof requestSchema>;

export function parseWorkerRequest(data: unknown): Parsed<RawRequest> {
  const parsed = requestSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `the search worker got a malformed request:\n${issuesOf(parsed.error)}` };
  if (parsed.data.type === 'search' && parsed.data.to < parsed.data.from)
    return { ok: false, error: 'the search worker got an empty range' };
  return { ok: true, value: parsed.data };
}
