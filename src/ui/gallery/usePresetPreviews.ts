import { useEffect, useState } from 'react';
import { cachedPresetPreview, type PresetPreview, presetPreview } from './presetPreview.ts';

/**
 * How long one slice of preview work may hold the main thread before the page gets to paint
 * and take input again (a frame is ≈16 ms; a run takes 1–70 ms, busy-redlock the longest).
 */
const SLICE_MS = 12;

function cachedOf(names: readonly string[]): ReadonlyMap<string, PresetPreview> {
  const ready = new Map<string, PresetPreview>();
  for (const name of names) {
    const known = cachedPresetPreview(name);
    if (known !== undefined) ready.set(name, known);
  }
  return ready;
}

/**
 * The presets' previews, in the order given, computed after the first paint in short slices,
 * so the gallery opens at once and the thumbnails appear one after the other. Previews already
 * computed (an earlier opening) are there from the first render. `names` should be stable.
 */
export function usePresetPreviews(names: readonly string[]): ReadonlyMap<string, PresetPreview> {
  const [ready, setReady] = useState(() => cachedOf(names));
  useEffect(() => {
    const pending = names.filter((n) => cachedPresetPreview(n) === undefined);
    if (pending.length === 0) {
      setReady((shown) => (shown.size === names.length ? shown : cachedOf(names)));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const slice = () => {
      const started = performance.now();
      // At least one per slice, so even a slow machine makes progress.
      do {
        const name = pending.shift();
        if (name !== undefined) presetPreview(name);
      } while (pending.length > 0 && performance.now() - started < SLICE_MS);
      if (cancelled) return;
      setReady(cachedOf(names));
      if (pending.length > 0) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [names]);
  return ready;
}
