/**
 * What the checker says about a run. Every time is true time in integer ms unless a name
 * says otherwise; every `index` points into the trace the result was computed from, so the
 * UI can jump from a finding to the event behind it.
 */

/** Why a client stopped believing it held the lock. */
export type BeliefEnd = 'released' | 'lost' | 'expired' | 'crashed' | 'run-end';

/**
 * One client's belief that it holds the lock, as a half-open interval [startMs, endMs) of
 * true time: a belief that ends at 100 and one that starts at 100 do not overlap.
 */
export interface Belief {
  client: string;
  value: string;
  epoch: number;
  startMs: number;
  endMs: number;
  endReason: BeliefEnd;
  startIndex: number;
  endIndex: number;
  /** On the client's own clock; the latest one (extensions move it). */
  validUntilMs: number;
  /** The nodes whose votes made up the quorum. */
  nodes: string[];
  /** How many lock-extended events kept this belief going. */
  extensions: number;
}

/** One trace event that explains a finding ("jump to cause"). */
export interface Cause {
  /** Into the trace. A note that is not an event of its own carries the index of the event it is about. */
  index: number;
  t: number;
  /** The event's kind, or 'note' for a line that is not an event of its own. */
  kind: string;
  text: string;
}

export interface ExclusionViolation {
  /** When the later acquirer started believing (max of the starts). */
  atMs: number;
  /** When the first of the two beliefs ended (min of the ends). */
  untilMs: number;
  /** [the holder (acquired first), the later acquirer]. */
  clients: [string, string];
  values: [string, string];
  epochs: [number, number];
  explanation: string;
  causes: Cause[];
}

/** An accepted write whose epoch is lower than one the resource had already accepted. */
export interface StaleWrite {
  atMs: number;
  index: number;
  client: string;
  epoch: number;
  newerEpoch: number;
  newerClient: string;
  newerAtMs: number;
  newerIndex: number;
}

/** A write the storage refused: fencing doing its job. */
export interface FencingRejection {
  atMs: number;
  index: number;
  client: string;
  epoch: number;
  verdict: 'token-too-old' | 'value-mismatch';
  token: number | null;
  highestToken: number | null;
  currentValue: string | null;
  /** The writer's lock value (what fencing cas compared with currentValue). */
  value: string;
  /** Whose lock currentValue is (from lock-attempt), or null if unknown or none. */
  currentOwner: string | null;
}

/** A lock key with no TTL whose owner is gone: nobody will ever delete it. */
export interface Deadlock {
  node: string;
  key: string;
  value: string;
  owner: string;
  /** max(when the key lost its TTL or was set without one, when the owner went away). */
  sinceMs: number;
}

export interface CheckResult {
  /** No exclusion violation and no stale write (liveness problems do not make a run unsafe). */
  safe: boolean;
  beliefs: Belief[];
  exclusionViolations: ExclusionViolation[];
  staleWrites: StaleWrite[];
  fencingRejections: FencingRejection[];
  acquisitions: number;
  maxUnavailableMs: number;
  unavailable: { fromMs: number; toMs: number } | null;
  deadlocked: boolean;
  deadlocks: Deadlock[];
}
