/**
 * One master with replicas behind Sentinel: ask Sentinel for the current master, SET NX PX
 * there, and (option) WAIT for replica acknowledgements, treating the lock as not held when
 * too few come (Redisson's synced-replicas check, R7, R25). Replication is asynchronous, so a
 * failover can still lose the lock (S8).
 */
import { acquireArgv, waitArgv } from '../commands.ts';
import { armRequestTimeout, cancel, type LockStateConfig, lockMachine, reportAttempt, reportFailed, sendTo, timer, toTarget, unlockAfterFailure } from '../lifecycle.ts';

const acquiring: LockStateConfig = {
  entry: ['beginAttempt', reportAttempt],
  initial: 'locating',
  states: {
    locating: {
      entry: ['beginPhaseOne', { type: 'askMaster', params: ({ context }) => ({ reqId: context.phaseReqId }) }, armRequestTimeout],
      exit: cancel('REQUEST_TIMEOUT'),
      on: {
        MASTER: [
          { guard: { type: 'currentMasterKnown' }, target: 'setting', actions: 'setTarget' },
          { guard: 'isCurrentMaster', target: '#lock.failed', actions: reportFailed('no-master') },
        ],
        REQUEST_TIMEOUT: { target: '#lock.failed', actions: reportFailed('timeout') },
      },
    },
    setting: {
      entry: [
        'beginPhaseOne',
        sendTo(({ context }) => toTarget(context, acquireArgv('single-failover', context.input.key, context.value, context.input.ttlMs))),
        armRequestTimeout,
      ],
      exit: cancel('REQUEST_TIMEOUT'),
      on: {
        REPLY: [
          { guard: { type: 'grantedAndNeedsWait' }, target: 'waiting', actions: 'countVote' },
          { guard: 'isCurrentReply', target: '#lock.deciding', actions: 'countVote' },
        ],
        REQUEST_TIMEOUT: '#lock.deciding',
      },
    },
    /** WAIT blocks up to its timeout on the server; the client waits that long plus its own timeout. */
    waiting: {
      entry: [
        'beginPhaseOne',
        sendTo(({ context }) => {
          const s = context.input.strategy;
          return toTarget(context, s.kind === 'single-failover' ? waitArgv(s.waitReplicas, s.waitTimeoutMs) : ['PING']);
        }),
        timer('REQUEST_TIMEOUT', ({ context }) => {
          const s = context.input.strategy;
          return s.kind === 'single-failover' ? s.waitTimeoutMs + s.requestTimeoutMs : 0;
        }),
      ],
      exit: cancel('REQUEST_TIMEOUT'),
      on: {
        REPLY: [
          { guard: { type: 'currentAndEnoughAcks' }, target: '#lock.deciding' },
          { guard: 'isCurrentReply', target: '#lock.failed', actions: [reportFailed('wait-no-ack'), ...unlockAfterFailure] },
        ],
        REQUEST_TIMEOUT: { target: '#lock.failed', actions: [reportFailed('wait-no-ack'), ...unlockAfterFailure] },
      },
    },
  },
};

export const singleFailoverMachine = lockMachine('single-failover', { acquiring, watchdog: false });
