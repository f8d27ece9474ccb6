/**
 * The workload every lock client runs, as statechart states shared by all machines:
 * idle → acquiring → holding (work, writes) → releasing → thinking → … → done.
 * A machine supplies its own `acquiring` and `releasing` states; Redlock with a watchdog
 * also runs a `watchdog` region beside the work while it holds the lock.
 */
import type { ProcessId } from '../sim/model/scenario.ts';
import { extendArgv, releaseArgv } from './commands.ts';
import { extendDelayMs, type LockContext, nextRetryDelayMs, requestTimeoutMs, validityAt, workDelayMs, WRITE_PREP_MS } from './context.ts';
import { initialContext as initialContextOf, type LockSetup, lockSetup } from './lockSetup.ts';
import type { LockEvent, LockReport, LockRequest, TimerName } from './protocol.ts';

type MachineConfig = Parameters<LockSetup['createMachine']>[0];
export type LockStateConfig = NonNullable<MachineConfig['states']>[string];

type Args = { context: LockContext; event: LockEvent };

// Parameter builders for the effects. Each returns plain data; the engine acts on it.
export const timer = (name: TimerName, delayMs: (a: Args) => number) => ({
  type: 'startTimer' as const,
  params: (a: Args) => ({ timer: name, delayMs: delayMs(a) }),
});
export const cancel = (name: TimerName) => ({ type: 'cancelTimer' as const, params: { timer: name } });
export const report = (make: (a: Args) => LockReport) => ({ type: 'report' as const, params: make });
export const sendTo = (make: (a: Args) => LockRequest[]) => ({ type: 'send' as const, params: (a: Args) => ({ requests: make(a) }) });
export const armRequestTimeout = timer('REQUEST_TIMEOUT', ({ context }) => requestTimeoutMs(context));

/** One request per node of the phase, ids in node order. */
export function toAll(context: LockContext, argv: string[]): LockRequest[] {
  return context.input.nodes.map((node, i) => ({ node, reqId: context.phaseReqId + i, argv }));
}
export function toTarget(context: LockContext, argv: string[]): LockRequest[] {
  return [{ node: context.target, reqId: context.phaseReqId, argv }];
}

export const reportAttempt = report(({ context }) => ({ kind: 'attempt', round: context.round, attempt: context.attempt, value: context.value }));
export const reportAcquired = report(({ context, event }) => ({
  kind: 'acquired',
  value: context.value,
  votes: context.votesFor,
  nodes: [...context.granted],
  validityMs: validityAt(context, event.nowMs),
  validUntilMs: context.validUntilMs,
}));
/** Entering `holding`: remember the lease, tell the world, and (fencing cas) claim the resource. */
export const onAcquired = ['markAcquired' as const, reportAcquired, { type: 'claim' as const, params: ({ context }: Args) => ({ value: context.value }) }];
/**
 * Why an attempt failed: a quorum that came too late has no validity left (R12); otherwise
 * Redlock lacked a quorum, and a single node refused, or never answered.
 */
export const reportFailed = (forced?: 'timeout' | 'no-master' | 'wait-no-ack') =>
  report(({ context, event }) => {
    const quorate = context.votesFor >= context.quorum;
    const reason = forced ?? (quorate ? 'no-validity' : context.input.strategy.kind === 'redlock' ? 'no-quorum' : context.votesAgainst === 0 ? 'timeout' : 'refused');
    return { kind: 'failed', value: context.value, votes: context.votesFor, reason, validityMs: quorate ? validityAt(context, event.nowMs) : null };
  });
const reportLost = (reason: 'extend-failed' | 'validity-check') =>
  report(({ context }) => ({ kind: 'lost', value: context.value, reason }));

/** The release every design sends: to all its nodes (Redlock, R15) or to the one it locked. */
export const sendRelease = sendTo(({ context }) => {
  const argv = releaseArgv(context.input.strategy.kind, context.input.key, context.value);
  return context.input.strategy.kind === 'redlock' ? toAll(context, argv) : toTarget(context, argv);
});
export const unlockAfterFailure = ['beginPhaseRelease' as const, sendRelease];

/** Unlock after a failed attempt: Redlock unlocks ALL instances (R12 step 5); others the one node. */
const unlockingState: LockStateConfig = {
  entry: unlockAfterFailure,
  always: '#lock.failed',
};

/**
 * After the votes: held only with a quorum and validity left on the client's own clock
 * (R12 steps 3–4, re-checked after the quorum). A failed attempt that may have set keys
 * unlocks them first.
 */
const decidingState: LockStateConfig = {
  always: [
    { guard: 'acquiredWithValidity', target: 'holding', actions: onAcquired },
    { guard: 'mustUnlock', target: 'unlocking', actions: reportFailed() },
    { target: 'failed', actions: reportFailed() },
  ],
};


/** Releasing: the belief ends, the release goes out, wait for the answers (or the timeout), next round. */
const releasingState: LockStateConfig = {
  entry: [
    // Sent even after the client learned it lost the lock: it still cleans up its keys.
    report(({ context }) => ({ kind: 'released', value: context.value })),
    'markNotHolding',
    ...unlockAfterFailure,
    armRequestTimeout,
  ],
  exit: cancel('REQUEST_TIMEOUT'),
  on: {
    REPLY: { guard: 'isCurrentReply', actions: 'countVote' },
    REQUEST_TIMEOUT: '#lock.roundDone',
  },
  always: { guard: 'phaseComplete', target: '#lock.roundDone' },
};

/**
 * Ask every node at once and count the votes: decided as soon as the outcome is certain
 * (a quorum said yes, or can no longer), or when the shared request timeout fires.
 */
export function voteOfAll(begin: 'beginPhaseAll' | 'beginExtension', argvOf: (context: LockContext) => string[], decided: string): LockStateConfig {
  return {
    entry: [begin, sendTo(({ context }) => toAll(context, argvOf(context))), armRequestTimeout],
    exit: cancel('REQUEST_TIMEOUT'),
    on: {
      REPLY: { guard: 'isCurrentReply', actions: 'countVote' },
      REQUEST_TIMEOUT: decided,
    },
    always: { guard: 'voteDecided', target: decided },
  };
}

/** The critical section: work, then (optionally check validity and) write; the last write ends it. */
const workRegion: LockStateConfig = {
  initial: 'working',
  states: {
    working: {
      entry: timer('WORK', ({ context }) => workDelayMs(context)),
      on: {
        WORK: [
          { guard: 'noWrites', target: '#lock.releasing' },
          // A careful client checks its validity first; with none left it stops and releases.
          { guard: { type: 'checksValidityAndExpired' }, target: '#lock.releasing', actions: reportLost('validity-check') },
          { target: 'writing' },
        ],
      },
    },
    writing: {
      entry: timer('WRITE', () => WRITE_PREP_MS),
      on: {
        WRITE: [
          {
            guard: 'isLastWrite',
            target: '#lock.releasing',
            actions: [{ type: 'write', params: ({ context }: Args) => ({ value: context.value, seq: context.writesDone + 1 }) }, 'countWrite'],
          },
          { target: 'working', actions: [{ type: 'write', params: ({ context }: Args) => ({ value: context.value, seq: context.writesDone + 1 }) }, 'countWrite'] },
        ],
      },
    },
  },
};

/**
 * Auto-extension (node-redlock using(), Redisson's watchdog): thresholdMs before validity
 * ends, run the compare-and-extend script on every node; it holds only with a quorum
 * decided within validity (R16). On a failure it retries (1 ms later) while validity lasts
 * (R21), then the client learns it lost the lock: a client that polls (checks validity)
 * stops and releases; one that does not keeps working, as an unpolled abort signal would.
 */
const watchdogRegion: LockStateConfig = {
  initial: 'arming',
  states: {
    arming: {
      always: [{ guard: 'noExtensionsLeft', target: 'capped' }, { target: 'waiting' }],
    },
    waiting: {
      entry: timer('EXTEND', ({ context, event }) => extendDelayMs(context, event.nowMs)),
      exit: cancel('EXTEND'),
      on: { EXTEND: 'extending' },
    },
    extending: voteOfAll('beginExtension', (context) => extendArgv(context.input.key, context.value, context.input.ttlMs), 'deciding'),
    deciding: {
      always: [
        {
          guard: 'extensionHolds',
          target: 'arming',
          actions: [
            'markExtended',
            report(({ context, event }) => ({
              kind: 'extended',
              value: context.value,
              votes: context.votesFor,
              validityMs: context.validUntilMs - event.nowMs,
              validUntilMs: context.validUntilMs,
            })),
          ],
        },
        { guard: 'stillValid', target: 'retrying' },
        { guard: 'checksValidity', target: '#lock.releasing', actions: [reportLost('extend-failed'), 'markNotHolding'] },
        { target: 'stopped', actions: [reportLost('extend-failed'), 'markNotHolding'] },
      ],
    },
    /**
     * node-redlock retries a failed extension at once; here one simulated millisecond later,
     * so that a zero-latency network cannot make it loop forever within one instant.
     */
    retrying: {
      entry: timer('EXTEND', () => 1),
      exit: cancel('EXTEND'),
      on: { EXTEND: 'extending' },
    },
    /** Extension failed; the work goes on without the lock (unless the client checks validity). */
    stopped: {},
    /** maxExtensions reached: no more extensions; the lease runs out on its own. */
    capped: {},
  },
};

/** The whole statechart of one lock design, given its acquiring state. */
export function lockMachine(id: string, parts: { acquiring: LockStateConfig; watchdog: boolean }) {
  return lockSetup.createMachine({
    id: 'lock',
    description: id,
    context: ({ input }) => initialContextOf(input),
    initial: 'idle',
    states: {
      idle: {
        on: {
          START: [{ guard: 'noRounds', target: 'done' }, { target: 'acquiring', actions: 'beginRound' }],
        },
      },
      acquiring: parts.acquiring,
      deciding: decidingState,
      unlocking: unlockingState,
      /** An attempt failed: retry after a delay while attempts and time are left, else give up this round. */
      failed: {
        always: [
          { guard: 'canRetry', target: 'backoff' },
          { target: 'roundDone', actions: report(({ context }) => ({ kind: 'gave-up', round: context.round, attempts: context.attempt })) },
        ],
      },
      backoff: {
        entry: timer('RETRY', ({ context, event }) => nextRetryDelayMs(context, event.random)),
        on: { RETRY: 'acquiring' },
      },
      holding: parts.watchdog ? { type: 'parallel', states: { work: workRegion, watchdog: watchdogRegion } } : workRegion,
      releasing: releasingState,
      roundDone: {
        always: [{ guard: 'allRoundsDone', target: 'done' }, { target: 'thinking' }],
      },
      thinking: {
        entry: timer('THINK_DONE', ({ context }) => context.input.workload.thinkMs),
        on: { THINK_DONE: { target: 'acquiring', actions: 'beginRound' } },
      },
      done: { type: 'final', entry: report(() => ({ kind: 'done' })) },
    },
  });
}

export type { ProcessId };
