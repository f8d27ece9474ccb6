/**
 * The contract between the bridge's WebSocket server (bridge/server) and a run of a scenario
 * on real Redis (bridge/run). The server validates messages (src/protocol), owns the
 * connection and batches trace events; a run owns the lock clients, the proxies and the
 * fault schedule, and reports everything that happens as trace events in scenario time.
 */
import type { ClientAnchor } from '../../src/protocol/clientAnchors.ts';
import type { Scenario } from '../../src/sim/model/scenario.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import type { FaultMessage } from '../../src/protocol/faultMessages.ts';
import type { BridgeErrorCode } from '../../src/protocol/errorCodes.ts';

/** A refusal the server sends back as an `error` message with this code. */
export class RunError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type RunEndReason = 'completed' | 'stopped' | 'failed';

export interface RunEnd {
  reason: RunEndReason;
  /** What the bridge's own lock clients saw; the verdict proper is the checker's, on the trace. */
  verdictHint?: { safe: boolean; note: string };
  /** Set when reason is 'failed': what went wrong, for the user. */
  error?: string;
}

export interface RunOptions {
  /** A scenario already validated by parseScenario (src/scenario/parse.ts). */
  scenario: Scenario;
  /** Scenario milliseconds per wall-clock millisecond (0.1-10): 2 runs a 40 s scenario in 20 s. */
  speed: number;
  /** Every trace event, in order, stamped in scenario milliseconds since the run's start. */
  emit(event: TraceEvent): void;
  /** Where the timeline's client pauses and crashes fall in each client's progress (start-run's anchors). */
  anchors?: readonly ClientAnchor[];
}

export type LockOp = 'acquire' | 'release' | 'extend';

export interface RealRun {
  /** Resolves once, when the run ends for any reason (after its last trace event was emitted). */
  readonly ended: Promise<RunEnd>;
  /** Injects a fault now; rejects with a RunError (conflict, unsupported, failed). */
  fault(fault: FaultMessage): Promise<void>;
  /**
   * One lock operation by one of the run's clients, outside its workload. Resolves with the
   * operation's trace events (attempt, then acquired / failed / released / extended), which the
   * server sends as one `trace` message answering the `lock-op`; they are not passed to emit().
   */
  lockOp(client: string, op: LockOp, ttlMs?: number): Promise<TraceEvent[]>;
  /** Ends the run: clients stop, faults are undone (paused nodes resumed, links healed). */
  stop(): Promise<void>;
}

/** A node as the bridge announces it in `welcome`. */
export interface AnnouncedNode {
  id: string;
  host: string;
  port: number;
  role: 'master' | 'replica' | 'sentinel';
}

/** Lock operations outside a run: each WebSocket connection gets one session. */
export interface LockSession {
  /** `client` is the connection's own name for a lock client; the lock is `key` (default "lock") on the Redlock nodes A-E. */
  lockOp(client: string, op: LockOp, opts?: { ttlMs?: number; key?: string }): Promise<TraceEvent[]>;
  /** Releases whatever this session still holds. */
  close(): Promise<void>;
}

/** What the WebSocket server needs from the rest of the bridge (bridge/run/backend.ts builds it). */
export interface BridgeBackend {
  nodes(): AnnouncedNode[];
  capabilities(): { clockJump: boolean; reason?: string };
  /** Starts a run; rejects with RunError('conflict') while another run is going, ('unsupported') for what real Redis cannot reproduce. */
  startRun(opts: RunOptions): Promise<RealRun>;
  openSession(emit: (event: TraceEvent) => void): LockSession;
  /** Stops any run and the fleet. */
  close(): Promise<void>;
}
