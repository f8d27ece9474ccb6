import { LIMITS } from '../../scenario/limits.ts';

export const SEED_MAX = LIMITS.seedMax;

/** The seed field: a whole number in [0, SEED_MAX]. Anything else gets a message saying why. */
export function parseSeed(text: string): { ok: true; seed: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'the seed is a whole number, 0 or more' };
  const seed = Number(trimmed);
  if (!Number.isSafeInteger(seed) || seed > SEED_MAX) return { ok: false, message: `the seed is at most ${SEED_MAX}` };
  return { ok: true, seed };
}
