import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file in a node's dir that holds its clock offset (libfaketime's FAKETIME_TIMESTAMP_FILE). */
export const CLOCK_OFFSET_FILE = 'clock-offset.faketimerc';

/** The largest offset the bridge writes: far beyond any scenario, short of libfaketime's overflow. */
export const CLOCK_OFFSET_MAX_MS = 10 * 365 * 86_400_000;

export function clockOffsetPath(dir: string): string {
  return path.join(dir, CLOCK_OFFSET_FILE);
}

/** libfaketime's relative format: a sign, then seconds with a '.' fraction ("+20.000", "-0.250"). */
export function formatClockOffset(offsetMs: number): string {
  assertOffset(offsetMs);
  const sign = offsetMs < 0 ? '-' : '+';
  return `${sign}${(Math.abs(offsetMs) / 1000).toFixed(3)}`;
}

/** The offset a file written by formatClockOffset holds; undefined for anything else. */
export function parseClockOffset(text: string): number | undefined {
  const match = /^([+-])(\d{1,12})\.(\d{3})\s*$/.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[2]) * 1000 + Number(match[3]);
  return match[1] === '-' ? -ms : ms;
}

/** The offset in `file`; 0 when there is none yet. A file we did not write is an error. */
export function readClockOffset(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  const offsetMs = parseClockOffset(text);
  if (offsetMs === undefined) throw new Error(`${file}: not a clock offset: ${JSON.stringify(text.slice(0, 40))}`);
  return offsetMs;
}

/**
 * Writes the offset atomically (temp file, then rename): libfaketime re-reads the file on
 * every clock call, and must never see it half-written or missing.
 */
export function writeClockOffset(file: string, offsetMs: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${formatClockOffset(offsetMs)}\n`);
  renameSync(temp, file);
}

function assertOffset(offsetMs: number): void {
  if (!Number.isInteger(offsetMs) || Math.abs(offsetMs) > CLOCK_OFFSET_MAX_MS) {
    throw new Error(`clock offset ${offsetMs} ms: expected a whole number of milliseconds within ±${CLOCK_OFFSET_MAX_MS}`);
  }
}
