/**
 * A pure test driver for lock machines: start one with an input, feed it events, and read
 * the effects each step produced. xstate's transition() lists effects as data and runs
 * nothing, so a test sees exactly what the engine would be asked to do, in order.
 */
import { initialTransition, type SnapshotFrom, transition } from 'xstate';
import type { LockContext } from '../context.ts';
import type { LockMachine } from '../machines/index.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from '../protocol.ts';
import { stateLabel } from '../stateLabel.ts';

/** The effects a lock machine can ask for (lockSetup.ts), with their parameters. */
export interface EffectParams {
  send: { requests: LockRequest[] };
  askMaster: { reqId: number };
  startTimer: { timer: TimerName; delayMs: number };
  cancelTimer: { timer: TimerName };
  write: { value: string; seq: number };
  claim: { value: string };
  report: LockReport;
}
export type EffectType = keyof EffectParams;
export type Effect = { [K in EffectType]: { type: K; params: EffectParams[K] } }[EffectType];

const EFFECT_TYPES: ReadonlySet<string> = new Set<EffectType>([
  'send',
  'askMaster',
  'startTimer',
  'cancelTimer',
  'write',
  'claim',
  'report',
]);

export interface Driver {
  /** Feed one event; returns the effects of this step. */
  send(event: LockEvent): Effect[];
  /** Params of this type's effects in the last step (the initial transition counts as one). */
  effects<T extends EffectType>(type: T): EffectParams[T][];
  /** Params of this type's effects over every step so far. */
  all<T extends EffectType>(type: T): EffectParams[T][];
  /** Every effect of the last step, type and params, in order. */
  last(): Effect[];
  /** The current state as a stateLabel() path, e.g. "acquiring.parallel". */
  state(): string;
  context(): LockContext;
  /** 'done' once the machine reached its final state. */
  status(): SnapshotFrom<LockMachine>['status'];
}

function effectsOf(actions: readonly { type: string; params?: unknown }[]): Effect[] {
  return actions.filter((a) => EFFECT_TYPES.has(a.type)).map((a) => ({ type: a.type, params: a.params }) as Effect);
}

function ofType<T extends EffectType>(effects: readonly Effect[], type: T): EffectParams[T][] {
  return effects.filter((e) => e.type === type).map((e) => e.params as EffectParams[T]);
}

export function drive(machine: LockMachine, input: LockInput): Driver {
  let [snapshot, actions] = initialTransition(machine, input);
  let last = effectsOf(actions);
  const history: Effect[] = [...last];
  return {
    send(event) {
      [snapshot, actions] = transition(machine, snapshot, event);
      last = effectsOf(actions);
      history.push(...last);
      return last;
    },
    effects: (type) => ofType(last, type),
    all: (type) => ofType(history, type),
    last: () => [...last],
    state: () => stateLabel(snapshot.value),
    context: () => snapshot.context,
    status: () => snapshot.status,
  };
}
