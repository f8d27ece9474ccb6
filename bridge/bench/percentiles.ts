/** The nearest-rank percentile `p` (0-100] of `samples`; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

/** Runs `once` `warmup` times unmeasured, then `count` times, and returns each round trip in ms. */
export async function sampleMs(once: (i: number) => Promise<void>, count: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const startMs = performance.now();
    await once(warmup + i);
    samples.push(performance.now() - startMs);
  }
  return samples;
}
