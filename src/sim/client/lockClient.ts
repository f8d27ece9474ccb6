import type { LockActor, LockEffects } from '../../lock/actor.ts';
import type { LockMachine } from '../../lock/machines/index.ts';
import type { LockInput, LockReport, LockRequest, TimerName } from '../../lock/protocol.ts';
import { assert } from '../core/assert.ts';
import type { Prng } from '../core/prng.ts';
import { Clock } from '../clock/clock.ts';
import { type ClientSpec, SENTINEL_ID, STORAGE_ID } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { Message } from '../process/message.ts';
import { Proc } from '../process/proc.ts';

/**
 * A lock client process: it runs one lock machine (src/lock) and is its only window on the
 * world. Replies, Sentinel answers and timers go in as events stamped with this client's
 * wall clock and a draw from its own PRNG stream; the machine's effects (send, timers,
 * writes, reports) come out through the implementations provided here.
 *
 * It also keeps the observer's record the checker needs: each acquisition gets the run's
 * next epoch (the fencing token), and the moment the client's own wall clock passes its
 * validity is recorded as `lease-expired`, pause or not (a paused process still "believes").
 */
export class LockClient extends Proc {
  private actor: LockActor | null = null;
  /** The workload finished: later replies and timers have nobody to go to. */
  private finished = false;
  private readonly prng: Prng;
  private readonly timerGen: Record<string, number> = {};
  private readonly epochOf = new Map<string, number>();
  private lease: { value: string; untilMs: number } | null = null;
  private leaseGen = 0;

  constructor(
    readonly spec: ClientSpec,
    private readonly input: LockInput,
    private readonly machine: LockMachine,
    private readonly host: Host,
    private readonly startActor: (machine: LockMachine, input: LockInput, fx: LockEffects) => LockActor,
  ) {
    super(spec.id, new Clock(spec.clock));
    this.prng = host.prng(`client:${spec.id}`);
  }

  /** The workload begins at its startMs (true time), like a process started by a scheduler. */
  start(): void {
    const input = this.input;
    this.actor = this.startActor(this.machine, input, {
      send: (requests) => this.sendRequests(requests),
      askMaster: (reqId) => this.askMaster(reqId, input.group),
      startTimer: (timer, delayMs) => this.startTimer(timer, delayMs),
      cancelTimer: (timer) => this.cancelTimer(timer),
      write: (value, seq) => this.write(value, seq, input.fencing === 'token'),
      claim: (value) => this.claim(value, input.fencing === 'cas'),
      report: (r) => this.report(r),
      state: (label) => this.host.emit({ t: this.host.nowMs, kind: 'client-state', client: this.id, state: label }),
    });
    const startMs = this.spec.workload.startMs;
    this.host.setTimer(this, Math.max(0, startMs - this.host.nowMs), () => this.deliver('START'));
  }

  onMessage(msg: Message): void {
    if (this.finished) return;
    const body = msg.body;
    const nowMs = this.clock.wallMs(this.host.nowMs);
    if (body.type === 'reply') {
      this.actor?.send({ type: 'REPLY', reqId: body.reqId, node: msg.from, reply: body.reply, nowMs, random: this.prng.nextUint32() });
    } else if (body.type === 'sentinel') {
      this.actor?.send({ type: 'MASTER', reqId: body.reqId, master: body.answer, nowMs, random: this.prng.nextUint32() });
    }
    // write-reply: the storage's verdict is in the trace; the workload does not wait for it.
  }

  onCrash(): void {
    this.host.emit({ t: this.host.nowMs, kind: 'crash', process: this.id, clean: false, keysLost: 0 });
    this.lease = null;
    this.actor?.stop();
  }

  override onClockChange(): void {
    if (this.lease !== null) this.armLeaseWatch();
  }

  /** A timer event, stamped with this client's wall clock and a fresh draw. */
  private deliver(type: TimerName): void {
    if (this.finished) return;
    this.actor?.send({ type, nowMs: this.clock.wallMs(this.host.nowMs), random: this.prng.nextUint32() });
  }

  private sendRequests(requests: readonly LockRequest[]): void {
    for (const r of requests) {
      const label = r.argv.length > 1 ? `${r.argv[0]} ${r.argv[1]}` : (r.argv[0] as string);
      this.host.send(this.id, r.node, { type: 'request', reqId: r.reqId, argv: r.argv }, label);
    }
  }

  private askMaster(reqId: number, group: string | null): void {
    this.host.send(this.id, SENTINEL_ID, { type: 'sentinel', reqId, query: 'get-master', group: group ?? '', answer: null }, 'get-master');
  }

  /** Timers run on the monotonic clock, as a JavaScript timer does; re-arming one replaces it. */
  private startTimer(timer: TimerName, delayMs: number): void {
    const gen = (this.timerGen[timer] ?? 0) + 1;
    this.timerGen[timer] = gen;
    this.host.setTimer(this, this.clock.trueDelayMs(delayMs), () => {
      if (this.timerGen[timer] === gen) this.deliver(timer);
    });
  }

  private cancelTimer(timer: TimerName): void {
    this.timerGen[timer] = (this.timerGen[timer] ?? 0) + 1;
  }

  private write(value: string, seq: number, fenced: boolean): void {
    const epoch = this.epochOf.get(value);
    assert(epoch !== undefined, `client ${this.id} writes with a value it never acquired: ${value}`);
    this.host.send(this.id, STORAGE_ID, { type: 'write', seq, epoch, token: fenced ? epoch : null, value }, `write #${seq}`);
  }

  private claim(value: string, cas: boolean): void {
    if (!cas) return;
    const epoch = this.epochOf.get(value) ?? 0;
    this.host.send(this.id, STORAGE_ID, { type: 'claim', value, epoch }, 'claim');
  }

  private report(r: LockReport): void {
    const t = this.host.nowMs;
    const client = this.id;
    const clientMs = this.clock.wallMs(t);
    switch (r.kind) {
      case 'attempt':
        return this.host.emit({ t, kind: 'lock-attempt', client, round: r.round, attempt: r.attempt, value: r.value, clientMs });
      case 'acquired': {
        const epoch = this.host.nextEpoch();
        this.epochOf.set(r.value, epoch);
        this.host.emit({ t, kind: 'lock-acquired', client, value: r.value, epoch, votes: r.votes, nodes: r.nodes, validityMs: r.validityMs, validUntilMs: r.validUntilMs, clientMs });
        this.lease = { value: r.value, untilMs: r.validUntilMs };
        return this.armLeaseWatch();
      }
      case 'failed':
        return this.host.emit({ t, kind: 'lock-failed', client, value: r.value, votes: r.votes, reason: r.reason, validityMs: r.validityMs, clientMs });
      case 'gave-up':
        return this.host.emit({ t, kind: 'lock-gave-up', client, round: r.round, attempts: r.attempts, clientMs });
      case 'extended':
        this.host.emit({ t, kind: 'lock-extended', client, value: r.value, votes: r.votes, validityMs: r.validityMs, validUntilMs: r.validUntilMs, clientMs });
        if (this.lease !== null && this.lease.value === r.value) {
          this.lease.untilMs = r.validUntilMs;
          this.armLeaseWatch();
        }
        return;
      case 'lost':
      case 'released':
        if (r.kind === 'lost') this.host.emit({ t, kind: 'lock-lost', client, value: r.value, reason: r.reason, clientMs });
        else this.host.emit({ t, kind: 'lock-released', client, value: r.value, clientMs });
        if (this.lease?.value === r.value) this.lease = null;
        return;
      case 'done':
        this.finished = true;
        return this.host.emit({ t, kind: 'client-done', client });
    }
  }

  /** Schedules the observation "validity ran out on this client's wall clock"; re-armed after clock changes. */
  private armLeaseWatch(): void {
    const lease = this.lease;
    if (lease === null) return;
    const gen = ++this.leaseGen;
    const atMs = this.clock.trueMsWhenWallReaches(lease.untilMs, this.host.nowMs);
    this.host.at(atMs, () => {
      if (gen !== this.leaseGen || this.lease !== lease || !this.up) return;
      this.lease = null;
      this.host.emit({ t: this.host.nowMs, kind: 'lease-expired', client: this.id, value: lease.value, validUntilMs: lease.untilMs });
    });
  }
}
