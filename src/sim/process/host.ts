import type { Prng } from '../core/prng.ts';
import type { ProcessId } from '../model/scenario.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { MessageBody } from './message.ts';
import type { Proc } from './proc.ts';

/** What a process may ask of the engine: the only way it sees time, the network and randomness. */
export interface Host {
  /** Current true time in ms. Processes read their own clocks from it. */
  readonly nowMs: number;
  send(from: ProcessId, to: ProcessId, body: MessageBody, label: string): void;
  /** Runs `fn` after `delayTrueMs` of true time, unless the process crashed meanwhile; waits out pauses. */
  setTimer(proc: Proc, delayTrueMs: number, fn: () => void): void;
  emit(event: TraceEvent): void;
  /** A PRNG stream of this run, derived from the scenario seed and a label. */
  prng(label: string): Prng;
  /** Whether two processes can currently exchange messages (partitions only). */
  canReach(a: ProcessId, b: ProcessId): boolean;
  /** A unique id for a replication history. */
  nextReplId(node: ProcessId): string;
  /**
   * Runs `fn` at a true time as the engine, not as a process: it neither waits out a pause
   * nor dies with a crash. For observations such as "the client's validity ran out".
   */
  at(atMs: number, fn: () => void): void;
  /** The next lock epoch: successful acquisitions of the run numbered 1, 2, … in true-time order. */
  nextEpoch(): number;
}
