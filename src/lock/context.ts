/**
 * A lock client's memory: its configuration (from the scenario) and where it is in its
 * workload. Pure helpers over it come first; the machines (machines/) only wire them up.
 */
import type { ProcessId } from '../sim/model/scenario.ts';
import type { LockInput } from './protocol.ts';
import { driftMs, quorum, retryDelayMs } from './redlockMath.ts';

/** Single-instance locks allow the same drift as Redlock: Redis expires with 1 ms precision (R19). */
export const DEFAULT_DRIFT_FACTOR = 0.01;

/** A write goes out this long after the validity check: the gap Kleppmann's GC pause falls into (S4). */
export const WRITE_PREP_MS = 1;

export interface LockContext {
  readonly input: LockInput;
  /** Votes needed: floor(N/2)+1 of the Redlock nodes, 1 otherwise. */
  readonly quorum: number;
  readonly driftMs: number;
  round: number;
  /** Attempt number within the round (1 = the first try). */
  attempt: number;
  roundStartMs: number;
  /** The lock value of the current attempt: fresh for every attempt (R11). */
  value: string;
  valueSeq: number;
  /** Client clock when the current attempt (or extension) began: T1 of R12. */
  phaseStartMs: number;
  /** Request ids are allocated in batches, one batch per phase; older replies are stale. */
  nextReqId: number;
  phaseReqId: number;
  phaseSize: number;
  votesFor: number;
  votesAgainst: number;
  granted: ProcessId[];
  /** Sequential Redlock: how many nodes have answered or timed out so far. */
  asked: number;
  /** The node this client locks now: its configured node, or the master Sentinel named. */
  target: ProcessId;
  holding: boolean;
  validUntilMs: number;
  extensions: number;
  writesDone: number;
}

export function initialContext(input: LockInput): LockContext {
  const redlock = input.strategy.kind === 'redlock';
  const factor = input.strategy.kind === 'redlock' ? input.strategy.driftFactor : DEFAULT_DRIFT_FACTOR;
  if (input.nodes.length === 0) throw new RangeError(`client ${input.client}: a lock client needs at least one node`);
  return {
    input,
    quorum: redlock ? quorum(input.nodes.length) : 1,
    driftMs: driftMs(input.ttlMs, factor),
    round: 0,
    attempt: 0,
    roundStartMs: 0,
    value: '',
    valueSeq: 0,
    phaseStartMs: 0,
    nextReqId: 1,
    phaseReqId: 0,
    phaseSize: 0,
    votesFor: 0,
    votesAgainst: 0,
    granted: [],
    asked: 0,
    target: input.nodes[0] as ProcessId,
    holding: false,
    validUntilMs: 0,
    extensions: 0,
    writesDone: 0,
  };
}

/** A fresh lock value: the client, a counter and 32 random bits, e.g. "C1-3-9f2a11c0". */
export function lockValue(client: ProcessId, seq: number, random: number): string {
  return `${client}-${seq}-${(random >>> 0).toString(16).padStart(8, '0')}`;
}

/** Validity left at `nowMs` for a phase that began at phaseStartMs (R12 step 4, R19). */
export function validityAt(ctx: LockContext, nowMs: number): number {
  return ctx.input.ttlMs - (nowMs - ctx.phaseStartMs) - ctx.driftMs;
}

/** Whether a reply belongs to the current phase (earlier attempts' replies are stale). */
export function isCurrentReq(ctx: LockContext, reqId: number): boolean {
  return reqId >= ctx.phaseReqId && reqId < ctx.phaseReqId + ctx.phaseSize;
}

/** The outcome of a parallel vote is known once a quorum said yes or can no longer say yes. */
export function voteDecided(ctx: LockContext): boolean {
  const n = ctx.phaseSize;
  return ctx.votesFor >= ctx.quorum || ctx.votesAgainst > n - ctx.quorum || ctx.votesFor + ctx.votesAgainst >= n;
}

/** Time from the start of a critical section (or the previous write) to the next write. */
export function workDelayMs(ctx: LockContext): number {
  const { criticalSectionMs, writes } = ctx.input.workload;
  if (writes === 0) return criticalSectionMs;
  const k = ctx.writesDone;
  return Math.floor((criticalSectionMs * (k + 1)) / writes) - Math.floor((criticalSectionMs * k) / writes);
}

/** Whether another attempt fits this round: attempts left (Redlock's retryCount) and time left. */
export function canRetry(ctx: LockContext, nowMs: number): boolean {
  const s = ctx.input.strategy;
  if (s.kind === 'redlock' && ctx.attempt >= s.retryCount + 1) return false;
  return nowMs - ctx.roundStartMs < ctx.input.workload.acquireTimeoutMs;
}

/** Delay before the next attempt: Redlock's retryDelay ± jitter (R14, R21); the poll delay otherwise. */
export function nextRetryDelayMs(ctx: LockContext, random: number): number {
  const s = ctx.input.strategy;
  if (s.kind === 'redlock') return retryDelayMs(s.retryDelayMs, s.retryJitterMs, (random >>> 0) / 4294967296);
  if (s.kind === 'script') return 0;
  return s.retryDelayMs;
}

/** The per-request timeout of the strategy (Redlock's small timeout, a socket timeout otherwise). */
export function requestTimeoutMs(ctx: LockContext): number {
  const s = ctx.input.strategy;
  return s.kind === 'script' ? 1 : s.requestTimeoutMs;
}

/** When the watchdog should extend: thresholdMs before validity ends (node-redlock using()). */
export function extendDelayMs(ctx: LockContext, nowMs: number): number {
  const s = ctx.input.strategy;
  const thresholdMs = s.kind === 'redlock' && s.autoExtend !== null ? s.autoExtend.thresholdMs : 0;
  return Math.max(0, ctx.validUntilMs - thresholdMs - nowMs);
}
