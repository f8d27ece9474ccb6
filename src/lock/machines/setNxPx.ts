/**
 * Single-instance locks with one atomic SET NX PX (R1): `set-nx-px-del` releases with a plain
 * DEL (it can delete someone else's lock, S10); `set-nx-px-cad` releases with the
 * compare-and-delete script (the correct single-instance lock, R15). The release command is
 * the only difference (commands.ts).
 */
import { acquireArgv } from '../commands.ts';
import { armRequestTimeout, cancel, type LockStateConfig, lockMachine, reportAttempt, sendTo, toTarget } from '../lifecycle.ts';

/** One request to the lock's node; +OK means we hold it, nil means someone else does. */
const acquiring: LockStateConfig = {
  entry: [
    'beginAttempt',
    reportAttempt,
    'beginPhaseOne',
    sendTo(({ context }) => toTarget(context, acquireArgv(context.input.strategy.kind, context.input.key, context.value, context.input.ttlMs))),
    armRequestTimeout,
  ],
  exit: cancel('REQUEST_TIMEOUT'),
  on: {
    REPLY: { guard: 'isCurrentReply', target: '#lock.deciding', actions: 'countVote' },
    REQUEST_TIMEOUT: '#lock.deciding',
  },
};

export const setNxPxDelMachine = lockMachine('set-nx-px-del', { acquiring, watchdog: false });
export const setNxPxCadMachine = lockMachine('set-nx-px-cad', { acquiring, watchdog: false });
