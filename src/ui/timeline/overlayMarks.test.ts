import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { causeChain } from '../store/causes.ts';
import { incidentsOf } from '../store/incidents.ts';
import { bandUpTo, causeMarks } from './overlayMarks.ts';
import { timelineModel } from './timelineModel.ts';

function failover() {
  const loaded = loadPreset('failover-loses-lock');
  if (!loaded.ok) throw new Error('preset invalid');
  const trace = run(loaded.value).trace;
  const verdict = check(trace);
  return { trace, verdict, model: timelineModel(loaded.value, trace, verdict) };
}

describe('bandUpTo', () => {
  const { model } = failover();
  const band = model.violations[0];
  if (band === undefined) throw new Error('no violation');

  it('no band before the cursor reaches 31020 ms; up to the cursor inside it; whole after it', () => {
    expect(bandUpTo(band, 31_019)).toBeNull();
    expect(bandUpTo(band, 33_000)).toEqual({ fromMs: 31_020, toMs: 33_000 });
    expect(bandUpTo(band, 45_000)).toEqual({ fromMs: 31_020, toMs: 36_022 });
  });
});

describe('causeMarks', () => {
  it("jump to cause on S8: the causes in time order, the crash of M on M's lane, C2's acquisition last on C2's lane", () => {
    const { trace, verdict, model } = failover();
    const incident = incidentsOf(verdict)[0];
    if (incident === undefined) throw new Error('no incident');
    const chain = causeChain(trace, verdict, incident);
    const marks = causeMarks(trace, chain.indices, model);
    expect(marks.length).toBe(chain.indices.length);
    expect(marks.map((m) => m.t)).toEqual([...marks.map((m) => m.t)].sort((a, b) => a - b));
    const crash = marks.find((m) => m.t === 200);
    expect(crash?.row).toBe(0);
    expect(crash?.text).toMatch(/^200 ms .*M/);
    const lastMark = marks[marks.length - 1];
    expect([lastMark?.t, lastMark?.row]).toEqual([31020, 3]);
  });
});
