import type { CheckResult } from '../../check/types.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { timelineModel } from '../timeline/timelineModel.ts';
import { exportPalette } from './exportPalette.ts';
import { svgAttempts, svgBeliefs, svgWrites } from './svgClients.ts';
import { clamped, type SvgFrame, svgGeometry, svgTimeScale } from './svgGeometry.ts';
import { svgHeader, titleText } from './svgHeader.ts';
import { svgKeys } from './svgKeys.ts';
import { svgAxis, svgLaneBackgrounds, svgLaneLabels } from './svgLanes.ts';
import { svgLegend } from './svgLegend.ts';
import { svgMessages } from './svgMessages.ts';
import { svgCursor, svgFaults, svgViolations } from './svgOverlay.ts';
import { svgClocks, svgPoints } from './svgPoints.ts';
import { svgNetwork, svgStateSpans } from './svgSpans.ts';
import { escapeXml, px } from './svgText.ts';

export interface TimelineSvgOptions {
  /** The range of true time shown. */
  fromMs: number;
  toMs: number;
  /** The picture's width; its height follows from the number of lanes. */
  widthPx: number;
  theme: 'light' | 'dark';
  /** A moment to mark with the cursor line, if any. */
  cursorMs?: number;
}

export interface SvgDocument {
  svg: string;
  widthPx: number;
  heightPx: number;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif";

/**
 * The run's space-time diagram as a standalone SVG document (for slides and papers): one
 * lane per process, the same marks as the page's timeline, every colour explicit (no CSS
 * variables, no stylesheet), every text escaped. Pure: data in, text out.
 */
export function timelineSvgDocument(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  verdict: CheckResult,
  options: TimelineSvgOptions,
): SvgDocument {
  const model = timelineModel(scenario, trace, verdict);
  const [fromMs, toMs] = range(options.fromMs, options.toMs);
  const geometry = svgGeometry(model.lanes, options.widthPx);
  const palette = exportPalette(options.theme);
  const xFree = svgTimeScale(geometry, fromMs, toMs);
  const f: SvgFrame = { model, geometry, palette, fromMs, toMs, x: clamped(geometry, xFree), xFree };
  const { widthPx: w, heightPx: h } = geometry;
  const title = titleText(scenario, verdict);
  const clip = `<clipPath id="rlp-plot"><rect x="${px(geometry.plotLeft)}" y="${px(geometry.topRow.y)}" width="${px(geometry.plotRight - geometry.plotLeft)}" height="${px(geometry.lanesBottom - geometry.topRow.y)}"/></clipPath>`;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="rlp-title" font-family="${escapeXml(FONT)}">`,
    `<title id="rlp-title">${escapeXml(title)}</title>`,
    `<desc>${escapeXml(`Space-time diagram of the run, true time ${fromMs} to ${toMs} ms. ${scenario.description}`)}</desc>`,
    `<defs>${clip}</defs>`,
    `<rect class="background" x="0" y="0" width="${w}" height="${h}" fill="${palette.bg}"/>`,
    svgHeader(scenario, verdict, geometry, palette, fromMs, toMs),
    svgLaneBackgrounds(f),
    svgLaneLabels(f),
    '<g clip-path="url(#rlp-plot)">',
    svgStateSpans(f),
    svgNetwork(f),
    svgKeys(f),
    svgAttempts(f),
    svgBeliefs(f),
    svgWrites(f),
    svgMessages(f),
    svgClocks(f),
    svgPoints(f),
    svgViolations(f),
    svgFaults(f),
    svgCursor(f, options.cursorMs),
    '</g>',
    svgAxis(f),
    svgLegend(geometry, palette),
    '</svg>\n',
  ];
  return { svg: parts.join(''), widthPx: w, heightPx: h };
}

/** The same, as the document's text. */
export function timelineSvg(scenario: Scenario, trace: readonly TraceEvent[], verdict: CheckResult, options: TimelineSvgOptions): string {
  return timelineSvgDocument(scenario, trace, verdict, options).svg;
}

/** A usable range from whatever was asked: finite, in order, at least 1 ms long. */
function range(fromMs: number, toMs: number): [number, number] {
  const a = Number.isFinite(fromMs) ? fromMs : 0;
  const b = Number.isFinite(toMs) ? toMs : a + 1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return [lo, Math.max(hi, lo + 1)];
}
