import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { type Scenario, TIMELINE_KINDS } from '../../src/sim/model/scenario.ts';
import { FAULT_FREE_LATENCY_MS_MAX, LOCK_STRATEGIES, type LockScenarioOptions, lockScenarioInputArb, MASTER_IDS } from './lockScenario.ts';
import { mustParse, scenarioInputArb } from './scenario.ts';

/**
 * The lock-scenario arbitrary itself: every document is valid; the fault-free world really
 * is fault-free (the safety property's premise); the correct-usage critical sections really
 * fit; and a sample reaches every design, size, mode and fault (so the properties built on
 * it cannot quietly test less).
 */
const SAMPLE_SEED = 0x10c4;

function sample(options: LockScenarioOptions, numRuns: number, seed = SAMPLE_SEED): Scenario[] {
  return fc.sample(lockScenarioInputArb(options), { seed, numRuns }).map(mustParse);
}

const masterCount = (s: Scenario) => s.nodes.filter((n) => n.replicaOf === undefined).length;

describe('lock scenario arbitrary', () => {
  test('every generated document passes parseScenario, in every mode', () => {
    const modes: LockScenarioOptions[] = [
      { faults: 'none' },
      { faults: 'none', criticalSection: 'within-validity' },
      { faults: 'all' },
      { faults: 'all', mixedStrategies: true, criticalSection: 'overrun' },
      { faults: 'node-clock-jumps', strategies: ['redlock'], redlockNodesMin: 3 },
    ];
    for (const options of modes) {
      fc.assert(
        fc.property(lockScenarioInputArb(options), (input) => {
          const result = parseScenario(input);
          if (!result.ok) throw new Error(`${JSON.stringify(result.issues.slice(0, 5))}\n${JSON.stringify(input)}`);
        }),
        { seed: SAMPLE_SEED, numRuns: 200 },
      );
    }
  });

  test('fault-free: no timeline, no loss, right clocks, bounded latency, one design on one node', () => {
    for (const s of sample({ faults: 'none' }, 300)) {
      expect(s.timeline).toEqual([]);
      expect(s.network.dropRate).toBe(0);
      expect(s.network.links).toEqual([]);
      for (const p of [...s.nodes, ...s.clients]) expect(p.clock).toEqual({ offsetMs: 0, rate: 1 });
      // Client <-> server delay: at least 1 ms and at most 3 × its minimum (see faultFreeLatency).
      const latency = s.network.latencyMs;
      if (latency.kind === 'fixed') {
        expect(latency.ms).toBeGreaterThanOrEqual(1);
        expect(latency.ms).toBeLessThanOrEqual(FAULT_FREE_LATENCY_MS_MAX);
      } else {
        expect(latency.kind).toBe('uniform');
        if (latency.kind !== 'uniform') continue;
        expect(latency.minMs).toBeGreaterThanOrEqual(1);
        expect(latency.maxMs).toBeLessThanOrEqual(Math.min(3 * latency.minMs, FAULT_FREE_LATENCY_MS_MAX));
      }
      // Replication: small (the schema's default, 1–5 ms, when left out).
      const lag = s.network.replicationLagMs;
      expect(lag.kind === 'fixed' ? lag.ms : lag.maxMs).toBeLessThanOrEqual(FAULT_FREE_LATENCY_MS_MAX);
      const kinds = new Set(s.clients.map((c) => c.strategy.kind));
      expect(kinds.size).toBe(1);
      const targets = new Set(s.clients.map((c) => ('node' in c.strategy ? (c.strategy.node ?? 'default') : 'n/a')));
      expect(targets.size).toBe(1);
    }
  });

  test('correct usage: critical sections fit in half the TTL, or are covered by enough extensions', () => {
    for (const s of sample({ faults: 'none', criticalSection: 'within-validity' }, 300)) {
      for (const c of s.clients) {
        const st = c.strategy;
        if (st.kind === 'redlock' && st.autoExtend !== null) {
          expect(st.autoExtend.thresholdMs).toBeLessThanOrEqual(s.lock.ttlMs / 2);
          expect(st.autoExtend.thresholdMs).toBeGreaterThan(Math.min(st.requestTimeoutMs, s.lock.ttlMs / 2 - 10));
          const gainMs = s.lock.ttlMs - st.autoExtend.thresholdMs - Math.round(st.driftFactor * s.lock.ttlMs) - 2;
          expect(st.autoExtend.maxExtensions * gainMs).toBeGreaterThan(c.workload.criticalSectionMs);
        } else {
          expect(c.workload.criticalSectionMs).toBeLessThanOrEqual(s.lock.ttlMs / 2);
        }
      }
    }
  });

  test('overrun: every critical section is at least half the TTL', () => {
    for (const s of sample({ faults: 'none', criticalSection: 'overrun', strategies: ['set-nx-px-del'] }, 200)) {
      for (const c of s.clients) expect(c.workload.criticalSectionMs).toBeGreaterThanOrEqual(Math.floor(s.lock.ttlMs / 2));
    }
  });

  test('node clock jumps: only forward jumps of at least one TTL, on masters', () => {
    for (const s of sample({ faults: 'node-clock-jumps' }, 200)) {
      expect(s.timeline.length).toBeGreaterThan(0);
      for (const e of s.timeline) {
        expect(e.kind).toBe('clock-jump');
        if (e.kind !== 'clock-jump') continue;
        expect(e.deltaMs).toBeGreaterThanOrEqual(s.lock.ttlMs);
        expect(s.nodes.find((n) => n.id === e.process)?.replicaOf).toBeUndefined();
      }
    }
  });

  test('a sample covers every design, Redlock size and mode, workload shape, fencing and fault', () => {
    const seen = new Set<string>();
    const mark = (f: string) => seen.add(f);
    const scenarios = [...sample({ faults: 'none' }, 400), ...sample({ faults: 'all', mixedStrategies: true }, 400)];
    for (const s of scenarios) {
      mark(`clients:${s.clients.length}`);
      mark(`fencing:${s.fencing}`);
      if (s.sentinel !== null) mark('sentinel');
      if (new Set(s.clients.map((c) => c.strategy.kind)).size > 1) mark('mixed-designs');
      for (const c of s.clients) {
        const st = c.strategy;
        mark(st.kind);
        if (st.kind === 'redlock') {
          mark(`redlock:N=${masterCount(s)}`);
          mark(`redlock:${st.mode}`);
          mark(st.autoExtend === null ? 'redlock:no-autoExtend' : 'redlock:autoExtend');
        }
        if (st.kind === 'single-failover' && st.waitReplicas > 0) mark('single-failover:wait');
        if (c.workload.rounds > 1) mark('rounds>1');
        if (c.workload.writes === 0) mark('writes:0');
        if (c.workload.writes > 1) mark('writes>1');
        if (c.workload.thinkMs > 0) mark('thinkMs>0');
        if (c.workload.checkValidityBeforeWrite) mark('checkValidityBeforeWrite');
        if (c.workload.criticalSectionMs > s.lock.ttlMs) mark('criticalSection>ttl');
        if (c.clock.offsetMs !== 0 || c.clock.rate !== 1) mark('client-clock');
      }
      for (const n of s.nodes) if (n.clock.offsetMs !== 0 || n.clock.rate !== 1) mark('node-clock');
      if (s.network.dropRate > 0) mark('dropRate');
      if (s.network.links.length > 0) mark('links');
      if (s.network.latencyMs.kind === 'long-tail') mark('latency:long-tail');
      for (const e of s.timeline) mark(`timeline:${e.kind}`);
    }
    const timelineKinds = TIMELINE_KINDS;
    const expected = [
      ...[1, 2, 3, 4].map((n) => `clients:${n}`),
      'fencing:none',
      'fencing:token',
      'fencing:cas',
      'sentinel',
      'mixed-designs',
      ...LOCK_STRATEGIES,
      ...MASTER_IDS.map((_, i) => `redlock:N=${i + 1}`),
      'redlock:parallel',
      'redlock:sequential',
      'redlock:autoExtend',
      'redlock:no-autoExtend',
      'single-failover:wait',
      'rounds>1',
      'writes:0',
      'writes>1',
      'thinkMs>0',
      'checkValidityBeforeWrite',
      'criticalSection>ttl',
      'client-clock',
      'node-clock',
      'dropRate',
      'links',
      'latency:long-tail',
      ...timelineKinds.map((k) => `timeline:${k}`),
    ];
    expect(expected.filter((f) => !seen.has(f))).toEqual([]);
  });
});

describe('the general scenario arbitrary with lock clients', () => {
  test('every document is valid, and lock clients of every design appear among script clients', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioInputArb({ lockClients: true }), (input) => {
        const result = parseScenario(input);
        if (!result.ok) throw new Error(`${JSON.stringify(result.issues.slice(0, 5))}\n${JSON.stringify(input).slice(0, 2_000)}`);
        for (const c of result.value.clients) {
          seen.add(c.strategy.kind);
          if (c.strategy.kind === 'redlock' && c.strategy.autoExtend !== null) seen.add('redlock:autoExtend');
        }
      }),
      { seed: SAMPLE_SEED + 1, numRuns: 500 },
    );
    expect(['script', ...LOCK_STRATEGIES, 'redlock:autoExtend'].filter((k) => !seen.has(k))).toEqual([]);
  });
});
