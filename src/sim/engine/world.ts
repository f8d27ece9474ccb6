import { assert } from '../core/assert.ts';
import { Prng } from '../core/prng.ts';
import { type Scheduled, Scheduler } from '../core/scheduler.ts';
import type { ProcessId, Scenario } from '../model/scenario.ts';
import { sampleLatencyMs } from '../network/latency.ts';
import { linkKey, Links } from '../network/links.ts';
import { Partitions } from '../network/partitions.ts';
import type { Host } from '../process/host.ts';
import { isReliable, type Message, type MessageBody } from '../process/message.ts';
import type { Proc } from '../process/proc.ts';
import type { DropReason, TraceEvent } from '../trace/events.ts';

interface LinkState {
  prng: Prng;
  lastDeliverMs: number;
}

/** A scheduled happening: a message delivery, a process timer, or an engine action (target null). */
export interface SimEvent extends Scheduled {
  target: Proc | null;
  incarnation: number;
  /** When it was first due; differs from atMs only after it waited out a pause. */
  dueMs: number;
  msg: Message | null;
  fn: (() => void) | null;
}

/**
 * The simulated world: one scheduler, one trace, the network between processes, and the
 * machinery every process shares (delivery, timers, pause, crash). Protocol behaviour
 * lives in the processes; this file only moves time and messages.
 */
export class World implements Host {
  nowMs = 0;
  readonly trace: TraceEvent[] = [];
  readonly procs = new Map<ProcessId, Proc>();
  readonly partitions = new Partitions();
  readonly links: Links;
  readonly root: Prng;
  processed = 0;
  messages = 0;
  private readonly scheduler = new Scheduler<SimEvent>();
  /** Per directed link: its own latency/loss PRNG stream and the FIFO delivery horizon. */
  private readonly linkStates = new Map<ProcessId, Map<ProcessId, LinkState>>();
  private readonly held = new Map<Proc, SimEvent[]>();
  private readonly parked = new Map<string, Message[]>();
  private replIds = 0;
  private epochs = 0;

  constructor(readonly scenario: Scenario) {
    this.root = new Prng(scenario.seed);
    this.links = new Links(scenario.network.links);
  }

  add(proc: Proc): void {
    assert(!this.procs.has(proc.id), `duplicate process id ${proc.id}`);
    this.procs.set(proc.id, proc);
  }

  emit(event: TraceEvent): void {
    this.trace.push(event);
  }

  prng(label: string): Prng {
    return this.root.fork(label);
  }

  canReach(a: ProcessId, b: ProcessId): boolean {
    return this.partitions.canReach(a, b);
  }

  nextReplId(node: ProcessId): string {
    this.replIds++;
    return `${node}#${this.replIds}`;
  }

  nextEpoch(): number {
    return ++this.epochs;
  }

  /** Schedules an engine action (a fault, a resume) at an absolute true time. */
  at(atMs: number, fn: () => void): void {
    this.scheduler.push({ atMs, dueMs: atMs, seq: 0, target: null, incarnation: 0, msg: null, fn });
  }

  setTimer(proc: Proc, delayTrueMs: number, fn: () => void): void {
    if (!(delayTrueMs >= 0)) assert(false, `timer delay must not be negative: ${delayTrueMs}`);
    const atMs = this.nowMs + Math.ceil(delayTrueMs);
    this.scheduler.push({ atMs, dueMs: atMs, seq: 0, target: proc, incarnation: proc.incarnation, msg: null, fn });
  }

  send(from: ProcessId, to: ProcessId, body: MessageBody, label: string): void {
    const msg: Message = { id: ++this.messages, from, to, body };
    const reliable = isReliable(body.type);
    if (!this.partitions.canReach(from, to)) {
      if (reliable) return this.park(msg);
      this.emit({ t: this.nowMs, kind: 'send', msg: msg.id, type: body.type, from, to, deliverAtMs: -1, label });
      return this.drop(msg, 'partition');
    }
    const link = this.linkState(from, to);
    const network = this.scenario.network;
    if (!reliable) {
      const rate = Math.max(network.dropRate, this.links.dropRate(from, to, this.nowMs));
      if (link.prng.chance(rate)) {
        this.emit({ t: this.nowMs, kind: 'send', msg: msg.id, type: body.type, from, to, deliverAtMs: -1, label });
        return this.drop(msg, 'loss');
      }
    }
    const latencyMs = sampleLatencyMs(reliable ? network.replicationLagMs : network.latencyMs, link.prng);
    // One TCP connection per link: messages arrive in the order they were sent.
    const deliverAtMs = Math.max(this.nowMs + latencyMs + this.links.extraDelayMs(from, to, this.nowMs), link.lastDeliverMs);
    link.lastDeliverMs = deliverAtMs;
    this.emit({ t: this.nowMs, kind: 'send', msg: msg.id, type: body.type, from, to, deliverAtMs, label });
    const target = this.procs.get(to);
    if (target === undefined) return this.drop(msg, 'process-down');
    this.scheduler.push({ atMs: deliverAtMs, dueMs: deliverAtMs, seq: 0, target, incarnation: target.incarnation, msg, fn: null });
  }

  private linkState(from: ProcessId, to: ProcessId): LinkState {
    let byTo = this.linkStates.get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.linkStates.set(from, byTo);
    }
    let state = byTo.get(to);
    if (state === undefined) {
      state = { prng: this.root.fork(`link:${linkKey(from, to)}`), lastDeliverMs: 0 };
      byTo.set(to, state);
    }
    return state;
  }

  private drop(msg: Message, reason: DropReason): void {
    this.emit({ t: this.nowMs, kind: 'drop', msg: msg.id, from: msg.from, to: msg.to, reason });
  }

  /** A replication message that cannot cross a partition waits in the backlog for the heal. */
  private park(msg: Message): void {
    const key = linkKey(msg.from, msg.to);
    const queue = this.parked.get(key);
    if (queue === undefined) {
      this.parked.set(key, [msg]);
      return;
    }
    // A message already in flight when the partition began reaches the cut after the ones
    // sent later were parked at send time. Keep the backlog in send order (ids grow with
    // it): a TCP link is FIFO, and a replica would skip an offset that came in late.
    let i = queue.length;
    while (i > 0 && (queue[i - 1] as Message).id > msg.id) i--;
    queue.splice(i, 0, msg);
  }

  /** After a heal: retransmit the backlogs of links that are whole again, in order. */
  flushParked(): void {
    for (const [key, queue] of [...this.parked]) {
      const first = queue[0];
      if (first === undefined || !this.partitions.canReach(first.from, first.to)) continue;
      this.parked.delete(key);
      for (const msg of queue) this.send(msg.from, msg.to, msg.body, 'backlog');
    }
  }

  pause(proc: Proc, untilMs: number): void {
    if (!proc.up) return;
    proc.pausedUntilMs = Math.max(proc.pausedUntilMs, untilMs);
    if (!proc.paused) {
      proc.paused = true;
      this.emit({ t: this.nowMs, kind: 'pause', process: proc.id, untilMs: proc.pausedUntilMs });
    }
    this.at(untilMs, () => this.resume(proc));
  }

  /** Ends a pause: whatever waited (messages in the socket buffer, due timers) runs now, in order. */
  private resume(proc: Proc): void {
    if (!proc.paused || this.nowMs < proc.pausedUntilMs) return;
    proc.paused = false;
    const queued = this.held.get(proc) ?? [];
    this.held.delete(proc);
    this.emit({ t: this.nowMs, kind: 'resume', process: proc.id, queued: queued.length });
    // Run what waited here, at once and in order. Re-queueing it would give it new sequence
    // numbers behind anything else already due at this millisecond, such as a later message
    // on the same link: that one would overtake the held ones (a TCP link is FIFO), and a
    // replica would then skip the earlier replication offsets for good.
    for (const ev of queued) {
      this.processed++;
      this.dispatch(ev);
    }
  }

  /** A process dies: its pending timers and held messages are gone. */
  crash(proc: Proc, clean: boolean): void {
    if (!proc.up) return;
    proc.up = false;
    proc.paused = false;
    // The pause dies with the process: a later pause of the restarted process must not be
    // stretched to this one's end (pause() keeps the larger of the two).
    proc.pausedUntilMs = 0;
    proc.incarnation++;
    for (const ev of this.held.get(proc) ?? []) if (ev.msg !== null) this.drop(ev.msg, 'process-down');
    this.held.delete(proc);
    proc.onCrash(clean);
  }

  /** Runs events until the queue is empty, the duration ends, or the event budget is spent. */
  runUntil(endMs: number, maxEvents: number): boolean {
    const scheduler = this.scheduler;
    while (scheduler.peekTimeMs() <= endMs) {
      if (this.processed >= maxEvents) return true;
      const ev = scheduler.pop() as SimEvent;
      this.nowMs = ev.atMs;
      this.processed++;
      this.dispatch(ev);
    }
    this.nowMs = endMs;
    return false;
  }

  private dispatch(ev: SimEvent): void {
    const target = ev.target;
    if (target === null) {
      (ev.fn as () => void)();
      return;
    }
    const msg = ev.msg;
    if (!target.up || ev.incarnation !== target.incarnation) {
      if (msg !== null) this.drop(msg, 'process-down');
      return;
    }
    if (target.paused) {
      const queue = this.held.get(target);
      if (queue === undefined) this.held.set(target, [ev]);
      else queue.push(ev);
      return;
    }
    if (msg === null) {
      (ev.fn as () => void)();
      return;
    }
    if (!this.partitions.canReach(msg.from, msg.to)) {
      if (isReliable(msg.body.type)) return this.park(msg);
      return this.drop(msg, 'partition');
    }
    // A message is processed at its send event's deliverAtMs; only a late one (it waited in
    // a paused receiver's socket buffer) gets its own event, which keeps the trace lean.
    if (ev.dueMs !== this.nowMs) this.emit({ t: this.nowMs, kind: 'deliver', msg: msg.id, from: msg.from, to: msg.to, dueMs: ev.dueMs });
    target.onMessage(msg);
  }
}
