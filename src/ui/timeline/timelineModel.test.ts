import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { visibleRange } from './timeIndex.ts';
import { captionAt, type TimelineModel, timelineModel } from './timelineModel.ts';

function modelOf(name: string): TimelineModel {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  const trace = run(loaded.value).trace;
  return timelineModel(loaded.value, trace, check(trace));
}

describe('timelineModel: failover-loses-lock (S8)', () => {
  const model = modelOf('failover-loses-lock');

  it('lanes M (master), R (replica of M), C1, C2, then sentinel and storage', () => {
    expect(model.lanes.map((l) => `${l.id}: ${l.caption}`)).toEqual([
      'M: master',
      'R: replica of M',
      'C1: single-failover',
      'C2: single-failover',
      'sentinel: failure detector',
      'storage: resource, no fencing',
    ]);
  });

  it("M holds C1's key from 6 ms until it is lost in the crash at 200 ms; it would have expired at 60006 ms", () => {
    const onM = model.keys.items.filter((k) => k.node === 'M');
    expect(onM.map((k) => [k.owner, k.fromMs, k.toMs, k.end, k.expireTrueMs])).toEqual([['C1', 6, 200, 'lost', 60006]]);
    expect(model.spans.items.filter((s) => s.process === 'M').map((s) => [s.state, s.fromMs, s.toMs])).toEqual([['down', 200, 45000]]);
  });

  it("R never gets C1's key: the replication arrow is dropped, and R's only key is C2's, set at 31018 ms", () => {
    const onR = model.keys.items.filter((k) => k.node === 'R');
    expect(onR.map((k) => k.owner)).toEqual(['C2']);
    expect(onR[0]?.fromMs).toBe(31018);
    const repl = model.messages.items.filter((m) => m.type === 'repl');
    expect(repl.map((m) => [m.from, m.to, m.sentMs, m.arrivedMs, m.dropped !== null])).toEqual([['M', 'R', 6, null, true]]);
  });

  it('one violation band from 31020 to 36022 ms across the lanes of C1 and C2, with its accessible label', () => {
    expect(model.violations.map((v) => [v.fromMs, v.toMs, v.rows, v.label])).toEqual([
      [31020, 36022, [2, 3], 'C1 and C2 both hold the lock from 31020 to 36022 ms'],
    ]);
  });

  it('beliefs: C1 from 8 ms (lease until ≈59.4 s on its clock), C2 from 31020 ms', () => {
    expect(model.beliefs.items.map((b) => [b.client, b.startMs, b.endMs, b.leaseEndMs])).toEqual([
      ['C1', 8, 40010, 59398],
      ['C2', 31020, 36022, 90410],
    ]);
  });

  it("C1's late write is stale; R becomes master at the failover, which the lane caption follows", () => {
    expect(model.writes.items.filter((w) => w.outcome === 'stale').map((w) => [w.client, w.t])).toEqual([['C1', 40012]]);
    const r = model.lanes[1];
    if (r === undefined) throw new Error('no lane R');
    expect(captionAt(model, r, 1000)).toBe('replica of M');
    expect(captionAt(model, r, 40000)).toBe('master');
  });

  it('the crash is a fault marker on lane M; no clock deviates', () => {
    expect(model.faults.map((f) => [f.label, f.lane])).toEqual([['crash-node M at 200 ms', 'M']]);
    expect(model.clocks).toEqual([]);
  });
});

describe('timelineModel: clock-jump (S6)', () => {
  const model = modelOf('clock-jump');

  it("C's local clock line jumps +10000 ms at 1000 ms; it is the only one drawn", () => {
    expect(model.clocks.map((c) => c.process)).toEqual(['C']);
    expect(model.clocks[0]?.points.filter((p) => p.t === 1000).map((p) => p.offsetMs)).toEqual([0, 10000]);
    expect(model.clockRangeMs).toBe(10000);
    expect(model.points.items.filter((p) => p.kind === 'clock-jump').map((p) => [p.process, p.t, p.text])).toEqual([
      ['C', 1000, 'clock +10000 ms, reads 11000'],
    ]);
  });

  it("C1's key on C expires at the jump (1000 ms) though it was set to live 10 s; on A it lives on", () => {
    const c1OnC = model.keys.items.find((k) => k.node === 'C' && k.owner === 'C1');
    const c1OnA = model.keys.items.find((k) => k.node === 'A' && k.owner === 'C1');
    expect([c1OnC?.toMs, c1OnC?.end, c1OnC?.expireTrueMs]).toEqual([1000, 'expired', 1000]);
    expect(c1OnA?.expireTrueMs).toBe(10002);
  });

  it('the violation band runs from 1104 to 3106 ms', () => {
    expect(model.violations.map((v) => [v.fromMs, v.toMs])).toEqual([[1104, 3106]]);
  });
});

describe('timelineModel: busy-redlock culling', () => {
  it('all 10,532 messages are indexed; a 1 s window holds the same arrows as a full scan, a small share of them', () => {
    const model = modelOf('busy-redlock');
    expect(model.messages.items.length).toBe(10532);
    for (const fromMs of [0, 17_000, 30_000, 59_000]) {
      const toMs = fromMs + 1000;
      const [lo, hi] = visibleRange(model.messages, fromMs, toMs);
      const culled = model.messages.items.slice(lo, hi).filter((m) => m.endMs >= fromMs);
      const scanned = model.messages.items.filter((m) => m.sentMs <= toMs && m.endMs >= fromMs);
      expect(culled).toEqual(scanned);
      expect(hi - lo).toBeLessThan(model.messages.items.length / 10);
    }
    expect(model.violations).toEqual([]);
  });
});

describe("timelineModel: Kleppmann's GC pause (gc-pause-after-acquire)", () => {
  const model = modelOf('gc-pause-after-acquire');
  it("C1's belief ends where its lease expired, but the bar goes on to its stale write and release after the pause", () => {
    const c1 = model.beliefs.items.find((b) => b.client === 'C1');
    if (c1 === undefined) throw new Error('C1 never held the lock');
    expect(c1.endReason).toBe('expired');
    expect(c1.endMs).toBeLessThan(10_000); // its lease ran out during the pause (9001–15000)
    expect(c1.actsUntilMs).toBeGreaterThanOrEqual(15_000); // it woke up, wrote and released
    const c2 = model.beliefs.items.find((b) => b.client === 'C2');
    expect(c2?.actsUntilMs).toBe(c2?.endMs); // released normally: nothing to hatch
  });
});
