import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { previewOf } from './previewOf.ts';

function previewOfPreset(name: string) {
  const parsed = loadPreset(name);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  const result = run(parsed.value, { hash: false });
  return { scenario: parsed.value, preview: previewOf(parsed.value, result.trace, check(result.trace)) };
}

const inUnit = (x: number) => x >= 0 && x <= 1;

describe('previewOf', () => {
  it('failover-loses-lock: two client lanes, one violation from C2’s acquisition at 31020 of 45000 ms', () => {
    const { preview } = previewOfPreset('failover-loses-lock');
    expect(preview.endMs).toBe(45000);
    expect(preview.rows.map((r) => r.client)).toEqual(['C1', 'C2']);
    expect(preview.violations).toHaveLength(1);
    expect(preview.violations[0]?.start).toBeCloseTo(31020 / 45000, 6);
    expect(preview.violations[0]?.end).toBeGreaterThan(preview.violations[0]?.start ?? 1);
    // C1 believed from the start until past the violation; C2 from the failover on.
    expect(preview.rows[0]?.beliefs[0]?.start).toBeLessThan(0.01);
    expect(preview.rows[1]?.beliefs[0]?.start).toBeCloseTo(31020 / 45000, 6);
    // The master's crash at 200 ms is the one scripted fault.
    expect(preview.faults).toEqual([{ at: 200 / 45000, kind: 'crash-node' }]);
    // C2 timed out against the dead master before it asked Sentinel again: several attempts.
    expect(preview.rows[1]?.attempts.length).toBeGreaterThan(1);
  });

  it('happy-path: no violation, no stale write, C1 then C2 hold the lock one after the other', () => {
    const { preview } = previewOfPreset('happy-path');
    expect(preview.violations).toEqual([]);
    expect(preview.staleWrites).toEqual([]);
    expect(preview.faults).toEqual([]);
    const [c1, c2] = preview.rows;
    expect(c1?.beliefs).toHaveLength(1);
    expect(c2?.beliefs).toHaveLength(1);
    expect(c1?.beliefs[0]?.end).toBeLessThanOrEqual(c2?.beliefs[0]?.start ?? 0);
    // C2 retried while C1 held the lock.
    expect(c2?.attempts.length).toBeGreaterThan(3);
  });

  it('busy-redlock: three lanes, every position a fraction of the run, attempts merged to what a thumbnail can show', () => {
    const { preview } = previewOfPreset('busy-redlock');
    expect(preview.rows).toHaveLength(3);
    expect(preview.endMs).toBe(60000);
    for (const row of preview.rows) {
      expect(row.beliefs.length).toBeGreaterThan(5);
      for (const b of row.beliefs) expect(inUnit(b.start) && inUnit(b.end) && b.start <= b.end).toBe(true);
      expect(row.attempts.every(inUnit)).toBe(true);
      // Sorted and at least a bin apart: hundreds of attempts would not fit 200 px anyway.
      for (let i = 1; i < row.attempts.length; i++) expect(row.attempts[i]).toBeGreaterThan(row.attempts[i - 1] ?? 1);
      expect(row.attempts.length).toBeLessThanOrEqual(400);
    }
  });

  it('gc-pause-after-acquire: unsafe without an exclusion violation, the stale write shows instead', () => {
    const { preview } = previewOfPreset('gc-pause-after-acquire');
    expect(preview.violations).toEqual([]);
    expect(preview.staleWrites).toHaveLength(1);
    expect(preview.staleWrites[0]).toBeCloseTo(15002 / 16000, 2);
  });

  it('gives script clients no lane and clamps faults scripted after the run’s end', () => {
    const { scenario } = previewOfPreset('happy-path');
    const c1 = scenario.clients[0];
    if (c1 === undefined) throw new Error('happy-path has clients');
    const withScript: Scenario = {
      ...scenario,
      clients: [...scenario.clients, { ...c1, id: 'S', strategy: { kind: 'script', steps: [] } }],
      timeline: [{ atMs: 99_999, kind: 'crash-client', client: 'C1' }],
    };
    const preview = previewOf(withScript, [{ t: 0, kind: 'run-end', endMs: 8000, truncated: false }], {
      safe: true,
      beliefs: [],
      exclusionViolations: [],
      staleWrites: [],
      fencingRejections: [],
      acquisitions: 0,
      maxUnavailableMs: 0,
      unavailable: null,
      deadlocked: false,
      deadlocks: [],
    });
    expect(preview.rows.map((r) => r.client)).toEqual(['C1', 'C2']);
    expect(preview.faults).toEqual([{ at: 1, kind: 'crash-client' }]);
  });
});
