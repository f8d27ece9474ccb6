import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import type { CheckResult } from '../../check/types.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { timelineModel } from '../timeline/timelineModel.ts';
import { exportPalette } from './exportPalette.ts';
import { LABEL_COLUMN_PX, PAD_PX } from './svgGeometry.ts';
import { parseXml, type XmlElement } from './testing/xml.ts';
import { type TimelineSvgOptions, timelineSvg, timelineSvgDocument } from './timelineSvg.ts';

interface Run {
  scenario: Scenario;
  trace: TraceEvent[];
  verdict: CheckResult;
  endMs: number;
}

function runOf(name: string, edit: (s: Scenario) => Scenario = (s) => s): Run {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  const scenario = edit(loaded.value);
  const trace = run(scenario).trace;
  return { scenario, trace, verdict: check(trace), endMs: (trace[trace.length - 1] as TraceEvent).t };
}

function svgOf(r: Run, options: Partial<TimelineSvgOptions> = {}): { text: string; elements: XmlElement[] } {
  const text = timelineSvg(r.scenario, r.trace, r.verdict, { fromMs: 0, toMs: r.endMs, widthPx: 1000, theme: 'light', ...options });
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(`not well-formed XML: ${parsed.error}`);
  return { text, elements: parsed.elements };
}

const withClass = (elements: XmlElement[], cls: string) => elements.filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));
const num = (e: XmlElement | undefined, attr: string) => Number(e?.attrs[attr]);

describe('timelineSvg: failover-loses-lock (S8)', () => {
  const r = runOf('failover-loses-lock');
  const { text, elements } = svgOf(r);

  it('is a well-formed standalone SVG document with the scenario name and verdict as its title', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(elements[0]?.attrs.width).toBe('1000');
    expect(elements.find((e) => e.name === 'title' && e.parent?.name === 'svg')?.text).toBe(
      'Failover loses the lock (S8) — UNSAFE: 1 exclusion violation, 1 stale write',
    );
    expect(withClass(elements, 'title')[0]?.text).toBe('Failover loses the lock (S8)');
  });

  it('has one lane label per process, top to bottom: nodes, clients, then sentinel and storage', () => {
    const labels = withClass(elements, 'lane-label');
    expect(labels.map((l) => l.text)).toEqual(['M', 'R', 'C1', 'C2', 'sentinel', 'storage']);
    const ys = labels.map((l) => num(l, 'y'));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('draws the violation band from 31020 to 36022 ms at the x positions of those times', () => {
    const bands = withClass(elements, 'violation-band');
    expect(bands).toHaveLength(1);
    const plotLeft = PAD_PX + LABEL_COLUMN_PX;
    const plotWidth = 1000 - PAD_PX - plotLeft;
    const xOf = (t: number) => plotLeft + (t * plotWidth) / r.endMs;
    expect(num(bands[0], 'x')).toBeCloseTo(xOf(31020), 0);
    expect(num(bands[0], 'x') + num(bands[0], 'width')).toBeCloseTo(xOf(36022), 0);
    expect(bands[0]?.children[0]?.text).toContain('C1 and C2 both hold the lock from 31020 to 36022 ms');
  });

  it('shows both beliefs, the stale write and the crash, and carries explicit colours only', () => {
    expect(withClass(elements, 'belief').map((b) => b.attrs['data-client'])).toEqual(['C1', 'C2']);
    expect(withClass(elements, 'write-stale')).toHaveLength(1);
    expect(withClass(elements, 'crash')).toHaveLength(1);
    expect(text).not.toContain('var(');
    expect(text).not.toMatch(/rgba?\(/);
  });

  it('a range before the violation has no band; the dark theme has the dark background', () => {
    const early = svgOf(r, { fromMs: 0, toMs: 20_000, theme: 'dark' });
    expect(withClass(early.elements, 'violation-band')).toHaveLength(0);
    expect(withClass(early.elements, 'background')[0]?.attrs.fill).toBe(exportPalette('dark').bg);
    expect(withClass(elements, 'background')[0]?.attrs.fill).toBe(exportPalette('light').bg);
  });

  it('marks the cursor only when asked, at its time', () => {
    expect(withClass(elements, 'cursor')).toHaveLength(0);
    const at = svgOf(r, { cursorMs: 31020 });
    expect(withClass(at.elements, 'cursor').map((c) => c.attrs['data-ms'])).toEqual(['31020']);
  });

  it('zoomed in, marks stay near the plot (clipped there) instead of running to huge coordinates', () => {
    const zoomed = svgOf(r, { fromMs: 31_000, toMs: 37_000 });
    const inPlot = (e: XmlElement): boolean => e.parent !== null && (e.parent.attrs['clip-path'] !== undefined || inPlot(e.parent));
    const rects = zoomed.elements.filter((e) => e.name === 'rect' && inPlot(e));
    expect(rects.length).toBeGreaterThan(5);
    for (const e of rects) {
      expect(num(e, 'x')).toBeGreaterThanOrEqual(PAD_PX + LABEL_COLUMN_PX - 16);
      expect(num(e, 'x') + num(e, 'width')).toBeLessThanOrEqual(1000 - PAD_PX + 16);
    }
  });
});

describe('timelineSvg: hostile text', () => {
  it('escapes a scenario name with <, & and quotes: the document stays well-formed and the title reads as typed', () => {
    const name = `Tom & Jerry's <script>alert("x")</script> ]]>`;
    const r = runOf('failover-loses-lock', (s) => ({ ...s, name, description: 'a < b && c > d' }));
    const { text, elements } = svgOf(r);
    expect(text).not.toContain('<script>');
    expect(withClass(elements, 'title')[0]?.text).toBe(name);
    expect(elements.find((e) => e.name === 'desc')?.text).toContain('a < b && c > d');
  });

  it('drops characters XML cannot hold (control characters, lone surrogates)', () => {
    const r = runOf('failover-loses-lock', (s) => ({ ...s, name: 'bell\u0007 and \ud800 half' }));
    const { elements } = svgOf(r);
    expect(withClass(elements, 'title')[0]?.text).toBe('bell and  half');
  });
});

describe('timelineSvg: busy-redlock (18,826 events)', () => {
  const r = runOf('busy-redlock');

  it('stays well-formed and under 2 MB, thinning the 10,532 arrows to those a pixel apart', () => {
    expect(r.trace.length).toBe(18_826);
    const doc = timelineSvgDocument(r.scenario, r.trace, r.verdict, { fromMs: 0, toMs: r.endMs, widthPx: 1600, theme: 'light' });
    expect(doc.svg.length).toBeLessThan(2_000_000);
    const parsed = parseXml(doc.svg);
    if (!parsed.ok) throw new Error(parsed.error);
    const arrows = Number(withClass(parsed.elements, 'messages')[0]?.attrs['data-arrows']);
    expect(arrows).toBeGreaterThan(1000);
    expect(arrows).toBeLessThan(10_532);
    expect(withClass(parsed.elements, 'lane-label')).toHaveLength(9);
    expect(withClass(parsed.elements, 'violation-band')).toHaveLength(0);
    expect(doc.heightPx).toBeGreaterThan(9 * 20);
  });

  it('zoomed to one second, nearly every arrow in view is drawn (thinning only bites when arrows crowd)', () => {
    const { elements } = svgOf(r, { fromMs: 30_000, toMs: 31_000, widthPx: 1600 });
    const arrows = Number(withClass(elements, 'messages')[0]?.attrs['data-arrows']);
    const inView = timelineModel(r.scenario, r.trace, r.verdict).messages.items.filter((m) => m.sentMs <= 31_000 && m.endMs >= 30_000);
    expect(inView.length).toBeGreaterThan(100);
    expect(arrows).toBeGreaterThan(inView.length * 0.9);
    expect(arrows).toBeLessThanOrEqual(inView.length);
  });
});
