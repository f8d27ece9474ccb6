import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CleanupReport, cleanupOrphans } from './cleanupOrphans.ts';
import { failoverGroups } from './failoverGroups.ts';
import { fakeClockSupport } from './fakeClock.ts';
import { prepareFleet, type SentinelSettings } from './fleetPrepare.ts';
import { type FleetTopology, defaultTopology, topologyProblems } from './fleetTopology.ts';
import {
  type BridgeEntry,
  DATA_DIR_PREFIX,
  currentBridgeIdentity,
  defaultStateFile,
  updateFleetState,
  withBridgeEntry,
  withoutBridgeEntry,
} from './fleetState.ts';
import { LOOPBACK } from './freePort.ts';
import type { PrepareSpec } from './prepareSpec.ts';
import { isReplicaLinkUp, sentinelReplicas } from './replicationStatus.ts';
import type { ServerProcess, ServerRole } from './serverProcess.ts';
import { RedisServer, startRedis } from './startRedis.ts';
import { DEFAULT_DOWN_AFTER_MS, DEFAULT_FAILOVER_TIMEOUT_MS, DEFAULT_MASTER_NAME, startSentinel } from './startSentinel.ts';
import { waitFor } from './waitFor.ts';

export interface FleetOptions {
  /** Where every process this fleet starts is recorded (see fleetState.ts); defaults to defaultStateFile(). */
  stateFile?: string;
  /** Where the fleet makes its data dir (one subdir per server); defaults to the OS temp dir. */
  dataRoot?: string;
  /** How long a server gets to stop on SIGTERM before SIGKILL. */
  termDeadlineMs?: number;
  /** Where problems that cannot be thrown go (a state file write failing inside an exit event). */
  warn?: (message: string) => void;
  /**
   * Puts something between a replica and its master: called once per replica, before the
   * fleet starts it, with the master's port; the replica then replicates from 127.0.0.1 and
   * the port returned (the bridge's delaying proxy, for replication lag), at start and
   * whenever prepare() restores it. The port must stay served for the fleet's life. Sentinel
   * still monitors the master's own port, and sees the replica at the replica's own port
   * (the master's INFO reports the port the replica listens on, not the proxy's).
   *
   * Sentinel moves such a replica off the proxy by itself: once failover-timeout has passed
   * since it learnt the replica, at its next INFO of it (every 10 s), it sees the replica
   * following an address that is not the master's and sends REPLICAOF <master's port>
   * (+fix-slave-config in its log). A failover also repoints replicas at the new master's own
   * port. To keep the proxy in the path for a whole run, prepare with a sentinel
   * failoverTimeoutMs longer than the run.
   */
  replicaLink?: (replicaId: string, masterId: string, masterPort: number) => Promise<number>;
}

/** A node the bridge can send commands to: one it started (`server` set) or one it was given. */
export interface FleetNode {
  id: string;
  role: ServerRole;
  host: string;
  port: number;
  /** The process, when this fleet started it: faults (kill, restart, pause) need it. */
  server?: ServerProcess;
  /** For a Sentinel: the master name clients ask it about (SENTINEL get-master-addr-by-name). */
  masterName?: string;
}

/** An existing server to use instead of starting one (`npm run bridge` pointed at other addresses). */
export interface ExternalNode {
  id: string;
  role: ServerRole;
  host: string;
  port: number;
  masterName?: string;
}

/**
 * The redis-servers behind the bridge. It starts a topology (by default five masters A-E,
 * and M + replica R + Sentinel S) or takes given addresses, and records every process it
 * starts in the state file from its first pid to its exit, so that nothing it started can
 * outlive it unnoticed: stop() stops them in order, killNow() is the synchronous last resort
 * for process.on('exit'), and the next fleet's start() cleans up after a fleet that was
 * SIGKILLed (cleanupOrphans).
 */
export class Fleet {
  private readonly opts: FleetOptions & { stateFile: string };
  private readonly bridge = currentBridgeIdentity();
  private readonly startedAt = new Date().toISOString();
  private readonly servers = new Map<string, ServerProcess>();
  private readonly external = new Map<string, ExternalNode>();
  private readonly masterNames = new Map<string, string>();
  /** The port each replica replicates from (its master's, or the replicaLink hook's). */
  private readonly linkPorts = new Map<string, number>();
  private topology: FleetTopology | undefined;
  /** prepare() calls run one after another. */
  private preparing: Promise<void> = Promise.resolve();
  private dir: string | undefined;
  private starting = false;
  private stopping: Promise<void> | undefined;
  /** Set once stop() has stopped everything and removed the dir and the entry. */
  private cleanedUp = false;
  /** What the start-time orphan cleanup did (undefined before start()). */
  orphanCleanup: CleanupReport | undefined;

  constructor(opts: FleetOptions = {}) {
    this.opts = { ...opts, stateFile: opts.stateFile ?? defaultStateFile() };
  }

  get stateFile(): string {
    return this.opts.stateFile;
  }

  /** The fleet's data dir (servers' dirs are `<dataDir>/<id>`); undefined before start(). */
  get dataDir(): string | undefined {
    return this.dir;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Cleans up after dead bridges, then starts `topology` and waits until replication and Sentinel are up. */
  async start(topology: FleetTopology = defaultTopology()): Promise<void> {
    const problems = topologyProblems(topology);
    for (const id of [...topology.nodes.map((n) => n.id), ...topology.sentinels.map((s) => s.id)]) {
      if (this.has(id)) problems.push(`id ${id} is already in this fleet`);
    }
    if (problems.length > 0) throw new Error(`invalid topology:\n${problems.join('\n')}`);
    if (this.starting || this.dir !== undefined) throw new Error('this fleet was started already');
    if (this.stopping !== undefined) throw new Error('this fleet is stopped');
    this.starting = true;
    try {
      this.orphanCleanup = await cleanupOrphans(this.opts.stateFile, { termDeadlineMs: this.opts.termDeadlineMs });
      const root = this.opts.dataRoot ?? os.tmpdir();
      mkdirSync(root, { recursive: true });
      this.dir = mkdtempSync(path.join(root, DATA_DIR_PREFIX));
      this.persist(); // the data dir is on record before any server exists
      this.topology = topology;
      await this.startServers(topology, this.dir);
    } catch (e) {
      await this.stop().catch(() => {});
      // A stop() that came in mid-start (a signal) missed servers spawned after it: stop them too.
      await this.stopAll().catch(() => {});
      throw e;
    } finally {
      this.starting = false;
    }
  }

  /** Uses existing servers; the fleet starts nothing for them and cannot kill or pause them. */
  connect(nodes: readonly ExternalNode[]): void {
    for (const node of nodes) {
      if (this.has(node.id)) throw new Error(`id ${node.id} is already in this fleet`);
      this.external.set(node.id, { ...node });
    }
  }

  nodes(): FleetNode[] {
    const managed = [...this.servers.values()].map((s) => {
      const masterName = this.masterNames.get(s.id);
      return { id: s.id, role: s.role, host: LOOPBACK, port: s.port, server: s, ...(masterName === undefined ? {} : { masterName }) };
    });
    return [...managed, ...this.external.values()];
  }

  node(id: string): FleetNode {
    const nodes = this.nodes();
    const node = nodes.find((n) => n.id === id);
    if (node === undefined) throw new Error(`no node ${id} in this fleet (nodes: ${nodes.map((n) => n.id).join(', ')})`);
    return node;
  }

  /** The process behind node `id`, for faults; throws for an external node (the bridge did not start it). */
  server(id: string): ServerProcess {
    const server = this.servers.get(id);
    if (server === undefined) {
      throw new Error(this.external.has(id) ? `node ${id} is an existing server the bridge did not start` : `no node ${id} in this fleet`);
    }
    return server;
  }

  /** Node `id` as a redis-server (restart can change its persistence); throws for a Sentinel. */
  redis(id: string): RedisServer {
    const server = this.server(id);
    if (!(server instanceof RedisServer)) throw new Error(`node ${id} is a ${server.role}, not a redis-server node`);
    return server;
  }

  /**
   * Makes the nodes a run uses ready for it, in a known, fresh state:
   *
   * - The fleet's own nodes in `spec.nodes` run (a paused node is resumed, a stopped one
   *   restarted) with the persistence asked (a node whose persistence differs is killed and
   *   restarted with it), on the host's clock (a fake clock's offset goes back to 0), and
   *   empty: FLUSHALL, the bridge's own trusted command; with AOF it is logged, so a later
   *   restart stays empty. A replica is emptied by its master's FLUSHALL.
   * - A failover group (M, R, S) with a listed member, or every group when `spec.sentinel` is
   *   given, is restored to its topology: after a failover or a REPLICAOF, each Sentinel stops
   *   watching (SENTINEL REMOVE), the master becomes a master again (REPLICAOF NO ONE), each
   *   replica follows it through its link port (REPLICAOF), the roles are written to the
   *   config files (CONFIG REWRITE: Sentinel's failover had written the old ones there), and
   *   each Sentinel monitors the master again (SENTINEL MONITOR + SET). It returns once every
   *   replica's link is up and each Sentinel sees the master healthy with every replica.
   *   Sentinel gets `spec.sentinel`'s down-after-milliseconds and failover-timeout, or the
   *   topology's when it is not given (down-after below 2000 ms is refused).
   * - Existing servers (connect()) are not the bridge's: nothing on them is flushed,
   *   restarted or reconfigured, and their persistence is what it is. Only `spec.keys` are
   *   deleted on them (DEL).
   *
   * When nothing changed since the last run, this is a FLUSHALL and a few checks (tens of ms);
   * after a failover, about a second. Errors name the node and what failed. Calls run one at
   * a time.
   */
  prepare(spec: PrepareSpec): Promise<void> {
    const next = this.preparing.then(() => this.prepareNow(spec));
    this.preparing = next.catch(() => {});
    return next;
  }

  /**
   * Whether a clock-jump fault can run here: every node is one this fleet started under the
   * fake clock (libfaketime). The reason says why not, for the user.
   */
  clockJumpCapability(): { clockJump: boolean; reason?: string } {
    const support = fakeClockSupport();
    if (!support.available) return { clockJump: false, reason: support.reason };
    const external = [...this.external.values()];
    if (external.length > 0) {
      const names = external.map((n) => `${n.id} (${n.host}:${n.port})`).join(', ');
      return {
        clockJump: false,
        reason: `node(s) ${names} are existing servers the bridge did not start: it cannot run them under a fake clock`,
      };
    }
    const redis = [...this.servers.values()].filter((s): s is RedisServer => s instanceof RedisServer);
    if (redis.length === 0) return { clockJump: false, reason: 'the bridge runs no redis-server nodes yet' };
    const plain = redis.filter((s) => !s.fakeClock).map((s) => s.id);
    if (plain.length > 0) {
      return { clockJump: false, reason: `node(s) ${plain.join(', ')} were started on the host's clock, without libfaketime` };
    }
    return { clockJump: true };
  }

  /** Pids of the processes running now (the exit hook's list of what to SIGKILL). */
  livePids(): number[] {
    return [...this.servers.values()].flatMap((s) => (s.pid === undefined ? [] : [s.pid]));
  }

  /**
   * Stops every server: Sentinels first (so none starts a failover on the way out), then
   * replicas (a master waits for them on SIGTERM), then masters; removes the data dir and the
   * state entry. Safe to call again: the second call waits for the first.
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  /**
   * SIGKILLs every running server without waiting, then removes the data dir and the state
   * entry synchronously. For process.on('exit'), where nothing asynchronous runs. If the dir
   * cannot be removed yet (a dying server still writing), the entry stays for the next start.
   */
  killNow(): void {
    const neverStarted = this.dir === undefined && this.servers.size === 0;
    if ((this.cleanedUp || neverStarted) && this.livePids().length === 0) return;
    for (const server of this.servers.values()) server.killNow();
    try {
      // Retries: a server dying at this moment might still create a file as the dir goes.
      if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
      updateFleetState(this.opts.stateFile, (state) => withoutBridgeEntry(state, this.bridge));
    } catch {
      // The next start's cleanupOrphans finds this dead bridge's entry and finishes the job.
    }
  }

  private async stopAll(): Promise<void> {
    const order: ServerRole[] = ['sentinel', 'replica', 'master'];
    const errors: string[] = [];
    for (const role of order) {
      const group = [...this.servers.values()].filter((s) => s.role === role);
      const results = await Promise.allSettled(group.map((s) => s.stop({ termDeadlineMs: this.opts.termDeadlineMs })));
      for (const r of results) if (r.status === 'rejected') errors.push(String(r.reason));
    }
    if (errors.length > 0) {
      // Keep the entry: the next start's cleanup retries whatever is still recorded.
      this.persist();
      throw new Error(`some servers did not stop:\n${errors.join('\n')}`);
    }
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.persist();
    this.cleanedUp = true;
  }

  private async prepareNow(spec: PrepareSpec): Promise<void> {
    if (this.stopping !== undefined) throw new Error('prepare: the fleet is stopped');
    if (this.starting) throw new Error('prepare: the fleet is still starting');
    const topology = this.topology;
    await prepareFleet(
      {
        servers: this.servers,
        external: this.external,
        groups: topology === undefined ? [] : failoverGroups(topology),
        linkPort: (replicaId) => this.linkPort(replicaId),
        sentinelSettings: (sentinelId) => this.sentinelSettings(sentinelId),
      },
      spec,
    );
  }

  private linkPort(replicaId: string): number {
    const port = this.linkPorts.get(replicaId);
    if (port === undefined) throw new Error(`node ${replicaId}: not a replica this fleet started`);
    return port;
  }

  private sentinelSettings(sentinelId: string): SentinelSettings {
    const spec = this.topology?.sentinels.find((s) => s.id === sentinelId);
    if (spec === undefined) throw new Error(`node ${sentinelId}: not a Sentinel this fleet started`);
    return {
      masterName: spec.masterName ?? DEFAULT_MASTER_NAME,
      downAfterMs: spec.downAfterMs ?? DEFAULT_DOWN_AFTER_MS,
      failoverTimeoutMs: spec.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
    };
  }

  private async startServers(topology: FleetTopology, dir: string): Promise<void> {
    const track = (server: ServerProcess) => this.track(server);
    const masters = topology.nodes.filter((n) => n.replicaOf === undefined);
    const replicas = topology.nodes.filter((n) => n.replicaOf !== undefined);
    await settleAll(
      masters.map((n) =>
        startRedis({
          id: n.id,
          dir: path.join(dir, n.id),
          persistence: n.persistence,
          extraConfigLines: n.extraConfigLines,
          fakeClock: n.fakeClock,
          observe: track,
        }),
      ),
    );
    this.checkNotStopping();
    await settleAll(
      replicas.map(async (n) => {
        const masterId = n.replicaOf ?? '';
        const masterPort = this.server(masterId).port;
        const linkPort = this.opts.replicaLink === undefined ? masterPort : await this.opts.replicaLink(n.id, masterId, masterPort);
        if (!Number.isInteger(linkPort) || linkPort < 1 || linkPort > 65_535) {
          throw new Error(`replicaLink for ${n.id} returned ${linkPort}, not a TCP port`);
        }
        this.linkPorts.set(n.id, linkPort);
        const replica = await startRedis({
          id: n.id,
          dir: path.join(dir, n.id),
          persistence: n.persistence,
          extraConfigLines: n.extraConfigLines,
          replicaOfPort: linkPort,
          fakeClock: n.fakeClock,
          observe: track,
        });
        await waitFor(
          () => isReplicaLinkUp(replica.port),
          15_000,
          () => `replica ${n.id} did not sync with ${n.replicaOf}:\n${replica.logTail()}`,
        );
      }),
    );
    this.checkNotStopping();
    await settleAll(
      topology.sentinels.map(async (s) => {
        const masterName = s.masterName ?? DEFAULT_MASTER_NAME;
        this.masterNames.set(s.id, masterName);
        const sentinel = await startSentinel({
          id: s.id,
          dir: path.join(dir, s.id),
          masterName,
          masterPort: this.server(s.monitors).port,
          downAfterMs: s.downAfterMs,
          failoverTimeoutMs: s.failoverTimeoutMs,
          observe: track,
        });
        // Sentinel learns replicas from the master's INFO, then connects to each; until both it
        // could not fail over (a replica flagged "disconnected" is never promoted).
        const expected = replicas.filter((r) => r.replicaOf === s.monitors).length;
        await waitFor(
          async () => (await sentinelReplicas(sentinel.port, masterName)).filter((r) => r.flags === 'slave').length >= expected,
          15_000,
          () => `sentinel ${s.id} did not discover the ${expected} replica(s) of ${s.monitors}:\n${sentinel.logTail()}`,
        );
      }),
    );
    this.checkNotStopping();
  }

  private checkNotStopping(): void {
    if (this.stopping !== undefined) throw new Error('the fleet was stopped while it was starting');
  }

  private has(id: string): boolean {
    return this.servers.has(id) || this.external.has(id);
  }

  /** Records a server from before its first spawn; every later spawn and exit rewrites the entry. */
  private track(server: ServerProcess): void {
    this.servers.set(server.id, server);
    server.onChange(() => this.persist());
  }

  private persist(): void {
    try {
      const processes = [...this.servers.values()].flatMap((s) =>
        s.record === undefined ? [] : [{ ...s.record, command: [...s.record.command] }],
      );
      const done = this.stopping !== undefined && processes.length === 0;
      updateFleetState(this.opts.stateFile, (state) =>
        done ? withoutBridgeEntry(state, this.bridge) : withBridgeEntry(state, this.entry(processes)),
      );
    } catch (e) {
      (this.opts.warn ?? console.warn)(`fleet: could not write ${this.opts.stateFile}: ${(e as Error).message}`);
    }
  }

  private entry(processes: BridgeEntry['processes']): BridgeEntry {
    return { ...this.bridge, startedAt: this.startedAt, dataDir: this.dir ?? '', processes };
  }
}

/** Like Promise.all, but waits for every start to finish, so none is still spawning when we clean up. */
async function settleAll(starts: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(starts);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
