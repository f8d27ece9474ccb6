/**
 * The engine's input: a complete, validated experiment. The engine trusts this shape;
 * src/scenario validates untrusted JSON into it (and fills the defaults).
 * All times are integer milliseconds of simulated TRUE time unless a name says local.
 */

export type ProcessId = string;

export const SCENARIO_VERSION = 1 as const;

/** A process clock: local = offsetMs + rate × trueMs, then scripted jumps and rate changes. */
export interface ClockSpec {
  offsetMs: number;
  rate: number;
}

export type Persistence = 'none' | 'aof-everysec' | 'aof-always';

export interface NodeSpec {
  id: ProcessId;
  /** The master this node replicates at the start; absent for a master. */
  replicaOf?: ProcessId;
  persistence: Persistence;
  /** Minimum downtime after a crash: a restart asked for earlier waits (antirez's "delayed restarts"). */
  restartDelayMs: number;
  /** Redis `hz`: active expiry runs every 1000/hz ms of the node's monotonic clock. */
  hz: number;
  clock: ClockSpec;
}

export interface SentinelSpec {
  /** `down-after-milliseconds`: how long the master must be unreachable before failover. */
  downAfterMs: number;
  /** How often the sentinel checks the master (Sentinel pings every second). */
  pingPeriodMs: number;
  /** Time from the decision to fail over to the replica answering as master (election + promotion). */
  promotionMs: number;
}

export type LatencySpec =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  /** Mostly uniform in [minMs,maxMs]; with tailProbability, uniform in [maxMs,tailMaxMs]. */
  | { kind: 'long-tail'; minMs: number; maxMs: number; tailProbability: number; tailMaxMs: number };

export interface LinkSpec {
  from: ProcessId;
  to: ProcessId;
  extraDelayMs: number;
  dropRate: number;
}

export interface NetworkSpec {
  /** One-way latency of a client request or reply. */
  latencyMs: LatencySpec;
  /** One-way latency of the replication stream and its acks (master <-> replica). */
  replicationLagMs: LatencySpec;
  /** Probability that a client <-> server message is lost (replication is TCP-reliable). */
  dropRate: number;
  links: LinkSpec[];
}

/** A raw command a `script` client sends, redis-cli style: ["SET","lock","v1","NX","PX","10000"]. */
export interface ScriptStep {
  atMs: number;
  node: ProcessId;
  argv: string[];
}

export type RedlockMode = 'parallel' | 'sequential';

/** How a single-instance lock client waits: for one reply, and between attempts (it polls). */
export interface PollSpec {
  /** Give up on a request with no reply after this long (a client socket timeout). */
  requestTimeoutMs: number;
  /** Try again this long after a refused attempt. */
  retryDelayMs: number;
}

export type StrategySpec =
  | { kind: 'script'; steps: ScriptStep[] }
  | ({ kind: 'setnx-expire'; node: ProcessId | null } & PollSpec)
  | ({ kind: 'set-nx-px-del'; node: ProcessId | null } & PollSpec)
  | ({ kind: 'set-nx-px-cad'; node: ProcessId | null } & PollSpec)
  | ({
      kind: 'single-failover';
      /** WAIT for this many replicas after acquiring; 0 = do not wait. */
      waitReplicas: number;
      waitTimeoutMs: number;
    } & PollSpec)
  | {
      kind: 'redlock';
      mode: RedlockMode;
      requestTimeoutMs: number;
      driftFactor: number;
      retryCount: number;
      retryDelayMs: number;
      retryJitterMs: number;
      /** Watchdog: extend this long before validity ends; null = no auto-extension. */
      autoExtend: { thresholdMs: number; maxExtensions: number } | null;
    };

export type StrategyKind = StrategySpec['kind'];

/** What a lock client does: acquire, work in the critical section, write, release, think, repeat. */
export interface WorkloadSpec {
  startMs: number;
  rounds: number;
  criticalSectionMs: number;
  thinkMs: number;
  /** Writes to the protected resource per critical section; the last one at its end. */
  writes: number;
  /** Check the remaining validity on the client's own clock before each write. */
  checkValidityBeforeWrite: boolean;
  /** How long a client keeps retrying before it gives up on one round. */
  acquireTimeoutMs: number;
}

export interface ClientSpec {
  id: ProcessId;
  clock: ClockSpec;
  strategy: StrategySpec;
  workload: WorkloadSpec;
}

export type Fencing = 'none' | 'token' | 'cas';

export interface LockSpec {
  key: string;
  ttlMs: number;
}

export type TimelineEntry =
  | { atMs: number; kind: 'crash-node'; node: ProcessId; clean: boolean; restartAfterMs: number | null }
  | { atMs: number; kind: 'restart-node'; node: ProcessId }
  | { atMs: number; kind: 'pause-node'; node: ProcessId; durationMs: number }
  | { atMs: number; kind: 'kill-master'; restartAfterMs: number | null }
  | { atMs: number; kind: 'crash-client'; client: ProcessId }
  | { atMs: number; kind: 'pause-client'; client: ProcessId; durationMs: number }
  | { atMs: number; kind: 'clock-jump'; process: ProcessId; deltaMs: number }
  | { atMs: number; kind: 'clock-rate'; process: ProcessId; rate: number }
  | { atMs: number; kind: 'partition'; id: string; groups: ProcessId[][]; durationMs: number | null }
  | { atMs: number; kind: 'heal'; id: string | null }
  | { atMs: number; kind: 'link-delay'; from: ProcessId; to: ProcessId; extraMs: number; durationMs: number | null }
  | { atMs: number; kind: 'link-drop'; from: ProcessId; to: ProcessId; rate: number; durationMs: number | null };

export type TimelineKind = TimelineEntry['kind'];

/** Every timeline kind once (the compiler checks the list is complete), for tests and fault pickers. */
const TIMELINE_KIND_SET = {
  'crash-node': true,
  'restart-node': true,
  'pause-node': true,
  'kill-master': true,
  'crash-client': true,
  'pause-client': true,
  'clock-jump': true,
  'clock-rate': true,
  partition: true,
  heal: true,
  'link-delay': true,
  'link-drop': true,
} satisfies Record<TimelineKind, true>;
export const TIMELINE_KINDS = Object.keys(TIMELINE_KIND_SET) as TimelineKind[];

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  description: string;
  seed: number;
  durationMs: number;
  lock: LockSpec;
  fencing: Fencing;
  nodes: NodeSpec[];
  sentinel: SentinelSpec | null;
  network: NetworkSpec;
  clients: ClientSpec[];
  timeline: TimelineEntry[];
}

/** Fixed process ids of the two service processes. */
export const SENTINEL_ID = 'sentinel';
export const STORAGE_ID = 'storage';
