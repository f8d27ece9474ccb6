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

  /**
   * Steps are armed one at a time, in time order (ties keep their order in the file), so
   * the scheduler holds one pending step per client rather than the whole script.
   */
  start(): void {
    this.order = this.steps.map((_, i) => i).sort((a, b) => (this.steps[a] as ScriptStep).atMs - (this.steps[b] as ScriptStep).atMs || a - b);
    // Labels are made once per step, not once per send: the trace keeps one string per step.
    this.labels = this.steps.map((step) => (step.argv.length > 1 ? `${step.argv[0]} ${step.argv[1]}` : (step.argv[0] as string)));
    this.armNext();
  }

  private order: number[] = [];
  private labels: string[] = [];
  private next = 0;

  private armNext(): void {
    const index = this.order[this.next];
    if (index === undefined) return;
    const step = this.steps[index] as ScriptStep;
    this.host.setTimer(this, Math.max(0, step.atMs - this.host.nowMs), () => {
      this.next++;
      this.sendStep(step, this.labels[index] as string);
      this.armNext();
    });
  }

  private sendStep(step: ScriptStep, label: string): void {
    const reqId = this.nextReqId++;
    this.host.send(this.id, step.node, { type: 'request', reqId, argv: step.argv }, label);
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
