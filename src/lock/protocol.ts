/**
 * The contract between the engine and the lock-client machines: events in, commands out.
 * A machine never reads time or randomness itself; every event carries the client's own
 * wall-clock reading (`nowMs`) and one fresh draw of the seeded PRNG (`random`), and every
 * effect is a named action whose implementation the engine provides.
 */
import type { Fencing, ProcessId, StrategySpec, WorkloadSpec } from '../sim/model/scenario.ts';
import type { Reply } from '../sim/redis/reply.ts';
import type { AttemptFailure, LossReason } from '../sim/trace/events.ts';

/** What every event carries: the client's wall clock and a uint32 from the client's PRNG stream. */
export interface Stamp {
  nowMs: number;
  random: number;
}

/** The timers a machine can arm; each comes back as an event of the same name. */
export type TimerName = 'START' | 'REQUEST_TIMEOUT' | 'RETRY' | 'WORK' | 'WRITE' | 'EXTEND' | 'THINK_DONE';

export type LockEvent =
  | ({ type: TimerName } & Stamp)
  | ({ type: 'REPLY'; reqId: number; node: ProcessId; reply: Reply } & Stamp)
  /** Sentinel's answer to "which node is the master of the group?" */
  | ({ type: 'MASTER'; reqId: number; master: ProcessId | null } & Stamp);

export type LockEventType = LockEvent['type'];

export interface LockRequest {
  node: ProcessId;
  reqId: number;
  argv: string[];
}

/** What a machine tells the world happened; the engine turns each into a trace event. */
export type LockReport =
  | { kind: 'attempt'; round: number; attempt: number; value: string }
  | { kind: 'acquired'; value: string; votes: number; nodes: ProcessId[]; validityMs: number; validUntilMs: number }
  | { kind: 'failed'; value: string; votes: number; reason: AttemptFailure; validityMs: number | null }
  | { kind: 'gave-up'; round: number; attempts: number }
  | { kind: 'extended'; value: string; votes: number; validityMs: number; validUntilMs: number }
  | { kind: 'lost'; value: string; reason: LossReason }
  | { kind: 'released'; value: string }
  | { kind: 'done' };

/** What a lock client machine is started with (the scenario's view of one client). */
export interface LockInput {
  client: ProcessId;
  key: string;
  ttlMs: number;
  /** The nodes this client locks: N masters for Redlock, one node otherwise (single-failover: its first master, until Sentinel says otherwise). */
  nodes: ProcessId[];
  /** Single-failover: the Sentinel group (named after its initial master); null otherwise. */
  group: ProcessId | null;
  strategy: StrategySpec;
  workload: WorkloadSpec;
  fencing: Fencing;
}
