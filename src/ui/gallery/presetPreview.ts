import { check } from '../../check/check.ts';
import { formatIssues } from '../../scenario/issues.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { type Preview, previewOf } from './previewOf.ts';

/** A preset's run as a card shows it: the thumbnail and the verdict's two words. */
export type PresetPreview =
  | { ok: true; preview: Preview; safe: boolean; deadlocked: boolean }
  /** The preset could not be validated or run: the card says so instead of drawing. */
  | { ok: false; error: string };

/**
 * Every preset's run, computed at most once per page: a run is a pure function of the
 * scenario, so the gallery can be opened and closed at will without running anything again.
 */
const cache = new Map<string, PresetPreview>();

/** The preview if it has been computed already (the first render shows what is ready). */
export function cachedPresetPreview(name: string): PresetPreview | undefined {
  return cache.get(name);
}

/** Runs and checks the preset (once) and summarises it for a thumbnail. Never throws. */
export function presetPreview(name: string): PresetPreview {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const computed = computePreview(name);
  cache.set(name, computed);
  return computed;
}

function computePreview(name: string): PresetPreview {
  const parsed = loadPreset(name);
  if (!parsed.ok) return { ok: false, error: `this preset is not valid: ${formatIssues(parsed.issues)}` };
  try {
    // No trace hash: nobody compares the thumbnails' traces, and hashing is a large part of a short run.
    const result = run(parsed.value, { hash: false });
    const verdict = check(result.trace);
    return { ok: true, preview: previewOf(parsed.value, result.trace, verdict), safe: verdict.safe, deadlocked: verdict.deadlocked };
  } catch (e) {
    return { ok: false, error: `the engine failed on this preset: ${String(e)}` };
  }
}
