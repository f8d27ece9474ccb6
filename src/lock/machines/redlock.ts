/**
 * Redlock as documented (R11–R18): a fresh random value per attempt; SET NX PX on every
 * master, all at once (parallel, as redsync and node-redlock do) or one after another with a
 * small timeout each (sequential, as the doc and redlock-rb describe); a quorum of
 * floor(N/2)+1; validity = TTL − elapsed − drift on the client's own clock, re-checked after
 * the quorum; on failure unlock ALL instances and retry after retryDelay ± jitter.
 * `redlock-watchdog` adds auto-extension while the lock is held (lifecycle.ts).
 */
import { acquireArgv } from '../commands.ts';
import { armRequestTimeout, cancel, type LockStateConfig, lockMachine, reportAttempt, sendTo, voteOfAll } from '../lifecycle.ts';

const acquiring: LockStateConfig = {
  entry: ['beginAttempt', reportAttempt],
  initial: 'choosing',
  states: {
    choosing: {
      always: [{ guard: 'isSequential', target: 'sequential' }, { target: 'parallel' }],
    },
    /** Every node at once, one shared timeout; decided as soon as the outcome is certain. */
    parallel: voteOfAll('beginPhaseAll', (context) => acquireArgv('redlock', context.input.key, context.value, context.input.ttlMs), '#lock.deciding'),
    /** One node after another, each with its own small timeout (R12 step 2). */
    sequential: {
      entry: 'beginPhaseAll',
      initial: 'asking',
      states: {
        asking: {
          entry: [
            sendTo(({ context }) => {
              const node = context.input.nodes[context.asked] as string;
              return [{ node, reqId: context.phaseReqId + context.asked, argv: acquireArgv('redlock', context.input.key, context.value, context.input.ttlMs) }];
            }),
            armRequestTimeout,
          ],
          exit: cancel('REQUEST_TIMEOUT'),
          on: {
            REPLY: { guard: 'isAskedReply', target: 'next', actions: 'countVote' },
            REQUEST_TIMEOUT: { target: 'next', actions: 'countTimeout' },
          },
        },
        next: {
          always: [{ guard: 'phaseComplete', target: '#lock.deciding' }, { target: 'asking' }],
        },
      },
    },
  },
};

export const redlockMachine = lockMachine('redlock', { acquiring, watchdog: false });
export const redlockWatchdogMachine = lockMachine('redlock-watchdog', { acquiring, watchdog: true });
