import { Clock } from '../clock/clock.ts';
import type { ClientSpec, ScriptStep } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { Message } from '../process/message.ts';
import { Proc } from '../process/proc.ts';

/**
 * A client that sends raw commands at given true times, like a scripted redis-cli, and
 * records every reply. It is how the engine is exercised without a lock protocol, and how
 * the fidelity test replays the same commands on real Redis.
 */
export class ScriptClient extends Proc {
  private nextReqId = 1;

  constructor(
    readonly spec: ClientSpec,
    private readonly steps: readonly ScriptStep[],
    private readonly host: Host,
  ) {
    super(spec.id, new Clock(spec.clock));
  }

  start(): void {
    for (const step of this.steps) {
      this.host.setTimer(this, step.atMs - this.host.nowMs, () => this.sendStep(step));
    }
  }

  private sendStep(step: ScriptStep): void {
    const reqId = this.nextReqId++;
    this.host.send(this.id, step.node, { type: 'request', reqId, argv: step.argv }, step.argv.slice(0, 2).join(' '));
  }

  onMessage(msg: Message): void {
    if (msg.body.type !== 'reply') return;
    const { argv, reply } = msg.body;
    this.host.emit({
      t: this.host.nowMs,
      kind: 'reply',
      client: this.id,
      node: msg.from,
      argv,
      reply,
      clientMs: this.clock.wallMs(this.host.nowMs),
    });
  }

  onCrash(): void {
    this.host.emit({ t: this.host.nowMs, kind: 'crash', process: this.id, clean: false, keysLost: 0 });
  }
}
