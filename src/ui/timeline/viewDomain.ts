/**
 * The visible time range ("domain") of the main plot and how it maps to d3-zoom's transform.
 * The zoom's base scale maps the whole run [0, endMs] onto [0, widthPx]; a transform
 * {k, x} shows [−x/k, (widthPx − x)/k] of that in base pixels. Pure maths, so the
 * brush ↔ zoom ↔ buttons round trips can be tested.
 */
export type Domain = [number, number];

/** The shortest range one can zoom into: a few ms still shows a message's latency. */
export const MIN_SPAN_MS = 4;

export function fullDomain(endMs: number): Domain {
  return [0, Math.max(1, endMs)];
}

/** Keeps a range inside the run and at least MIN_SPAN_MS long (or the whole run if shorter). */
export function clampDomain([fromMs, toMs]: Domain, endMs: number): Domain {
  const full = Math.max(1, endMs);
  const span = Math.min(full, Math.max(Math.min(MIN_SPAN_MS, full), toMs - fromMs));
  const from = Math.min(Math.max(0, fromMs), full - span);
  return [from, from + span];
}

export interface ZoomTransform {
  k: number;
  x: number;
}

/** The d3-zoom transform (x only) that shows `domain` on a plot `widthPx` wide. */
export function transformFor([fromMs, toMs]: Domain, endMs: number, widthPx: number): ZoomTransform {
  const full = Math.max(1, endMs);
  const k = full / Math.max(1e-9, toMs - fromMs);
  return { k, x: (-fromMs / full) * widthPx * k };
}

/** The range a d3-zoom transform shows. */
export function domainOf(t: ZoomTransform, endMs: number, widthPx: number): Domain {
  const msPerPx = Math.max(1, endMs) / Math.max(1, widthPx);
  // `+ 0` turns −0 (from x = 0) into 0, so the full view reads as [0, end].
  return [(-t.x / t.k) * msPerPx + 0, ((widthPx - t.x) / t.k) * msPerPx];
}

/** Zooms by `factor` (2 = twice as close) around `centerMs`, clamped to the run. */
export function zoomedDomain([fromMs, toMs]: Domain, factor: number, centerMs: number, endMs: number): Domain {
  const from = centerMs - (centerMs - fromMs) / factor;
  const to = centerMs + (toMs - centerMs) / factor;
  return clampDomain([from, to], endMs);
}
