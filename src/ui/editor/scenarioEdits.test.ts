import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { PRESETS } from '../../scenario/presets/index.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { LOCK_STRATEGY_KINDS } from './scenarioDefaults.ts';
import {
  nextClientId,
  nextNodeId,
  withAutoExtend,
  withClientAdded,
  withClientRemoved,
  withClientRenamed,
  withLatencyKind,
  withNodeCount,
  withNodeRemoved,
  withSentinel,
  withStrategyKind,
} from './scenarioEdits.ts';

function preset(name: string): Scenario {
  const p = PRESETS.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  const parsed = parseScenario(p.scenario);
  if (!parsed.ok) throw new Error(`preset ${name} is invalid`);
  return parsed.value;
}

const valid = (doc: unknown) => parseScenario(doc).ok;
const issuesOf = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('withStrategyKind', () => {
  it('every switch of every client of every preset to every lock design is a valid document (when Sentinel is on)', () => {
    for (const p of PRESETS) {
      const s = withSentinel(preset(p.name), true);
      for (let i = 0; i < s.clients.length; i++) {
        for (const kind of LOCK_STRATEGY_KINDS) {
          const client = s.clients[i];
          if (client === undefined) throw new Error('client');
          const next = { ...s, clients: s.clients.map((c, j) => (j === i ? withStrategyKind(client, kind) : c)) };
          expect(issuesOf(next), `${p.name} clients[${i}] -> ${kind}`).toEqual([]);
          expect(next.clients[i]?.strategy.kind).toBe(kind);
        }
      }
    }
  });

  it('a raw-command script client becomes a lock client with the schema defaults', () => {
    const s = preset('happy-path');
    const script = { ...s.clients[0], id: 'S', strategy: { kind: 'script' as const, steps: [] } } as Scenario['clients'][number];
    const next = withStrategyKind(script, 'redlock');
    expect(next.strategy).toEqual({
      kind: 'redlock',
      mode: 'parallel',
      requestTimeoutMs: 50,
      driftFactor: 0.01,
      retryCount: 3,
      retryDelayMs: 200,
      retryJitterMs: 100,
      autoExtend: null,
    });
  });

  it('keeps the node, timeout and retry delay between single-instance designs, but not into Redlock', () => {
    const s = preset('set-nx-px-crash');
    const client = s.clients[0];
    if (client === undefined) throw new Error('client');
    const tuned = { ...client, strategy: { kind: 'set-nx-px-cad' as const, node: 'A', requestTimeoutMs: 777, retryDelayMs: 55 } };
    expect(withStrategyKind(tuned, 'setnx-expire').strategy).toEqual({
      kind: 'setnx-expire',
      node: 'A',
      requestTimeoutMs: 777,
      retryDelayMs: 55,
    });
    expect(withStrategyKind(tuned, 'single-failover').strategy).toEqual({
      kind: 'single-failover',
      waitReplicas: 0,
      waitTimeoutMs: 100,
      requestTimeoutMs: 777,
      retryDelayMs: 55,
    });
    const redlock = withStrategyKind(tuned, 'redlock').strategy;
    expect(redlock.kind === 'redlock' && redlock.requestTimeoutMs).toBe(50);
  });

  it('single-failover without Sentinel is reported by the validator, not refused silently', () => {
    const s = preset('set-nx-px-crash');
    const client = s.clients[0];
    if (client === undefined) throw new Error('client');
    const next = { ...s, clients: [withStrategyKind(client, 'single-failover'), ...s.clients.slice(1)] };
    expect(issuesOf(next)).toEqual([
      'clients[0].strategy.kind: single-failover needs "sentinel" to be set (it finds the master through Sentinel)',
    ]);
  });
});

describe('withNodeCount', () => {
  it('adds masters with the next free letters and schema defaults, and stays valid', () => {
    const s = preset('set-nx-px-crash');
    const next = withNodeCount(s, 3);
    expect(next.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    expect(next.nodes[2]).toEqual({ id: 'C', persistence: 'none', restartDelayMs: 0, hz: 10, clock: { offsetMs: 0, rate: 1 } });
    expect(valid(next)).toBe(true);
    // The original is untouched (undo keeps it).
    expect(s.nodes.length).toBe(1);
  });

  it('keeps existing ids and skips ids clients already use', () => {
    const s = preset('failover-loses-lock');
    expect(withNodeCount(s, 4).nodes.map((n) => n.id)).toEqual(['M', 'R', 'A', 'B']);
    const withC = { ...preset('set-nx-px-crash'), clients: [{ ...preset('set-nx-px-crash').clients[0], id: 'B' }] } as Scenario;
    expect(nextNodeId(withC)).toBe('C');
  });

  it('removing nodes that are still referenced is reported with the validator’s message', () => {
    const s = preset('failover-loses-lock');
    const issues = issuesOf(withNodeCount(s, 1));
    expect(issues).toEqual([]); // M stays; R was only a replica nobody names.
    const busy = preset('delayed-restart');
    // Node C crashes at 900 ms in this preset.
    const withoutC = withNodeRemoved(busy, 2);
    expect(withoutC.nodes.map((n) => n.id)).toEqual(['A', 'B', 'D', 'E']);
    expect(issuesOf(withoutC)).toEqual(['timeline[2].node: no node "C" (nodes: A, B, D, E)']);
  });

  it('removing the master a replica follows is reported on the replica', () => {
    const s = preset('failover-loses-lock');
    expect(issuesOf(withNodeRemoved(s, 0))).toContain('nodes[0].replicaOf: no node "M" (nodes: R)');
  });

  it('zero nodes is the validator’s to refuse', () => {
    expect(valid(withNodeCount(preset('set-nx-px-crash'), 0))).toBe(false);
  });
});

describe('clients', () => {
  it('a new client copies the last lock client’s design with defaults, and a free id', () => {
    const s = preset('happy-path');
    const next = withClientAdded(s);
    expect(next.clients.map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
    expect(next.clients[2]?.strategy.kind).toBe('redlock');
    expect(next.clients[2]?.workload.rounds).toBe(1);
    expect(valid(next)).toBe(true);
    expect(nextClientId(next)).toBe('C4');
  });

  it('renaming a client renames the faults aimed at it, so the scenario stays valid', () => {
    const s = preset('gc-pause-after-acquire');
    const target = s.timeline.find((e) => e.kind === 'pause-client');
    expect(target?.kind === 'pause-client' && target.client).toBe('C1');
    const renamed = withClientRenamed(s, 0, 'Alice');
    expect(issuesOf(renamed)).toEqual([]);
    const moved = renamed.timeline.find((e) => e.kind === 'pause-client');
    expect(moved?.kind === 'pause-client' && moved.client).toBe('Alice');
  });

  it('removing a client that a fault targets is reported by the validator', () => {
    const s = preset('gc-pause-after-acquire');
    expect(issuesOf(withClientRemoved(s, 0)).some((l) => l.includes('no client "C1"'))).toBe(true);
  });

  it('renaming onto a node id is a duplicate the validator reports', () => {
    expect(issuesOf(withClientRenamed(preset('happy-path'), 0, 'A'))).toContain('clients[0].id: duplicate process id "A"');
  });
});

describe('withLatencyKind', () => {
  it('keeps the numbers across shapes and stays valid', () => {
    expect(withLatencyKind({ kind: 'fixed', ms: 5 }, 'uniform')).toEqual({ kind: 'uniform', minMs: 5, maxMs: 5 });
    expect(withLatencyKind({ kind: 'uniform', minMs: 1, maxMs: 4 }, 'fixed')).toEqual({ kind: 'fixed', ms: 3 });
    expect(withLatencyKind({ kind: 'uniform', minMs: 1, maxMs: 3 }, 'long-tail')).toEqual({
      kind: 'long-tail',
      minMs: 1,
      maxMs: 3,
      tailProbability: 0.01,
      tailMaxMs: 103,
    });
    const s = preset('happy-path');
    for (const kind of ['fixed', 'uniform', 'long-tail'] as const) {
      const network = {
        ...s.network,
        latencyMs: withLatencyKind(s.network.latencyMs, kind),
        replicationLagMs: withLatencyKind(s.network.replicationLagMs, kind),
      };
      expect(issuesOf({ ...s, network }), kind).toEqual([]);
    }
  });
});

describe('Sentinel and the watchdog', () => {
  it('turning Sentinel on fills its defaults; off removes it', () => {
    const on = withSentinel(preset('happy-path'), true);
    expect(on.sentinel).toEqual({ downAfterMs: 30_000, pingPeriodMs: 1_000, promotionMs: 1_000 });
    expect(withSentinel(on, false).sentinel).toBeNull();
  });

  it('turning off Sentinel under single-failover clients is reported', () => {
    expect(issuesOf(withSentinel(preset('failover-loses-lock'), false))[0]).toMatch(/single-failover needs "sentinel"/);
  });

  it('the watchdog starts a third of the TTL before validity ends and is valid', () => {
    const s = preset('happy-path');
    const on = withAutoExtend(s, 0, true);
    const strategy = on.clients[0]?.strategy;
    expect(strategy?.kind === 'redlock' && strategy.autoExtend).toEqual({ thresholdMs: Math.floor(s.lock.ttlMs / 3), maxExtensions: 1000 });
    expect(issuesOf(on)).toEqual([]);
    const off = withAutoExtend(on, 0, false).clients[0]?.strategy;
    expect(off?.kind === 'redlock' && off.autoExtend).toBeNull();
  });
});
