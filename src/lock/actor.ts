/**
 * Runs a lock machine as an xstate actor for the engine: the engine supplies the effects
 * (what send, timers, writes and reports do) and hears every state change as a label.
 * This is the only place that creates actors, so the engine itself never touches xstate.
 */
import { createActor } from 'xstate';
import type { LockMachine } from './machines/index.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from './protocol.ts';
import { stateLabel } from './stateLabel.ts';

export interface LockEffects {
  send(requests: readonly LockRequest[]): void;
  askMaster(reqId: number): void;
  startTimer(timer: TimerName, delayMs: number): void;
  cancelTimer(timer: TimerName): void;
  write(value: string, seq: number): void;
  claim(value: string): void;
  report(report: LockReport): void;
  /** The machine entered a new state (label from stateLabel()). */
  state(label: string): void;
}

export interface LockActor {
  send(event: LockEvent): void;
  stop(): void;
}

export function startLockActor(machine: LockMachine, input: LockInput, fx: LockEffects): LockActor {
  const provided = machine.provide({
    actions: {
      send: (_, p) => fx.send(p.requests),
      askMaster: (_, p) => fx.askMaster(p.reqId),
      startTimer: (_, p) => fx.startTimer(p.timer, p.delayMs),
      cancelTimer: (_, p) => fx.cancelTimer(p.timer),
      write: (_, p) => fx.write(p.value, p.seq),
      claim: (_, p) => fx.claim(p.value),
      report: (_, p) => fx.report(p),
    },
  });
  const actor = createActor(provided as LockMachine, { input });
  let lastValue: unknown = null;
  let lastLabel = '';
  // A state value object is replaced only when the state changes, so identity is a cheap first test.
  actor.subscribe((snapshot) => {
    if (snapshot.value === lastValue) return;
    lastValue = snapshot.value;
    const label = stateLabel(snapshot.value);
    if (label === lastLabel) return;
    lastLabel = label;
    fx.state(label);
  });
  actor.start();
  return { send: (event) => actor.send(event), stop: () => actor.stop() };
}
