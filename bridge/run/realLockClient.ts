/**
 * A scenario's lock client run against real Redis: the very machine the simulator runs
 * (src/lock), with effects that reach real nodes through the bridge's proxies, timers on the
 * run's scaled clock, and the same observer's record as the engine's LockClient (epochs,
 * lease-expired on the client's own clock). The machine still never reads time itself: every
 * event carries the run's time and a draw from the run's generator.
 *
 * A pause (GC) and a crash are the client's own business, so they follow the client's own
 * schedule exactly: an event is held (pause) or dropped (crash) by the time it was DUE — a
 * timer's deadline, a reply's arrival — not by when Node got round to it. A write due at
 * 9001 ms is held by a pause that starts at 9001 ms even if the timer fires a little late.
 *
 * A scheduled pause or crash may come with an anchor (src/protocol/clientAnchors.ts): it then
 * happens a set time after the client entered a given state, as in the simulation, wherever
 * real round trips have put that moment. A client that has not got there ANCHOR_SLACK_MS after
 * the entry's scenario time has taken another path; the entry happens then.
 */
import type { LockActor } from '../../src/lock/actor.ts';
import type { ClientAnchor } from '../../src/protocol/clientAnchors.ts';
import { startInterpretedLockActor } from '../../src/lock/interpreter/interpretedActor.ts';
import { LOCK_MACHINES, machineNameFor } from '../../src/lock/machines/index.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from '../../src/lock/protocol.ts';
import type { ClientSpec } from '../../src/sim/model/scenario.ts';
import type { Reply } from '../../src/sim/redis/reply.ts';
import type { ClientWorld } from './clientWorld.ts';
import { AnchorBook } from './anchorBook.ts';
import { keyEffect } from './keyEvents.ts';

interface Window {
  fromMs: number;
  untilMs: number;
}

type Delivery = (nowMs: number) => LockEvent;

export class RealLockClient {
  private actor: LockActor | null = null;
  private finished = false;
  private crashAtMs = Number.POSITIVE_INFINITY;
  private readonly pauses: Window[] = [];
  private readonly held: Delivery[] = [];
  private readonly timerGen: Partial<Record<TimerName, number>> = {};
  private readonly epochOf = new Map<string, number>();
  private lease: { value: string; untilMs: number; cancel: () => void } | null = null;
  private busy = false;
  /** The run time of the event the machine is handling (its timers and state changes date from it). */
  private eventMs: number | null = null;
  private readonly anchors: AnchorBook;
  /** The client's wall clock minus the run's time: the scenario's offset, moved by clock jumps. */
  private offsetMs: number;

  constructor(
    readonly spec: ClientSpec,
    private readonly input: LockInput,
    private readonly world: ClientWorld,
  ) {
    this.offsetMs = spec.clock.offsetMs;
    this.anchors = new AnchorBook(world.clock);
  }

  get id(): string {
    return this.spec.id;
  }

  get done(): boolean {
    return this.finished || this.crashed(this.world.trace.nowMs);
  }

  /** Starts the machine now and arms its START at the workload's startMs. */
  start(): void {
    if (this.spec.strategy.kind === 'script') throw new Error(`client ${this.id} is a script client`);
    const machine = LOCK_MACHINES[machineNameFor(this.spec.strategy)];
    this.actor = startInterpretedLockActor(machine, this.input, {
      send: (requests) => this.sendRequests(requests),
      askMaster: (reqId) => this.askMaster(reqId),
      startTimer: (timer, delayMs) => this.startTimer(timer, delayMs),
      cancelTimer: (timer) => {
        this.timerGen[timer] = (this.timerGen[timer] ?? 0) + 1;
      },
      write: (value, seq) => this.write(value, seq),
      claim: (value) => this.claim(value),
      report: (r) => this.report(r),
      state: (label) => this.onState(label),
    });
    const startMs = this.spec.workload.startMs;
    this.world.clock.at(startMs, () => this.deliver(startMs, (nowMs) => this.stamp({ type: 'START' }, nowMs)));
  }

  /** A GC pause over [atMs, atMs + durationMs), or as long from its anchor: events due in it wait until it ends. */
  pause(atMs: number, durationMs: number, anchor?: ClientAnchor): void {
    this.anchors.place(atMs, anchor, (fromMs) => this.openPause(fromMs, durationMs));
  }

  /** The client process dies at atMs (or at its anchor): nothing due from then on reaches its machine. */
  crash(atMs: number, anchor?: ClientAnchor): void {
    this.anchors.place(atMs, anchor, (fromMs) => this.crashAt(fromMs));
  }

  /** A state change: traced, counted, and the moment any entry anchored to it is placed from. */
  private onState(label: string): void {
    const atMs = this.now();
    this.world.trace.emitAt(atMs, { kind: 'client-state', client: this.id, state: label });
    this.anchors.entered(label, atMs);
  }

  private now(): number {
    return this.eventMs ?? this.world.trace.nowMs;
  }

  private openPause(fromMs: number, durationMs: number): void {
    const window = { fromMs, untilMs: fromMs + durationMs };
    this.pauses.push(window);
    this.world.clock.at(window.fromMs, () => {
      if (this.crashed(window.fromMs)) return;
      this.world.trace.emitAt(window.fromMs, { kind: 'pause', process: this.id, untilMs: window.untilMs });
    });
    this.world.clock.at(window.untilMs, () => this.resume(window));
  }

  private crashAt(atMs: number): void {
    this.crashAtMs = Math.min(this.crashAtMs, atMs);
    this.world.clock.at(atMs, () => {
      this.world.trace.emitAt(atMs, { kind: 'crash', process: this.id, clean: false, keysLost: 0 });
      this.lease?.cancel();
      this.lease = null;
      this.actor?.stop();
    });
  }

  /**
   * The client's wall clock jumps by deltaMs (NTP, an operator): its validity deadline moves
   * with it, its timers (monotonic) do not. Returns the new wall-clock reading.
   */
  jumpClock(deltaMs: number): number {
    this.offsetMs += deltaMs;
    const lease = this.lease;
    if (lease !== null) this.watchLease(lease.value, lease.untilMs);
    return this.world.trace.nowMs + this.offsetMs;
  }

  stop(): void {
    this.lease?.cancel();
    this.actor?.stop();
    this.finished = true;
  }

  private crashed(atMs: number): boolean {
    return atMs >= this.crashAtMs;
  }

  private pausedAt(atMs: number): Window | undefined {
    return this.pauses.find((w) => atMs >= w.fromMs && atMs < w.untilMs);
  }

  private stamp<E extends { type: string }>(event: E, nowMs: number): LockEvent {
    return { ...event, nowMs: nowMs + this.offsetMs, random: this.world.prng.nextUint32() } as unknown as LockEvent;
  }

  /** Hands an event due at dueMs to the machine now, or holds it (pause) or drops it (crash, done). */
  private deliver(dueMs: number, make: Delivery): void {
    if (this.finished || this.crashed(dueMs)) return;
    if (this.pausedAt(dueMs) !== undefined) {
      this.held.push(make);
      return;
    }
    const atMs = this.world.trace.nowMs;
    this.send(make(atMs), atMs);
  }

  private send(event: LockEvent, atMs: number): void {
    // A machine effect can answer synchronously (an immediate reply); keep events in order.
    if (this.busy) {
      queueMicrotask(() => this.send(event, atMs));
      return;
    }
    this.busy = true;
    this.eventMs = atMs;
    try {
      this.actor?.send(event);
    } finally {
      this.busy = false;
      this.eventMs = null;
    }
  }

  private resume(window: Window): void {
    if (this.crashed(window.untilMs)) return;
    const queued = this.held.splice(0);
    this.world.trace.emitAt(window.untilMs, { kind: 'resume', process: this.id, queued: queued.length });
    for (const make of queued) {
      if (this.finished) return;
      const atMs = this.world.trace.nowMs;
      this.send(make(atMs), atMs);
    }
  }

  private startTimer(timer: TimerName, delayMs: number): void {
    const gen = (this.timerGen[timer] ?? 0) + 1;
    this.timerGen[timer] = gen;
    const dueMs = this.now() + delayMs;
    this.world.clock.at(dueMs, () => {
      if (this.timerGen[timer] !== gen) return;
      this.deliver(dueMs, (nowMs) => this.stamp({ type: timer }, nowMs));
    });
  }

  private sendRequests(requests: readonly LockRequest[]): void {
    for (const r of requests) this.sendRequest(r);
  }

  private sendRequest(r: LockRequest): void {
    const trace = this.world.trace;
    const label = r.argv.length > 1 ? `${r.argv[0]} ${r.argv[1]}` : (r.argv[0] as string);
    const msg = trace.messageId();
    trace.emit({ kind: 'send', msg, type: 'request', from: this.id, to: r.node, deliverAtMs: -1, label });
    this.world.request(this.id, r.node, r.argv).then(
      (reply) => this.onReply(r, msg, reply),
      () => {
        // Lost on the way (a drop, a partition, a dead node): no answer, as in the simulator.
        // The machine's own request timeout decides what that means.
      },
    );
  }

  private onReply(r: LockRequest, msg: number, reply: Reply): void {
    const trace = this.world.trace;
    const atMs = trace.nowMs;
    trace.emitAt(atMs, { kind: 'deliver', msg, from: this.id, to: r.node, dueMs: atMs });
    trace.emitAt(atMs, { kind: 'command', node: r.node, client: this.id, argv: [...r.argv], reply, nodeMs: atMs });
    const effect = keyEffect(r.node, r.argv, reply, atMs);
    if (effect !== null) trace.emitAt(atMs, effect);
    const replyMsg = trace.messageId();
    trace.emitAt(atMs, {
      kind: 'send',
      msg: replyMsg,
      type: 'reply',
      from: r.node,
      to: this.id,
      deliverAtMs: atMs,
      label: replyLabel(reply),
    });
    this.deliver(atMs, (nowMs) => this.stamp({ type: 'REPLY', reqId: r.reqId, node: r.node, reply }, nowMs));
  }

  private askMaster(reqId: number): void {
    const group = this.input.group ?? '';
    this.world.askMaster(group).then(
      (master) => {
        const atMs = this.world.trace.nowMs;
        this.deliver(atMs, (nowMs) => this.stamp({ type: 'MASTER', reqId, master }, nowMs));
      },
      () => {},
    );
  }

  private write(value: string, seq: number): void {
    const epoch = this.epochOf.get(value);
    if (epoch === undefined) throw new Error(`client ${this.id} writes with a value it never acquired: ${value}`);
    const token = this.input.fencing === 'token' ? epoch : null;
    this.world.clock.in(this.world.storageLatencyMs(), () => this.world.storage.write(this.id, { seq, epoch, token, value }));
  }

  private claim(value: string): void {
    if (this.input.fencing !== 'cas') return;
    const epoch = this.epochOf.get(value) ?? 0;
    this.world.clock.in(this.world.storageLatencyMs(), () => this.world.storage.claim(this.id, value, epoch));
  }

  private report(r: LockReport): void {
    const trace = this.world.trace;
    const client = this.id;
    const clientMs = trace.nowMs + this.offsetMs;
    switch (r.kind) {
      case 'attempt':
        trace.emit({ kind: 'lock-attempt', client, round: r.round, attempt: r.attempt, value: r.value, clientMs });
        return;
      case 'acquired': {
        const epoch = this.world.nextEpoch();
        this.epochOf.set(r.value, epoch);
        trace.emit({
          kind: 'lock-acquired',
          client,
          value: r.value,
          epoch,
          votes: r.votes,
          nodes: r.nodes,
          validityMs: r.validityMs,
          validUntilMs: r.validUntilMs,
          clientMs,
        });
        this.watchLease(r.value, r.validUntilMs);
        return;
      }
      case 'failed':
        trace.emit({ kind: 'lock-failed', client, value: r.value, votes: r.votes, reason: r.reason, validityMs: r.validityMs, clientMs });
        return;
      case 'gave-up':
        trace.emit({ kind: 'lock-gave-up', client, round: r.round, attempts: r.attempts, clientMs });
        return;
      case 'extended':
        trace.emit({
          kind: 'lock-extended',
          client,
          value: r.value,
          votes: r.votes,
          validityMs: r.validityMs,
          validUntilMs: r.validUntilMs,
          clientMs,
        });
        if (this.lease?.value === r.value) this.watchLease(r.value, r.validUntilMs);
        return;
      case 'lost':
      case 'released':
        if (r.kind === 'lost') trace.emit({ kind: 'lock-lost', client, value: r.value, reason: r.reason, clientMs });
        else trace.emit({ kind: 'lock-released', client, value: r.value, clientMs });
        if (this.lease?.value === r.value) {
          this.lease.cancel();
          this.lease = null;
        }
        return;
      case 'done':
        this.finished = true;
        trace.emit({ kind: 'client-done', client });
        this.world.onClientDone(this.id);
        return;
    }
  }

  /** Records lease-expired when the client's own clock passes its validity, paused or not. */
  private watchLease(value: string, validUntilMs: number): void {
    this.lease?.cancel();
    const atMs = validUntilMs - this.offsetMs;
    const cancel = this.world.clock.at(atMs, () => {
      if (this.lease?.value !== value || this.crashed(atMs)) return;
      this.lease = null;
      this.world.trace.emitAt(atMs, { kind: 'lease-expired', client: this.id, value, validUntilMs });
    });
    this.lease = { value, untilMs: validUntilMs, cancel };
  }
}

function replyLabel(reply: Reply): string {
  if (reply.t === 'bulk') return reply.v === null ? '(nil)' : `"${reply.v}"`;
  if (reply.t === 'int') return `:${reply.v}`;
  return reply.v;
}
