import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { lastIndexAtOrBefore } from '../store/cursor.ts';
import {
  clientLabel,
  clockText,
  linkFaultText,
  lockSummary,
  nodeLabel,
  partitionText,
  roleText,
  sentinelText,
  ttlText,
} from './describe.ts';
import { type TopologySnapshot, snapshotAt } from './snapshotAt.ts';

function at(name: string, t: number): TopologySnapshot {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(name);
  const trace = run(loaded.value).trace;
  return snapshotAt(loaded.value, trace, check(trace), lastIndexAtOrBefore(trace, t), t);
}

function nodeOf(s: TopologySnapshot, id: string) {
  const n = s.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(id);
  return n;
}

function clientOf(s: TopologySnapshot, id: string) {
  const c = s.clients.find((x) => x.id === id);
  if (c === undefined) throw new Error(id);
  return c;
}

describe('topology words', () => {
  it('roles: a replica names its master and a broken link; a promoted replica says Sentinel did it; the old master is deposed', () => {
    const before = at('failover-loses-lock', 100);
    expect(roleText(nodeOf(before, 'R'), before.replication, before.sentinel)).toBe('replica of M');
    const crashed = at('failover-loses-lock', 250);
    expect(roleText(nodeOf(crashed, 'R'), crashed.replication, crashed.sentinel)).toBe('replica of M, link down');
    const after = at('failover-loses-lock', 31_030);
    expect(roleText(nodeOf(after, 'R'), after.replication, after.sentinel)).toBe('master, promoted by Sentinel');
    expect(roleText(nodeOf(after, 'M'), after.replication, after.sentinel)).toBe('master (Sentinel now names R)');
  });

  it('the clock line says how far the node is from true time', () => {
    expect(clockText(nodeOf(at('clock-jump', 1000), 'C'))).toBe('clock 11,000 ms (+10,000 vs true)');
    expect(clockText(nodeOf(at('clock-jump', 1000), 'A'))).toBe('clock 1,000 ms (±0 vs true)');
    expect(clockText({ clockMs: 1100, skewMs: 100, clockRate: 1.1 })).toBe('clock 1,100 ms (+100 vs true, rate 1.1)');
  });

  it('the TTL line: time left of the TTL, "no TTL" for S9, "expired, not yet removed" for lazy expiry', () => {
    expect(ttlText(nodeOf(at('clock-jump', 5002), 'A').keys[0] ?? expect.fail('no key'))).toBe('5.0 s of 10 s left');
    expect(ttlText(nodeOf(at('setnx-expire-crash', 5000), 'A').keys[0] ?? expect.fail('no key'))).toBe('no TTL, owner crashed: stuck');
    expect(ttlText(nodeOf(at('gc-pause-after-acquire', 10_050), 'A').keys[0] ?? expect.fail('no key'))).toBe('expired, not yet removed');
  });

  it('accessible names of the cards say the role, state and the lock', () => {
    const s = at('failover-loses-lock', 100);
    expect(nodeLabel(nodeOf(s, 'M'), s.replication, s.sentinel)).toBe(
      "M: master, up, clock 100 ms (±0 vs true), 1 key (lock, C1's, 59 s of 60 s left)",
    );
    expect(clientLabel(clientOf(s, 'C1'))).toBe('C1: single-failover, holding (working), holds the lock (epoch 1)');
    expect(clientLabel(clientOf(s, 'C2'))).toBe('C2: single-failover, idle, does not hold the lock');
    const paused = at('gc-pause-after-acquire', 10_150);
    expect(clientLabel(clientOf(paused, 'C1'))).toBe(
      'C1: redlock (parallel), holding (writing), paused until 15,000 ms, believes it holds the lock but its lease expired (epoch 1)',
    );
  });

  it('the lock summary: nobody, one holder, two holders at once, and a holder whose lease ran out while paused', () => {
    expect(lockSummary(at('failover-loses-lock', 20))).toEqual({ tone: 'held', text: 'C1 holds the lock (epoch 1)' });
    expect(lockSummary(at('failover-loses-lock', 31_030))).toEqual({
      tone: 'violation',
      text: 'C1 and C2 both hold the lock (epochs 1 and 2)',
    });
    expect(lockSummary(at('failover-loses-lock', 0))).toEqual({ tone: 'free', text: 'Nobody holds the lock' });
    expect(lockSummary(at('gc-pause-after-acquire', 10_150))).toEqual({
      tone: 'stale',
      text: 'C2 holds the lock (epoch 2); C1 still believes it holds it, though its lease has expired on its own clock',
    });
    expect(lockSummary({ holders: [], staleBelievers: [{ client: 'C1', epoch: 1 }] }).tone).toBe('stale');
  });

  it('partitions, link faults and Sentinel in words', () => {
    expect(at('clock-jump', 0).partitions.map(partitionText)).toEqual([
      'partition c1-side: {C1} | {D, E}',
      'partition c2-side: {C2} | {A, B}',
    ]);
    expect(at('delayed-write', 9000).linkFaults.map(linkFaultText)).toEqual(['link C1 → storage +90,000 ms until 9,990 ms']);
    expect(linkFaultText({ from: 'A', to: 'B', extraMs: 0, dropRate: 0.5, untilMs: null })).toBe('link A → B drops 50% until removed');
    const down = at('failover-loses-lock', 30_500).sentinel?.[0];
    expect(down === undefined ? [] : sentinelText(down)).toEqual(['names M master', 'marked M down at 30,000 ms']);
    const over = at('failover-loses-lock', 31_000).sentinel?.[0];
    expect(over === undefined ? [] : sentinelText(over)).toEqual(['names R master', 'failed over M → R at 31,000 ms']);
  });
});
