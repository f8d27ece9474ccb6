/**
 * The one setup() every lock machine shares: the context and event types, the effects the
 * engine implements (send, askMaster, startTimer, cancelTimer, write, claim, report), the
 * context updates, and the guards. Effects are declared here with empty bodies, so that
 * xstate's pure transition() lists them as data; the engine provides real ones (provide()).
 */
import { assign, setup } from 'xstate';
import type { ProcessId } from '../sim/model/scenario.ts';
import { ackCount, isGranted } from './replies.ts';
import {
  canRetry,
  initialContext,
  isCurrentReq,
  type LockContext,
  lockValue,
  validityAt,
  voteDecided,
} from './context.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from './protocol.ts';

/** The event's client-clock reading. Every event carries one (protocol.ts). */
const now = (event: LockEvent): number => event.nowMs;

function replyOf(event: LockEvent): Extract<LockEvent, { type: 'REPLY' }> | null {
  return event.type === 'REPLY' ? event : null;
}

/** A batch of request ids for a phase that talks to `size` nodes. */
function phase(context: LockContext, size: number) {
  return { phaseReqId: context.nextReqId, phaseSize: size, nextReqId: context.nextReqId + size, asked: 0 };
}

/** Votes start afresh with each attempt and each extension (not with each phase of one attempt). */
function freshVotes() {
  return { votesFor: 0, votesAgainst: 0, granted: [] as ProcessId[] };
}

export const lockSetup = setup({
  types: {
    context: {} as LockContext,
    events: {} as LockEvent,
    input: {} as LockInput,
  },
  actions: {
    // Effects: the engine implements these (src/sim/client/lockClient.ts).
    send: (_, _params: { requests: LockRequest[] }) => {},
    askMaster: (_, _params: { reqId: number }) => {},
    startTimer: (_, _params: { timer: TimerName; delayMs: number }) => {},
    cancelTimer: (_, _params: { timer: TimerName }) => {},
    write: (_, _params: { value: string; seq: number }) => {},
    claim: (_, _params: { value: string }) => {},
    report: (_, _params: LockReport) => {},

    // Context updates.
    beginRound: assign(({ context, event }) => ({ round: context.round + 1, attempt: 0, roundStartMs: now(event) })),
    beginAttempt: assign(({ context, event }) => ({
      attempt: context.attempt + 1,
      valueSeq: context.valueSeq + 1,
      value: lockValue(context.input.client, context.valueSeq + 1, event.random),
      phaseStartMs: now(event),
      ...freshVotes(),
      target: context.input.strategy.kind === 'single-failover' ? context.target : (context.input.nodes[0] as ProcessId),
    })),
    /** A phase that asks every node at once (Redlock acquire, extend, release). */
    beginPhaseAll: assign(({ context }) => phase(context, context.input.nodes.length)),
    /** A phase that asks one node (single-instance locks, and each step of sequential Redlock). */
    beginPhaseOne: assign(({ context }) => phase(context, 1)),
    /** A release (or an unlock after a failed attempt) goes to every Redlock node, else to the one node. */
    beginPhaseRelease: assign(({ context }) => phase(context, context.input.strategy.kind === 'redlock' ? context.input.nodes.length : 1)),
    beginExtension: assign(({ context, event }) => ({ ...phase(context, context.input.nodes.length), ...freshVotes(), phaseStartMs: now(event) })),
    countVote: assign(({ context, event }) => {
      const reply = replyOf(event);
      if (reply === null) return {};
      const yes = isGranted(reply.reply);
      return {
        votesFor: context.votesFor + (yes ? 1 : 0),
        votesAgainst: context.votesAgainst + (yes ? 0 : 1),
        granted: yes ? [...context.granted, reply.node] : context.granted,
        asked: context.asked + 1,
      };
    }),
    /** SETNX answered :1 — count the vote now; the EXPIRE that follows is a second phase. */
    countGranted: assign(({ context, event }) => ({
      votesFor: context.votesFor + 1,
      granted: [...context.granted, event.type === 'REPLY' ? event.node : context.target],
    })),
    /** Sequential Redlock: a node that did not answer in time counts against (R12's small timeout). */
    countTimeout: assign(({ context }) => ({ votesAgainst: context.votesAgainst + 1, asked: context.asked + 1 })),
    setTarget: assign(({ event }) => (event.type === 'MASTER' && event.master !== null ? { target: event.master } : {})),
    markAcquired: assign(({ context }) => ({
      holding: true,
      validUntilMs: context.phaseStartMs + context.input.ttlMs - context.driftMs,
      extensions: 0,
      writesDone: 0,
    })),
    markExtended: assign(({ context }) => ({
      validUntilMs: context.phaseStartMs + context.input.ttlMs - context.driftMs,
      extensions: context.extensions + 1,
    })),
    markNotHolding: assign({ holding: false }),
    countWrite: assign(({ context }) => ({ writesDone: context.writesDone + 1 })),
  },
  guards: {
    isCurrentReply: ({ context, event }) => event.type === 'REPLY' && isCurrentReq(context, event.reqId),
    /** Sequential mode: only the reply of the node being asked counts. */
    currentAndGranted: ({ context, event }) => event.type === 'REPLY' && isCurrentReq(context, event.reqId) && isGranted(event.reply),
    currentMasterKnown: ({ context, event }) => event.type === 'MASTER' && isCurrentReq(context, event.reqId) && event.master !== null,
    grantedAndNeedsWait: ({ context, event }) =>
      event.type === 'REPLY' &&
      isCurrentReq(context, event.reqId) &&
      isGranted(event.reply) &&
      context.input.strategy.kind === 'single-failover' &&
      context.input.strategy.waitReplicas > 0,
    currentAndEnoughAcks: ({ context, event }) =>
      event.type === 'REPLY' &&
      isCurrentReq(context, event.reqId) &&
      context.input.strategy.kind === 'single-failover' &&
      ackCount(event.reply) >= context.input.strategy.waitReplicas,
    isAskedReply: ({ context, event }) => event.type === 'REPLY' && event.reqId === context.phaseReqId + context.asked,
    isCurrentMaster: ({ context, event }) => event.type === 'MASTER' && isCurrentReq(context, event.reqId),
    voteDecided: ({ context }) => voteDecided(context),
    /** Every node of the phase answered (or, sequentially, answered or timed out). */
    phaseComplete: ({ context }) => context.asked >= context.phaseSize,
    isSequential: ({ context }) => context.input.strategy.kind === 'redlock' && context.input.strategy.mode === 'sequential',
    /** R12 step 3 with the re-check: a quorum and validity > 0 on the client's own clock. */
    acquiredWithValidity: ({ context, event }) => context.votesFor >= context.quorum && validityAt(context, now(event)) > 0,
    /** R16: an extension counts only with a quorum, decided before the current validity ran out. */
    extensionHolds: ({ context, event }) => context.votesFor >= context.quorum && now(event) < context.validUntilMs,
    stillValid: ({ context, event }) => now(event) < context.validUntilMs,
    checksValidity: ({ context }) => context.input.workload.checkValidityBeforeWrite,
    checksValidityAndExpired: ({ context, event }) => context.input.workload.checkValidityBeforeWrite && now(event) >= context.validUntilMs,
    isLastWrite: ({ context }) => context.writesDone + 1 >= context.input.workload.writes,
    noExtensionsLeft: ({ context }) => {
      const s = context.input.strategy;
      return !(s.kind === 'redlock' && s.autoExtend !== null && context.extensions < s.autoExtend.maxExtensions);
    },
    canRetry: ({ context, event }) => canRetry(context, now(event)),
    /** Redlock unlocks all instances after any failure (R12 step 5); a single node only if we set the key. */
    mustUnlock: ({ context }) => context.input.strategy.kind === 'redlock' || context.votesFor > 0,
    noRounds: ({ context }) => context.input.workload.rounds === 0,
    allRoundsDone: ({ context }) => context.round >= context.input.workload.rounds,
    noWrites: ({ context }) => context.input.workload.writes === 0,
    lastWriteDone: ({ context }) => context.writesDone >= context.input.workload.writes,
  },
});

export type LockSetup = typeof lockSetup;
export { initialContext };
