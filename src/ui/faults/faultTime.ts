/** A fault's time as typed in the fault list, checked before it goes to the store. */
export type FaultTimeInput = { ok: true; atMs: number } | { ok: false; message: string };

export function parseFaultTime(text: string, durationMs: number): FaultTimeInput {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n)) return { ok: false, message: 'Enter a time in ms.' };
  if (!Number.isInteger(n)) return { ok: false, message: 'Use a whole number of ms.' };
  if (n < 0) return { ok: false, message: 'The run starts at 0 ms.' };
  if (n > durationMs) return { ok: false, message: `The run ends at ${durationMs} ms.` };
  return { ok: true, atMs: n };
}

/** "1,234": the cursor's time on the inject button, grouped so it reads at a glance. */
export function formatMs(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}
