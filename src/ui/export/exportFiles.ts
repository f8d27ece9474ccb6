import type { PlaygroundState } from '../store/playgroundStore.ts';
import { scenarioDocument, traceDocument } from './exportDocuments.ts';
import { fileNameFor } from './fileName.ts';
import { timelineSvgDocument } from './timelineSvg.ts';

/** Width of an exported timeline: wide enough for a slide at full resolution; the SVG scales anyway. */
export const EXPORT_WIDTH_PX = 1600;
/** A PNG is drawn at twice that, so it stays crisp on a projector or a high-density screen. */
export const PNG_SCALE = 2;

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

export interface TimelineFile extends ExportFile {
  widthPx: number;
  heightPx: number;
}

type Source = Pick<PlaygroundState, 'scenario' | 'run' | 'theme' | 'cursor'>;

/**
 * The whole run's timeline as an SVG file, in the page's theme; the cursor is marked once it
 * has moved off the start (it is the moment being talked about). Null while nothing has run.
 */
export function timelineSvgFile(s: Source): TimelineFile | null {
  if (s.scenario === null || s.run === null) return null;
  const doc = timelineSvgDocument(s.scenario, s.run.trace, s.run.verdict, {
    fromMs: 0,
    toMs: s.run.endMs,
    widthPx: EXPORT_WIDTH_PX,
    theme: s.theme,
    ...(s.cursor.index >= 0 ? { cursorMs: s.cursor.t } : {}),
  });
  return {
    name: fileNameFor(s.scenario, 'timeline.svg'),
    mime: 'image/svg+xml',
    text: doc.svg,
    widthPx: doc.widthPx,
    heightPx: doc.heightPx,
  };
}

/** The run's trace with its scenario and hash (opens again as the scenario). */
export function traceFile(s: Source): ExportFile | null {
  if (s.scenario === null || s.run === null) return null;
  return { name: fileNameFor(s.scenario, 'trace.json'), mime: 'application/json', text: traceDocument(s.scenario, s.run.trace) };
}

/** The current scenario, edits included, as a file that opens again. */
export function scenarioFile(s: Source): ExportFile | null {
  if (s.scenario === null) return null;
  return { name: fileNameFor(s.scenario, 'scenario.json'), mime: 'application/json', text: scenarioDocument(s.scenario) };
}
