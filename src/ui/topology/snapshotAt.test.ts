import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import type { CheckResult } from '../../check/types.ts';
import { loadPreset, presetNames } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { lastIndexAtOrBefore } from '../store/cursor.ts';
import { type ClientSnapshot, type NodeSnapshot, snapshotAt, snapshotFromScratch, type TopologySnapshot } from './snapshotAt.ts';

interface Ran {
  scenario: Scenario;
  trace: TraceEvent[];
  verdict: CheckResult;
}

const runs = new Map<string, Ran>();
function ran(name: string): Ran {
  const cached = runs.get(name);
  if (cached !== undefined) return cached;
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} does not load`);
  const trace = run(loaded.value).trace;
  const result = { scenario: loaded.value, trace, verdict: check(trace) };
  runs.set(name, result);
  return result;
}

/** The snapshot with the cursor dragged to true time t (every event at or before t has happened). */
function at(name: string, t: number): TopologySnapshot {
  const r = ran(name);
  return snapshotAt(r.scenario, r.trace, r.verdict, lastIndexAtOrBefore(r.trace, t), t);
}

function node(s: TopologySnapshot, id: string): NodeSnapshot {
  const n = s.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
}

function client(s: TopologySnapshot, id: string): ClientSnapshot {
  const c = s.clients.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no client ${id}`);
  return c;
}

/** A seeded xorshift, so the "random" indices are the same on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

describe('snapshotAt — failover loses the lock (S8)', () => {
  it('at 100 ms M is the master holding C1’s key with a 60 s TTL, and R (its replica) has no key yet', () => {
    const s = at('failover-loses-lock', 100);
    const m = node(s, 'M');
    expect(m).toMatchObject({ role: 'master', state: 'up', promotedBySentinel: false });
    expect(m.keys).toHaveLength(1);
    expect(m.keys[0]).toMatchObject({ key: 'lock', owner: 'C1', ttlMs: 60_000, status: 'ttl' });
    expect(node(s, 'R')).toMatchObject({ role: 'replica', master: 'M', keys: [] });
    expect(s.replication).toEqual([{ replica: 'R', master: 'M', broken: false }]);
    expect(s.sentinel).toEqual([{ name: 'M', master: 'M', members: ['M', 'R'], down: null, lastFailover: null }]);
    expect(s.holders).toEqual([{ client: 'C1', epoch: 1 }]);
  });

  it('after the crash at 200 ms M is crashed, its key is gone, and the replication link is down', () => {
    const s = at('failover-loses-lock', 250);
    expect(node(s, 'M')).toMatchObject({ state: 'crashed', keys: [] });
    expect(s.replication).toEqual([{ replica: 'R', master: 'M', broken: true }]);
    // C1 knows nothing of it: it still holds the lock.
    expect(client(s, 'C1').lease).toMatchObject({ epoch: 1, holds: true, expired: false });
  });

  it('Sentinel marks M down at 30 s, then promotes R: R is "promoted by Sentinel" and Sentinel names it', () => {
    const down = at('failover-loses-lock', 30_500);
    expect(down.sentinel?.[0]?.down).toEqual({ node: 'M', sinceMs: 0, atMs: 30_000 });
    expect(node(down, 'R').role).toBe('replica');

    const after = at('failover-loses-lock', 31_000);
    expect(node(after, 'R')).toMatchObject({ role: 'master', promotedBySentinel: true, master: null });
    expect(after.sentinel?.[0]).toMatchObject({ master: 'R', down: null, lastFailover: { from: 'M', to: 'R', atMs: 31_000 } });
    expect(after.replication).toEqual([]);
  });

  it('from ≈31,020 ms C1 and C2 both believe they hold the lock; R’s key is C2’s', () => {
    const s = at('failover-loses-lock', 31_030);
    expect(s.holders).toEqual([
      { client: 'C1', epoch: 1 },
      { client: 'C2', epoch: 2 },
    ]);
    expect(node(s, 'R').keys[0]).toMatchObject({ owner: 'C2', ttlMs: 60_000 });
    expect(client(s, 'C2').state).toBe('holding.working');
  });

  it('shows two holders at the start of every exclusion violation the checker reports', () => {
    const r = ran('failover-loses-lock');
    expect(r.verdict.exclusionViolations.length).toBeGreaterThan(0);
    for (const v of r.verdict.exclusionViolations) {
      const s = at('failover-loses-lock', v.atMs);
      expect(s.holders.map((h) => h.client).sort()).toEqual([...v.clients].sort());
    }
  });
});

describe('snapshotAt — clocks', () => {
  it('clock-jump: at 1000 ms C’s clock reads 11,000 (+10,000 vs true) and C1’s key on C is gone, while A still has it', () => {
    const before = at('clock-jump', 999);
    expect(node(before, 'C')).toMatchObject({ clockMs: 999, skewMs: 0 });
    expect(node(before, 'C').keys.map((k) => k.owner)).toEqual(['C1']);

    const s = at('clock-jump', 1000);
    expect(node(s, 'C')).toMatchObject({ clockMs: 11_000, skewMs: 10_000, keys: [] });
    expect(node(s, 'A').keys.map((k) => k.owner)).toEqual(['C1']);
    // A dragged cursor between events: the clock keeps running at its rate.
    expect(node(at('clock-jump', 1050), 'C').clockMs).toBe(11_050);
  });

  it('reads every process clock exactly as the engine did at each clock-jump and clock-rate event of every preset', () => {
    let checked = 0;
    for (const name of presetNames()) {
      const r = ran(name);
      r.trace.forEach((e, i) => {
        if (e.kind !== 'clock-jump' && e.kind !== 'clock-rate') return;
        const s = snapshotAt(r.scenario, r.trace, r.verdict, i, e.t);
        const p = s.nodes.find((n) => n.id === e.process) ?? s.clients.find((c) => c.id === e.process);
        expect(p?.clockMs).toBe(e.wallMs);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads a client’s clock as the client reported it in its lock events', () => {
    const r = ran('busy-redlock');
    const rnd = prng(7);
    for (let n = 0; n < 200; n++) {
      const i = Math.floor(rnd() * r.trace.length);
      const e = r.trace[i] as TraceEvent;
      if (e.kind !== 'lock-attempt' && e.kind !== 'lock-acquired' && e.kind !== 'lock-released') continue;
      expect(client(snapshotAt(r.scenario, r.trace, r.verdict, i, e.t), e.client).clockMs).toBe(e.clientMs);
    }
  });
});

describe('snapshotAt — keys and TTLs', () => {
  it('setnx-expire-crash (S9): A’s key has no TTL — C1 crashed between SETNX and EXPIRE', () => {
    const s = at('setnx-expire-crash', 5000);
    expect(node(s, 'A').keys).toEqual([
      expect.objectContaining({
        key: 'lock',
        owner: 'C1',
        expireAtMs: -1,
        ttlMs: null,
        remainingMs: null,
        fraction: null,
        status: 'no-ttl',
      }),
    ]);
    expect(client(s, 'C1').status).toBe('crashed');
    expect(s.holders).toEqual([]);
  });

  it('the TTL bar is half full halfway through the TTL (clock-jump: A’s 10 s key set at 2 ms, read at 5,002 ms)', () => {
    const key = node(at('clock-jump', 5002), 'A').keys[0];
    expect(key).toMatchObject({ ttlMs: 10_000, remainingMs: 5000, fraction: 0.5, status: 'ttl' });
    expect(node(at('clock-jump', 502), 'A').keys[0]?.fraction).toBe(0.95);
  });

  it('a key past its TTL on the node’s clock but not yet removed says so (lazy expiry), then disappears', () => {
    const s = at('gc-pause-after-acquire', 10_050);
    expect(node(s, 'A').keys[0]).toMatchObject({ owner: 'C1', status: 'expired-not-removed', fraction: 0, remainingMs: -48 });
    // Active expiry removes it at 10,100 ms; C2 sets its own two ms later.
    expect(node(at('gc-pause-after-acquire', 10_100), 'A').keys).toEqual([]);
    expect(node(at('gc-pause-after-acquire', 10_102), 'A').keys[0]).toMatchObject({ owner: 'C2', status: 'ttl' });
  });

  it('a delayed restart shows the node as restarting until the restart, then up with no keys (no persistence)', () => {
    expect(node(at('delayed-restart', 1000), 'C')).toMatchObject({ state: 'crashed', restartAtMs: null });
    expect(node(at('delayed-restart', 1600), 'C')).toMatchObject({ state: 'restarting', restartAtMs: 11_100 });
    expect(node(at('delayed-restart', 11_100), 'C')).toMatchObject({ state: 'up', restartAtMs: null });
  });

  it('a restart with AOF always brings C1’s key back, loaded from disk', () => {
    const c = node(at('restart-aof-always', 1500), 'C');
    expect(c.state).toBe('up');
    expect(c.keys).toEqual([expect.objectContaining({ owner: 'C1', via: 'load' })]);
  });
});

describe('snapshotAt — clients and the lock', () => {
  it('gc-pause-after-acquire: before its validity runs out C1 holds the lock; after, paused, it still believes it does (Kleppmann)', () => {
    const early = at('gc-pause-after-acquire', 9500);
    expect(client(early, 'C1')).toMatchObject({ status: 'paused', pausedUntilMs: 15_000 });
    expect(client(early, 'C1').lease).toMatchObject({ epoch: 1, holds: true, expired: false, remainingMs: 398 });

    const late = at('gc-pause-after-acquire', 10_150);
    expect(client(late, 'C1').lease).toMatchObject({ epoch: 1, holds: false, expired: true, remainingMs: -252 });
    expect(late.holders).toEqual([{ client: 'C2', epoch: 2 }]);
    expect(late.staleBelievers).toEqual([{ client: 'C1', epoch: 1 }]);

    // Once it resumes it releases: no belief left.
    const resumed = at('gc-pause-after-acquire', 15_000);
    expect(client(resumed, 'C1').lease).toBeNull();
    expect(resumed.staleBelievers).toEqual([]);
  });

  it('a watchdog extension moves the validity shown at the cursor (not the run’s last one)', () => {
    const r = ran('watchdog-renewal');
    const i = r.trace.findIndex((e) => e.kind === 'lock-extended');
    const ext = r.trace[i] as Extract<TraceEvent, { kind: 'lock-extended' }>;
    const before = snapshotAt(r.scenario, r.trace, r.verdict, i - 1, ext.t);
    const after = snapshotAt(r.scenario, r.trace, r.verdict, i, ext.t);
    expect(client(before, ext.client).lease?.validUntilMs).toBeLessThan(ext.validUntilMs);
    expect(client(after, ext.client).lease?.validUntilMs).toBe(ext.validUntilMs);
    expect(client(after, ext.client).strategy).toBe('redlock (parallel) + watchdog');
  });

  it('agrees with the checker on who holds the lock at every event of every preset', () => {
    for (const name of presetNames()) {
      if (name === 'busy-redlock') continue; // covered by the checkpoint test below
      const r = ran(name);
      for (let i = -1; i < r.trace.length; i++) {
        const s = snapshotAt(r.scenario, r.trace, r.verdict, i, i < 0 ? 0 : (r.trace[i] as TraceEvent).t);
        const byChecker = s.holders.map((h) => h.client).sort();
        const byFold = s.clients
          .filter((c) => c.lease?.holds === true)
          .map((c) => c.id)
          .sort();
        expect(byFold, `${name} at event ${i}`).toEqual(byChecker);
      }
    }
  });

  it('shows the client’s statechart state and its strategy', () => {
    const s = at('failover-loses-lock', 26_500);
    expect(client(s, 'C2')).toMatchObject({ strategy: 'single-failover', state: 'backoff', status: 'running', lease: null });
    expect(client(at('failover-loses-lock', 41_010), 'C1').status).toBe('done');
  });
});

describe('snapshotAt — network', () => {
  it('clock-jump: both partitions are active from the start, with their groups', () => {
    expect(at('clock-jump', 0).partitions).toEqual([
      { id: 'c1-side', groups: [['C1'], ['D', 'E']] },
      { id: 'c2-side', groups: [['C2'], ['A', 'B']] },
    ]);
  });

  it('delayed-write: the link fault on C1 → storage is active until 9,990 ms', () => {
    expect(at('delayed-write', 8000).linkFaults).toEqual([]);
    expect(at('delayed-write', 9000).linkFaults).toEqual([{ from: 'C1', to: 'storage', extraMs: 90_000, dropRate: 0, untilMs: 9990 }]);
    expect(at('delayed-write', 9990).linkFaults).toEqual([]);
  });
});

describe('snapshotAt — checkpoints', () => {
  it('equals a from-scratch fold at many random cursors of busy-redlock (18,826 events)', () => {
    const r = ran('busy-redlock');
    expect(r.trace.length).toBe(18_826);
    const rnd = prng(42);
    const endMs = (r.trace[r.trace.length - 1] as TraceEvent).t;
    for (let n = 0; n < 120; n++) {
      // Half the cursors sit on an event, half between events (a drag).
      const i = Math.floor(rnd() * (r.trace.length + 1)) - 1;
      const t = n % 2 === 0 ? (i < 0 ? 0 : (r.trace[i] as TraceEvent).t) : Math.floor(rnd() * endMs);
      const index = n % 2 === 0 ? i : lastIndexAtOrBefore(r.trace, t);
      expect(snapshotAt(r.scenario, r.trace, r.verdict, index, t)).toEqual(snapshotFromScratch(r.scenario, r.trace, r.verdict, index, t));
    }
    // The edges: before the first event, the checkpoint boundaries, the last event.
    for (const index of [-1, 0, 255, 256, 257, 511, 512, r.trace.length - 1]) {
      const t = index < 0 ? 0 : (r.trace[index] as TraceEvent).t;
      expect(snapshotAt(r.scenario, r.trace, r.verdict, index, t)).toEqual(snapshotFromScratch(r.scenario, r.trace, r.verdict, index, t));
    }
  });

  it('a replay does not disturb the checkpoints: scrubbing back gives the same snapshot again', () => {
    const r = ran('busy-redlock');
    const first = snapshotAt(r.scenario, r.trace, r.verdict, 9000, (r.trace[9000] as TraceEvent).t);
    snapshotAt(r.scenario, r.trace, r.verdict, 9200, (r.trace[9200] as TraceEvent).t);
    expect(snapshotAt(r.scenario, r.trace, r.verdict, 9000, (r.trace[9000] as TraceEvent).t)).toEqual(first);
  });

  it('at the end of the run, a client still in its critical section holds the lock (the run ended, not its belief)', () => {
    const r = ran('busy-redlock');
    const last = r.trace.length - 1;
    const cut = r.verdict.beliefs.filter((b) => b.endReason === 'run-end');
    expect(cut.length).toBeGreaterThan(0);
    const snap = snapshotAt(r.scenario, r.trace, r.verdict, last, (r.trace[last] as TraceEvent).t);
    expect(snap.staleBelievers).toEqual([]);
    for (const b of cut) expect(snap.clients.find((c) => c.id === b.client)?.lease?.holds).toBe(true);
  });
});
