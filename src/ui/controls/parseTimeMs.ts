/** A time typed by the user: "1200", "1200 ms", "1.2 s" or "1.2s", within [0, endMs]; rounded to whole ms. */
export function parseTimeMs(text: string, endMs: number): { ok: true; ms: number } | { ok: false; message: string } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(text.replace(/,/g, ''));
  if (m === null) return { ok: false, message: 'a time is a number of ms, or of seconds with "s" (e.g. 1200 or 1.2 s)' };
  const value = Number(m[1]) * ((m[2] ?? 'ms').toLowerCase() === 's' ? 1000 : 1);
  const ms = Math.round(value);
  if (ms > endMs) return { ok: false, message: `the run ends at ${endMs} ms` };
  return { ok: true, ms };
}
