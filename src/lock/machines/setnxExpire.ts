/**
 * The blog-post lock: SETNX, then EXPIRE in a second round trip, released with DEL. A crash
 * between the two leaves a key with no TTL that nobody will ever delete (S9, Redis in
 * Action §6.2.5: "the worst place for it to crash").
 */
import { acquireArgv, expireArgv } from '../commands.ts';
import { armRequestTimeout, cancel, type LockStateConfig, lockMachine, reportAttempt, sendTo, toTarget } from '../lifecycle.ts';

const acquiring: LockStateConfig = {
  entry: ['beginAttempt', reportAttempt],
  initial: 'setting',
  states: {
    setting: {
      entry: [
        'beginPhaseOne',
        sendTo(({ context }) => toTarget(context, acquireArgv('setnx-expire', context.input.key, context.value, context.input.ttlMs))),
        armRequestTimeout,
      ],
      exit: cancel('REQUEST_TIMEOUT'),
      on: {
        REPLY: [
          { guard: { type: 'currentAndGranted' }, target: 'expiring' },
          { guard: 'isCurrentReply', target: '#lock.deciding', actions: 'countVote' },
        ],
        REQUEST_TIMEOUT: '#lock.deciding',
      },
    },
    // The blog code does not look at EXPIRE's answer: with SETNX's :1 it believes it holds the lock.
    expiring: {
      entry: [
        { type: 'countGranted' },
        'beginPhaseOne',
        sendTo(({ context }) => toTarget(context, expireArgv(context.input.key, context.input.ttlMs))),
        armRequestTimeout,
      ],
      exit: cancel('REQUEST_TIMEOUT'),
      on: {
        REPLY: { guard: 'isCurrentReply', target: '#lock.deciding' },
        REQUEST_TIMEOUT: '#lock.deciding',
      },
    },
  },
};

export const setnxExpireMachine = lockMachine('setnx-expire', { acquiring, watchdog: false });
