/** Every lock design's machine, by the name the scenario and the UI use. */
import type { StrategySpec } from '../../sim/model/scenario.ts';
import { redlockMachine, redlockWatchdogMachine } from './redlock.ts';
import { setNxPxCadMachine, setNxPxDelMachine } from './setNxPx.ts';
import { setnxExpireMachine } from './setnxExpire.ts';
import { singleFailoverMachine } from './singleFailover.ts';

export const LOCK_MACHINES = {
  'setnx-expire': setnxExpireMachine,
  'set-nx-px-del': setNxPxDelMachine,
  'set-nx-px-cad': setNxPxCadMachine,
  'single-failover': singleFailoverMachine,
  redlock: redlockMachine,
  'redlock-watchdog': redlockWatchdogMachine,
} as const;

export type LockMachineName = keyof typeof LOCK_MACHINES;
export type LockMachine = (typeof LOCK_MACHINES)[LockMachineName];

/** The machine a client's strategy runs: Redlock with autoExtend runs the watchdog machine. */
export function machineNameFor(strategy: Exclude<StrategySpec, { kind: 'script' }>): LockMachineName {
  if (strategy.kind === 'redlock' && strategy.autoExtend !== null) return 'redlock-watchdog';
  return strategy.kind;
}
