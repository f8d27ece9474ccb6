import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { drawGhost } from './drawGhost.ts';
import { drawKeys } from './drawKeys.ts';
import { drawMessages } from './drawMessages.ts';
import { type Frame, timeScale } from './frame.ts';
import type { Palette } from './palette.ts';
import { plotGeometry } from './plotGeometry.ts';
import { installPath2D, recordingContext } from './testing/recordingContext.ts';
import { type TimelineModel, timelineModel } from './timelineModel.ts';

const palette: Palette = {
  bg: 'bg',
  fg: 'fg',
  muted: 'muted',
  line: 'line',
  lane: 'lane',
  key: 'key',
  keyReplicated: 'key-replicated',
  belief: 'belief',
  attempt: 'attempt',
  writeOk: 'write-ok',
  writeStale: 'write-stale',
  writeRejected: 'write-rejected',
  violation: 'violation',
  fault: 'fault',
  down: 'down',
  paused: 'paused',
  message: 'message',
  cursor: 'cursor',
  highlight: 'highlight',
  focus: 'focus',
  owners: ['owner-C1', 'owner-C2', 'owner-C3'],
};

function modelOf(name: string): TimelineModel {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  const trace = run(loaded.value).trace;
  return timelineModel(loaded.value, trace, check(trace));
}

function frame(model: TimelineModel, fromMs: number, toMs: number, cursorMs = model.endMs): Frame {
  const geometry = plotGeometry(model.lanes, 900, 300);
  return { model, geometry, palette, fromMs, toMs, x: timeScale(fromMs, toMs, 900), cursorMs, selected: null };
}

beforeAll(installPath2D);

describe('drawKeys on failover-loses-lock', () => {
  const model = modelOf('failover-loses-lock');

  it("draws C1's key on lane M from 6 to 200 ms in C1's colour, and C2's on lane R from 31018 ms in C2's", () => {
    const f = frame(model, 0, 45_000);
    const { ctx, record } = recordingContext();
    drawKeys(ctx, f);
    const [m, r] = [f.geometry.boxes[0], f.geometry.boxes[1]];
    if (m === undefined || r === undefined) throw new Error('lanes missing');
    const c1 = record.rects.filter((b) => b.style === 'owner-C1' && b.height > 8);
    const c2 = record.rects.filter((b) => b.style === 'owner-C2' && b.height > 8);
    expect(c1).toHaveLength(1);
    expect(c1[0]?.x).toBeCloseTo(0.12, 1);
    expect(c1[0]?.width).toBeCloseTo(3.88, 1);
    expect(c1[0]?.y).toBeGreaterThan(m.y);
    expect(c1[0]?.y).toBeLessThan(m.y + m.height);
    expect(c2).toHaveLength(1);
    expect(c2[0]?.x).toBeCloseTo(620.36, 1);
    expect(c2[0]?.y).toBeGreaterThan(r.y);
    // The lost key ends in an x in the fault colour.
    expect(record.paths.some((p) => p.op === 'stroke' && p.style === 'fault')).toBe(true);
  });

  it("zoomed into 40–45 s no key bar is drawn, only the lost key's tail to its expiry at 60 s", () => {
    const { ctx, record } = recordingContext();
    drawKeys(ctx, frame(model, 40_000, 45_000));
    expect(record.rects.filter((b) => b.style.startsWith('owner-'))).toEqual([]);
    expect(record.paths.filter((p) => p.op === 'stroke' && p.style === 'owner-C1').length).toBeGreaterThan(0);
    expect(record.paths.filter((p) => p.style === 'owner-C2')).toEqual([]);
  });
});

describe('drawGhost', () => {
  const model = modelOf('failover-loses-lock');

  it('veils the future right of the cursor in the background colour, and nothing once the cursor is at the end', () => {
    const half = recordingContext();
    drawGhost(half.ctx, frame(model, 0, 45_000, 22_500));
    expect(half.record.rects).toHaveLength(1);
    expect(half.record.rects[0]).toMatchObject({ x: 450, width: 450, style: 'bg' });
    expect(half.record.rects[0]?.alpha).toBeGreaterThan(0.3);
    const end = recordingContext();
    drawGhost(end.ctx, frame(model, 0, 45_000, 45_000));
    expect(end.record.rects).toEqual([]);
  });
});

describe('drawMessages on busy-redlock', () => {
  const model = modelOf('busy-redlock');

  it('the whole minute (10,532 messages on 900 px) is a density strip, not arrows', () => {
    const { ctx, record } = recordingContext();
    drawMessages(ctx, frame(model, 0, 60_000));
    const fills = record.paths.filter((p) => p.op === 'fill');
    expect(fills).toHaveLength(1);
    expect(fills[0]?.rects).toBeGreaterThan(100);
    expect(record.paths.filter((p) => p.op === 'stroke' && p.moves > 0)).toEqual([]);
  });

  it('zoomed to 200 ms, every message in view is an arrow', () => {
    const { ctx, record } = recordingContext();
    drawMessages(ctx, frame(model, 30_000, 30_200));
    const drawn = record.paths.filter((p) => p.op === 'stroke' && p.style !== 'write-stale').reduce((n, p) => n + p.moves, 0);
    const inView = model.messages.items.filter((m) => m.sentMs <= 30_200 && m.endMs >= 30_000).length;
    expect(inView).toBeGreaterThan(0);
    expect(drawn).toBe(inView);
  });
});
