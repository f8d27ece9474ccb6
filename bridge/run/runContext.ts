/** Everything one real run holds, shared by its fault handlers and its start/stop code. */
import type { Scenario } from '../../src/sim/model/scenario.ts';
import type { Fleet } from '../redis/fleet.ts';
import type { KeyBook } from './keyBook.ts';
import type { LinkMesh } from './linkMesh.ts';
import type { RealLockClient } from './realLockClient.ts';
import type { RunClock } from './runClock.ts';
import type { RunTrace } from './runTrace.ts';

export interface RunContext {
  scenario: Scenario;
  fleet: Fleet;
  clock: RunClock;
  trace: RunTrace;
  mesh: LinkMesh;
  keys: KeyBook;
  clients: Map<string, RealLockClient>;
  /** The Sentinel's id in the fleet and the master name it watches; null without a failover group. */
  sentinel: { id: string; masterName: string } | null;
  /** The node the Sentinel names as master now (kept by the sentinel watch). */
  master(): string | null;
  /** Node → the fleet id it is known by (the same ids: the scenario's nodes are the fleet's). */
  nodeIds: readonly string[];
  /** A crashed node's earliest restart (its restartDelayMs after the crash), by node. */
  restartNotBeforeMs: Map<string, number>;
  /** Undo actions for when the run ends (resume paused nodes, heal links). */
  cleanups: Set<() => Promise<void> | void>;
}
