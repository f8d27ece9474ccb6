/**
 * A lock machine run by the engine's own interpreter (compile.ts, interpreter.ts) instead of
 * an xstate actor: the same machine, the same effects, many times faster. actor.ts keeps
 * xstate's createActor as the reference runtime; both must produce the same trace.
 */
import type { LockActor, LockEffects } from '../actor.ts';
import { initialContext } from '../context.ts';
import type { LockMachine } from '../machines/index.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from '../protocol.ts';
import { compileMachine, type Ctx } from './compile.ts';
import { Interpreter } from './interpreter.ts';

export function startInterpretedLockActor(machine: LockMachine, input: LockInput, fx: LockEffects): LockActor {
  const effect = (type: string, params: unknown): void => {
    const p = params as Record<string, unknown>;
    switch (type) {
      case 'send':
        return fx.send(p.requests as LockRequest[]);
      case 'askMaster':
        return fx.askMaster(p.reqId as number);
      case 'startTimer':
        return fx.startTimer(p.timer as TimerName, p.delayMs as number);
      case 'cancelTimer':
        return fx.cancelTimer(p.timer as TimerName);
      case 'write':
        return fx.write(p.value as string, p.seq as number);
      case 'claim':
        return fx.claim(p.value as string);
      case 'report':
        return fx.report(p as unknown as LockReport);
      default:
        throw new Error(`lock machine asked for an unknown effect ${type}`);
    }
  };
  const interpreter = new Interpreter(compileMachine(machine), initialContext(input) as unknown as Ctx, effect);
  let lastLabel = '';
  const noteState = (): void => {
    const label = interpreter.label();
    if (label === lastLabel) return;
    lastLabel = label;
    fx.state(label);
  };
  interpreter.start({ type: 'xstate.init' });
  noteState();
  let stopped = false;
  return {
    send(event: LockEvent) {
      if (stopped) return;
      interpreter.send(event);
      noteState();
    },
    stop() {
      stopped = true;
    },
  };
}
