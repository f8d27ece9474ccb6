/**
 * Replays a scenario on real Redis: the scenario's lock clients (the same machines as the
 * simulator's) against the fleet's real nodes through per-link proxies, its timeline of faults
 * at their times, all of it on a clock scaled by the run's speed, and everything that happens
 * written as trace events for the browser's timeline and checker.
 */
import { anchorProblems, type ClientAnchor } from '../../src/protocol/clientAnchors.ts';
import { faultForTimelineEntry } from '../../src/protocol/faultForTimelineEntry.ts';
import type { FaultMessage } from '../../src/protocol/faultMessages.ts';
import { lockInputFor } from '../../src/lock/lockInput.ts';
import { DEFAULT_DRIFT_FACTOR } from '../../src/lock/context.ts';
import type { Scenario, TimelineEntry } from '../../src/sim/model/scenario.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import type { Fleet } from '../redis/fleet.ts';
import { KeyBook } from './keyBook.ts';
import { LinkMesh } from './linkMesh.ts';
import { ManualLockClient } from './manualLock.ts';
import { RealLockClient } from './realLockClient.ts';
import { applyFault } from './realFaults.ts';
import { RealStorage } from './realStorage.ts';
import type { RunContext } from './runContext.ts';
import { RunClock } from './runClock.ts';
import { RunPrng } from './runPrng.ts';
import { type RealCapabilities, unsupportedFeatures } from './runSupport.ts';
import { RunTrace } from './runTrace.ts';
import { type LockOp, type RealRun, type RunEnd, RunError, type RunOptions } from './runTypes.ts';
import { sampleLatencyMs } from './sampleLatency.ts';
import { SentinelWatch } from './sentinelWatch.ts';

export interface RunEnv {
  fleet: Fleet;
  capabilities: RealCapabilities;
  /** Makes the scenario's nodes fresh and empty with its persistence and Sentinel settings (Fleet.prepare). */
  prepare(scenario: Scenario, speed: number): Promise<void>;
  /** The failover group's Sentinel, when the fleet has one. */
  sentinel: { id: string; masterName: string } | null;
  /** Sets the replication link's delay (scenario lag → wall ms), when the fleet's replica goes through a proxy. */
  setReplicationDelay?: (delayWallMs: () => number) => void;
}

export async function startRealRun(env: RunEnv, opts: RunOptions): Promise<RealRun> {
  const { scenario, speed } = opts;
  const wrongAnchors = anchorProblems(scenario, opts.anchors ?? []);
  if (wrongAnchors.length > 0) throw new RunError('invalid', `invalid anchors in start-run:\n- ${wrongAnchors.join('\n- ')}`);
  const problems = unsupportedFeatures(scenario, speed, env.capabilities);
  if (problems.length > 0) {
    throw new RunError('unsupported', `this scenario cannot run on real Redis:\n- ${problems.join('\n- ')}`);
  }
  try {
    await env.prepare(scenario, speed);
  } catch (e) {
    throw new RunError('failed', `could not prepare the nodes: ${(e as Error).message}`);
  }
  return new Run(env, opts).start();
}

class Run implements RealRun {
  readonly ended: Promise<RunEnd>;
  private resolveEnded!: (end: RunEnd) => void;
  private readonly clock: RunClock;
  private readonly prng: RunPrng;
  private readonly trace: RunTrace;
  private readonly keys = new KeyBook();
  private readonly clients = new Map<string, RealLockClient>();
  private readonly manual = new Map<string, ManualLockClient>();
  private mesh!: LinkMesh;
  private watch: SentinelWatch | null = null;
  private ctx!: RunContext;
  private epoch = 0;
  private finished = false;
  private readonly expiryTimers = new Map<string, () => void>();

  constructor(
    private readonly env: RunEnv,
    private readonly opts: RunOptions,
  ) {
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    this.clock = new RunClock(opts.speed);
    this.prng = new RunPrng(opts.scenario.seed);
    this.trace = new RunTrace(this.clock, (e) => this.onEvent(e));
  }

  async start(): Promise<this> {
    const { scenario } = this.opts;
    const fleet = this.env.fleet;
    const lockClients = scenario.clients.filter((c) => c.strategy.kind !== 'script');
    const nodes = scenario.nodes.map((n) => {
      const f = fleet.node(n.id);
      return { id: n.id, host: f.host, port: f.port };
    });
    this.mesh = await LinkMesh.open({
      clients: lockClients.map((c) => c.id),
      nodes,
      latency: scenario.network.latencyMs,
      dropRate: scenario.network.dropRate,
      clock: this.clock,
      prng: this.prng,
    });
    for (const l of scenario.network.links) this.mesh.setBaseline(l.from, l.to, l.extraDelayMs, l.dropRate);
    const lag = scenario.network.replicationLagMs;
    this.env.setReplicationDelay?.(() => this.clock.wallMs(sampleLatencyMs(lag, this.prng)));
    const group = scenario.nodes.find((n) => n.replicaOf !== undefined)?.replicaOf ?? null;
    const sentinel = scenario.sentinel !== null && group !== null ? this.env.sentinel : null;
    if (sentinel !== null) {
      this.watch = new SentinelWatch({
        sentinelPort: fleet.node(sentinel.id).port,
        masterName: sentinel.masterName,
        nodePorts: new Map(nodes.map((n) => [n.port, n.id])),
        initialMaster: group,
        trace: this.trace,
      });
    }
    this.ctx = {
      scenario,
      fleet,
      clock: this.clock,
      trace: this.trace,
      mesh: this.mesh,
      keys: this.keys,
      clients: this.clients,
      sentinel,
      master: () => this.watch?.master ?? group,
      nodeIds: scenario.nodes.map((n) => n.id),
      cleanups: new Set(),
      restartNotBeforeMs: new Map(),
    };
    const storage = new RealStorage(scenario.fencing, this.trace);
    for (const spec of lockClients) {
      const client = new RealLockClient(spec, lockInputFor(scenario, spec), {
        clock: this.clock,
        trace: this.trace,
        prng: this.prng,
        storage,
        request: (c, node, argv) => this.mesh.request(c, node, argv),
        askMaster: async () => (this.watch === null ? group : await this.watch.ask()),
        nextEpoch: () => ++this.epoch,
        storageLatencyMs: () => sampleLatencyMs(scenario.network.latencyMs, this.prng),
        onClientDone: () => this.maybeComplete(),
      });
      this.clients.set(spec.id, client);
    }
    // Opening 2 x 5 proxied links takes real time: the scenario starts after it, at 0.
    this.clock.restart();
    this.trace.emitAt(0, {
      kind: 'run-start',
      seed: scenario.seed,
      durationMs: scenario.durationMs,
      nodes: scenario.nodes.map((n) => n.id),
      clients: scenario.clients.map((c) => c.id),
    });
    // Faults at 0 ms are in place before any client acts (partitions drawn around the start).
    const entries = scenario.timeline.map((entry, index) => ({ entry, anchor: this.anchorOf(index) }));
    for (const { entry, anchor } of entries.filter((e) => e.entry.atMs === 0)) await this.applyEntry(entry, anchor);
    for (const { entry, anchor } of entries.filter((e) => e.entry.atMs > 0)) this.scheduleEntry(entry, anchor);
    for (const client of this.clients.values()) client.start();
    this.clock.at(scenario.durationMs, () => void this.finish({ reason: 'completed' }));
    return this;
  }

  async fault(fault: FaultMessage): Promise<void> {
    if (this.finished) throw new RunError('conflict', 'the run is over');
    await applyFault(this.ctx, fault);
  }

  async lockOp(client: string, op: LockOp, ttlMs?: number): Promise<TraceEvent[]> {
    if (this.finished) throw new RunError('conflict', 'the run is over');
    const spec = this.opts.scenario.clients.find((c) => c.id === client);
    if (spec === undefined || spec.strategy.kind === 'script') throw new RunError('conflict', `no lock client ${client} in this run`);
    let manual = this.manual.get(client);
    if (manual === undefined) {
      const input = lockInputFor(this.opts.scenario, spec);
      const nodes = input.group !== null ? [this.ctx.master() ?? input.group] : input.nodes;
      const strategy = spec.strategy;
      manual = new ManualLockClient(
        client,
        nodes,
        {
          nowMs: () => this.trace.nowMs,
          request: (node, argv) => this.mesh.request(client, node, argv),
          nextEpoch: () => ++this.epoch,
          random: () => this.prng.nextUint32(),
          requestTimeoutMs: 'requestTimeoutMs' in strategy ? strategy.requestTimeoutMs : 50,
          driftFactor: strategy.kind === 'redlock' ? strategy.driftFactor : DEFAULT_DRIFT_FACTOR,
        },
        1 / this.clock.speed,
      );
      this.manual.set(client, manual);
    }
    const events = await manual.run(op, this.opts.scenario.lock.key, ttlMs ?? this.opts.scenario.lock.ttlMs);
    for (const e of events) this.keys.observe(e);
    return events;
  }

  stop(): Promise<void> {
    return this.finish({ reason: 'stopped' });
  }

  private anchorOf(index: number): ClientAnchor | undefined {
    return this.opts.anchors?.find((a) => a.entry === index);
  }

  /** A client's pause or crash follows the client's own schedule (its anchor); the rest happens at its time. */
  private scheduleEntry(entry: TimelineEntry, anchor: ClientAnchor | undefined): void {
    if (entry.kind === 'pause-client') return this.clients.get(entry.client)?.pause(entry.atMs, entry.durationMs, anchor);
    if (entry.kind === 'crash-client') return this.clients.get(entry.client)?.crash(entry.atMs, anchor);
    this.clock.at(entry.atMs, () => {
      this.applyEntry(entry).catch((e) => this.fail(`the fault at ${entry.atMs} ms (${entry.kind}) failed: ${(e as Error).message}`));
    });
  }

  private async applyEntry(entry: TimelineEntry, anchor?: ClientAnchor): Promise<void> {
    if (entry.kind === 'pause-client') return this.clients.get(entry.client)?.pause(entry.atMs, entry.durationMs, anchor);
    if (entry.kind === 'crash-client') return this.clients.get(entry.client)?.crash(entry.atMs, anchor);
    const converted = faultForTimelineEntry(entry, `timeline-${entry.atMs}`, { master: this.ctx.master() });
    if (!converted.ok) throw new Error(converted.reason);
    await applyFault(this.ctx, converted.fault);
  }

  /** Every key event passes here: the key book follows it, and a TTL ends the key when it runs out. */
  private onEvent(e: TraceEvent): void {
    this.keys.observe(e);
    if (e.kind === 'key-set' || e.kind === 'key-expire') this.watchExpiry(e.node, e.key);
    this.opts.emit(e);
  }

  /**
   * A key with a TTL disappears from the real node when the TTL runs out; the bridge does not
   * see that happen, so it writes the expiry at the moment the TTL ends (the node's own active
   * expiry removes it within its next cycles, and any access would find it gone).
   */
  private watchExpiry(node: string, key: string): void {
    const id = `${node}\u0000${key}`;
    this.expiryTimers.get(id)?.();
    const held = this.keys.get(node, key);
    if (held === undefined || held.expireAtMs < 0) return;
    const { value, expireAtMs } = held;
    const cancel = this.clock.at(expireAtMs, () => {
      const now = this.keys.get(node, key);
      if (now?.value !== value || now.expireAtMs !== expireAtMs) return;
      this.trace.emitAt(expireAtMs, { kind: 'key-del', node, key, cause: 'expired-active', via: 'active-expiry' });
    });
    this.expiryTimers.set(id, cancel);
  }

  private maybeComplete(): void {
    if ([...this.clients.values()].every((c) => c.done)) void this.finish({ reason: 'completed' });
  }

  private fail(error: string): void {
    void this.finish({ reason: 'failed', error });
  }

  private async finish(end: RunEnd): Promise<void> {
    if (this.finished) return this.ended.then(() => {});
    this.finished = true;
    const endMs = this.trace.nowMs;
    for (const c of this.clients.values()) c.stop();
    this.watch?.stop();
    this.clock.stop();
    this.trace.emitAt(endMs, { kind: 'run-end', endMs, truncated: end.reason !== 'completed' });
    this.trace.close();
    await this.mesh.close().catch(() => {});
    for (const undo of this.ctx.cleanups) await Promise.resolve(undo()).catch(() => {});
    this.resolveEnded(end);
  }
}
