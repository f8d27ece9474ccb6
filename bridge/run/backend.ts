/**
 * The bridge behind the WebSocket server: one standing fleet of real redis-servers (by default
 * five masters A-E for Redlock, and master M + replica R + Sentinel S for failover; or the
 * existing servers given with --nodes), at most one run at a time on it, and a lock session per
 * connection for lock operations outside runs. The replica follows its master through a raw
 * proxy, so a run can give replication the scenario's lag.
 */
import { randomBytes } from 'node:crypto';
import type { Scenario } from '../../src/sim/model/scenario.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import { DEFAULT_DRIFT_FACTOR } from '../../src/lock/context.ts';
import { LinkProxy } from '../net/linkProxy.ts';
import { RedisLink } from '../net/redisLink.ts';
import { type ExternalNode, Fleet } from '../redis/fleet.ts';
import { defaultTopology, SENTINEL_DOWN_AFTER_MIN_MS } from '../redis/fleetTopology.ts';
import { FAILOVER_TIMEOUT_MAX_MS } from '../redis/prepareSpec.ts';
import { LOOPBACK } from '../redis/freePort.ts';
import { ManualLockClient } from './manualLock.ts';
import { realArgv } from './realArgv.ts';
import { RunPrng } from './runPrng.ts';
import type { RealCapabilities } from './runSupport.ts';
import { type RunEnv, startRealRun } from './startRealRun.ts';
import {
  type AnnouncedNode,
  type BridgeBackend,
  type LockOp,
  type LockSession,
  type RealRun,
  RunError,
  type RunOptions,
} from './runTypes.ts';

export interface BackendOptions {
  /** Existing servers to use instead of starting a fleet. */
  external?: ExternalNode[];
  stateFile?: string;
  dataRoot?: string;
  log?: (line: string) => void;
}

/** Lock operations outside runs lock these nodes (the Redlock masters) when the fleet has them. */
const SESSION_NODES = ['A', 'B', 'C', 'D', 'E'];
const SESSION_TTL_MS = 10_000;

export async function createBackend(opts: BackendOptions = {}): Promise<BridgeBackend> {
  const replicaProxies = new Map<string, LinkProxy>();
  let replicationDelay: () => number = () => 0;
  const fleet = new Fleet({
    stateFile: opts.stateFile,
    dataRoot: opts.dataRoot,
    warn: opts.log,
    replicaLink: async (replicaId: string, _masterId: string, masterPort: number) => {
      await replicaProxies.get(replicaId)?.close();
      const proxy = new LinkProxy({
        target: { host: LOOPBACK, port: masterPort },
        mode: 'raw',
        baseDelayMs: () => replicationDelay(),
        serverDeathLosesHeld: true,
      });
      replicaProxies.set(replicaId, proxy);
      return proxy.start();
    },
  });
  try {
    if (opts.external !== undefined) fleet.connect(opts.external);
    else await fleet.start(defaultTopology());
  } catch (e) {
    await closeAll(fleet, replicaProxies);
    throw e;
  }
  return new Backend(fleet, opts.external === undefined, replicaProxies, (d) => {
    replicationDelay = d;
  });
}

async function closeAll(fleet: Fleet, proxies: Map<string, LinkProxy>): Promise<void> {
  await fleet.stop().catch(() => {});
  await Promise.allSettled([...proxies.values()].map((p) => p.close()));
}

class Backend implements BridgeBackend {
  private run: RealRun | null = null;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly fleet: Fleet,
    private readonly managed: boolean,
    private readonly replicaProxies: Map<string, LinkProxy>,
    private readonly setReplicationDelay: (delay: () => number) => void,
  ) {}

  nodes(): AnnouncedNode[] {
    return this.fleet.nodes().map((n) => ({ id: n.id, host: n.host, port: n.port, role: n.role }));
  }

  capabilities(): { clockJump: boolean; reason?: string } {
    return this.fleet.clockJumpCapability();
  }

  async startRun(opts: RunOptions): Promise<RealRun> {
    if (this.closing !== undefined) throw new RunError('conflict', 'the bridge is shutting down');
    if (this.run !== null)
      throw new RunError('conflict', 'a run is already going on the bridge (another tab or connection started it); stop it first');
    const env: RunEnv = {
      fleet: this.fleet,
      capabilities: this.realCapabilities(),
      prepare: (scenario, speed) => this.prepare(scenario, speed),
      sentinel: this.sentinel(),
      setReplicationDelay: this.setReplicationDelay,
    };
    // Claim the fleet before the first await, so two start-runs cannot both pass the check.
    const pending = startRealRun(env, opts);
    this.run = { ended: new Promise(() => {}) } as unknown as RealRun;
    try {
      const run = await pending;
      this.run = run;
      void run.ended.then(() => {
        if (this.run === run) this.run = null;
        this.setReplicationDelay(() => 0);
      });
      return run;
    } catch (e) {
      this.run = null;
      throw e;
    }
  }

  openSession(emit: (event: TraceEvent) => void): LockSession {
    return new Session(this.fleet, emit);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.run?.stop?.().catch(() => {});
      await closeAll(this.fleet, this.replicaProxies);
    })();
    return this.closing;
  }

  private realCapabilities(): RealCapabilities {
    const nodes = new Map<string, string | null>();
    for (const n of this.fleet.nodes()) {
      if (n.role === 'sentinel') continue;
      nodes.set(n.id, n.role === 'replica' ? this.masterOf(n.id) : null);
    }
    return {
      nodes,
      nodeClockJump: this.fleet.clockJumpCapability().clockJump,
      managed: this.managed,
      sentinelDownAfterMinMs: SENTINEL_DOWN_AFTER_MIN_MS,
    };
  }

  /** The master a replica follows in the fleet's topology (external fleets: their first master). */
  private masterOf(replica: string): string | null {
    const spec = defaultTopology().nodes.find((n) => n.id === replica);
    if (this.managed && spec?.replicaOf !== undefined) return spec.replicaOf;
    return this.fleet.nodes().find((n) => n.role === 'master')?.id ?? null;
  }

  private sentinel(): { id: string; masterName: string } | null {
    const s = this.fleet.nodes().find((n) => n.role === 'sentinel');
    return s === undefined ? null : { id: s.id, masterName: s.masterName ?? 'mymaster' };
  }

  private prepare(scenario: Scenario, speed: number): Promise<void> {
    return this.fleet.prepare({
      nodes: scenario.nodes.map((n) => ({ id: n.id, persistence: n.persistence })),
      // failover-timeout longer than the run: Sentinel would otherwise re-point the replica at the
      // master's real port mid-run (+fix-slave-config), around the proxy that gives it its lag.
      ...(scenario.sentinel
        ? {
            sentinel: {
              downAfterMs: Math.round(scenario.sentinel.downAfterMs / speed),
              failoverTimeoutMs: Math.min(FAILOVER_TIMEOUT_MAX_MS, Math.round(scenario.durationMs / speed) + 15_000),
            },
          }
        : {}),
      keys: [scenario.lock.key],
    });
  }
}

/** Lock operations outside runs: Redlock on A-E (or whatever masters the fleet has), direct links. */
class Session implements LockSession {
  private readonly clients = new Map<string, ManualLockClient>();
  private readonly links = new Map<string, RedisLink>();
  /** Seeded per session from the OS: two sessions naming the same client must never pick the same lock value. */
  private readonly prng = new RunPrng(randomBytes(4).readUInt32LE(0));
  private epoch = 0;
  private readonly startMs = performance.now();

  constructor(
    private readonly fleet: Fleet,
    _emit: (event: TraceEvent) => void,
  ) {}

  async lockOp(client: string, op: LockOp, opts: { ttlMs?: number; key?: string } = {}): Promise<TraceEvent[]> {
    let c = this.clients.get(client);
    if (c === undefined) {
      c = new ManualLockClient(client, this.nodeIds(), {
        nowMs: () => Math.floor(performance.now() - this.startMs),
        request: (node, argv) => this.link(node).requestReply(realArgv(argv, 1)),
        nextEpoch: () => ++this.epoch,
        random: () => this.prng.nextUint32(),
        requestTimeoutMs: 200,
        driftFactor: DEFAULT_DRIFT_FACTOR,
      });
      this.clients.set(client, c);
    }
    // The links open (once) before the operation's clock starts: a node's 200 ms to answer is
    // for Redis, not for TCP setup — the first Acquire of a page must not fail on it. A node
    // that cannot be reached still counts as a "no" inside the operation.
    await Promise.allSettled(this.nodeIds().map((n) => this.link(n).ready()));
    return c.run(op, opts.key ?? 'lock', opts.ttlMs ?? SESSION_TTL_MS);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.clients.values()].filter((c) => c.holding !== null).map((c) => c.run('release', '', 0)));
    for (const link of this.links.values()) link.close();
    this.links.clear();
  }

  private nodeIds(): string[] {
    const masters = this.fleet.nodes().filter((n) => n.role === 'master');
    const redlock = masters.filter((n) => SESSION_NODES.includes(n.id));
    const chosen = redlock.length > 0 ? redlock : masters.slice(0, 1);
    if (chosen.length === 0) throw new RunError('unsupported', 'the bridge has no master node to lock');
    return chosen.map((n) => n.id);
  }

  private link(node: string): RedisLink {
    let link = this.links.get(node);
    if (link === undefined) {
      const n = this.fleet.node(node);
      link = new RedisLink({ host: n.host, port: n.port, label: `session -> ${node}` });
      this.links.set(node, link);
    }
    return link;
  }
}
