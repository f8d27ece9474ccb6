/**
 * This project's Redlock client, once, against real nodes: the very machine the simulator runs
 * (src/lock/machines/redlock.ts), driven by the bridge's RealLockClient over direct connections
 * (no proxies, real time), for one round that acquires, holds for `holdMs` and releases. What it
 * reports is read from its trace: acquired or not, with how many votes and what validity.
 */
import { lockInputFor } from '../../src/lock/lockInput.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import { RedisLink } from '../net/redisLink.ts';
import { realArgv } from '../run/realArgv.ts';
import { RealLockClient } from '../run/realLockClient.ts';
import { RealStorage } from '../run/realStorage.ts';
import { RunClock } from '../run/runClock.ts';
import { RunPrng } from '../run/runPrng.ts';
import { RunTrace } from '../run/runTrace.ts';

export interface RedlockSettings {
  key: string;
  ttlMs: number;
  /** How long the client waits for one node (node-redlock 4 has no such setting; ioredis's commandTimeout stands in). */
  requestTimeoutMs: number;
  driftFactor: number;
}

export interface AttemptOutcome {
  acquired: boolean;
  /** Nodes that said yes; null when the client does not tell (node-redlock). */
  votes: number | null;
  /** Validity the client computed, ms; null when it did not acquire. */
  validityMs: number | null;
}

export interface CrossNode {
  id: string;
  port: number;
}

/** One attempt (retryCount 0) by our Redlock client; resolves once it has released and is done. */
export async function ourRedlockOnce(nodes: readonly CrossNode[], s: RedlockSettings, seed: number): Promise<AttemptOutcome> {
  const parsed = parseScenario({
    version: 1,
    seed,
    durationMs: 60_000,
    lock: { key: s.key, ttlMs: s.ttlMs },
    nodes: nodes.map((n) => ({ id: n.id })),
    clients: [
      {
        id: 'ours',
        strategy: { kind: 'redlock', retryCount: 0, requestTimeoutMs: s.requestTimeoutMs, driftFactor: s.driftFactor },
        workload: { startMs: 0, rounds: 1, criticalSectionMs: 1, writes: 0 },
      },
    ],
  });
  if (!parsed.ok) throw new Error(`the cross-check scenario does not parse: ${JSON.stringify(parsed.issues)}`);
  const scenario = parsed.value;
  const spec = scenario.clients[0];
  if (spec === undefined) throw new Error('no client');
  const links = new Map(nodes.map((n) => [n.id, new RedisLink({ port: n.port, label: `ours -> ${n.id}` })]));
  const clock = new RunClock(1);
  const events: TraceEvent[] = [];
  const trace = new RunTrace(clock, (e) => events.push(e));
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const client = new RealLockClient(spec, lockInputFor(scenario, spec), {
    clock,
    trace,
    prng: new RunPrng(seed),
    storage: new RealStorage('none', trace),
    request: async (_client, node, argv) => {
      const link = links.get(node);
      if (link === undefined) throw new Error(`no node ${node}`);
      return link.requestReply(realArgv(argv, 1));
    },
    askMaster: async () => null,
    nextEpoch: () => 1,
    storageLatencyMs: () => 0,
    onClientDone: () => finish(),
  });
  try {
    client.start();
    await done;
  } finally {
    client.stop();
    clock.stop();
    for (const link of links.values()) link.close();
  }
  return outcomeOf(events);
}

function outcomeOf(events: readonly TraceEvent[]): AttemptOutcome {
  const acquired = events.find((e) => e.kind === 'lock-acquired');
  if (acquired !== undefined) return { acquired: true, votes: acquired.votes, validityMs: acquired.validityMs };
  const failed = events.find((e) => e.kind === 'lock-failed');
  if (failed !== undefined) return { acquired: false, votes: failed.votes, validityMs: null };
  throw new Error(`our client neither acquired nor failed: ${events.map((e) => e.kind).join(', ')}`);
}
