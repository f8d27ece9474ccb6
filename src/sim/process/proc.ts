import type { Clock } from '../clock/clock.ts';
import type { ProcessId } from '../model/scenario.ts';
import type { Message } from './message.ts';

/**
 * A simulated process: a Redis node, a client, the sentinel. The engine owns its life:
 * while `paused` nothing it would do runs (its deliveries and timers wait in `held`);
 * when it crashes its `incarnation` changes so that its old timers fall away.
 */
export abstract class Proc {
  up = true;
  paused = false;
  pausedUntilMs = 0;
  incarnation = 0;

  constructor(
    readonly id: ProcessId,
    readonly clock: Clock,
  ) {}

  /** A message arrived (the process is up and not paused). */
  abstract onMessage(msg: Message): void;

  /** The process crashed: lose volatile state. The engine has already bumped `incarnation`. */
  abstract onCrash(clean: boolean): void;

  /** Its clock jumped or changed rate; a process that waits for a wall-clock reading re-arms. */
  onClockChange(): void {}
}
