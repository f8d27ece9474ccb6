/** What a real lock client needs from its run (startRealRun builds it): time, trace, links, storage. */
import type { Reply } from '../../src/sim/redis/reply.ts';
import type { RealStorage } from './realStorage.ts';
import type { RunClock } from './runClock.ts';
import type { RunPrng } from './runPrng.ts';
import type { RunTrace } from './runTrace.ts';

export interface ClientWorld {
  clock: RunClock;
  trace: RunTrace;
  prng: RunPrng;
  storage: RealStorage;
  /** Sends a scenario-time command from client to node over their proxied link; rejects when it is lost. */
  request(client: string, node: string, argv: readonly string[]): Promise<Reply>;
  /** Asks the Sentinel which node is the master of `group` now (a node id, or null). */
  askMaster(group: string): Promise<string | null>;
  nextEpoch(): number;
  /** One write's trip to the storage service, scenario ms. */
  storageLatencyMs(): number;
  onClientDone(client: string): void;
}
