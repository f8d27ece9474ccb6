/**
 * The lock machines speak in scenario milliseconds and name their scripts (src/lock/commands.ts);
 * a real server needs wall-clock milliseconds and Lua. This turns one into the other: TTLs are
 * divided by the run's speed (a 10 s lease at speed 2 is 5 s on the real node), EXPIRE's whole
 * seconds become PEXPIRE milliseconds (same meaning, finer grain once scaled), and a script name
 * becomes its Lua source — the same text the simulator's script table carries (a test keeps them equal).
 */
export const LOCK_SCRIPTS: Readonly<Record<string, string>> = {
  'compare-and-delete': 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("del",KEYS[1]) else return 0 end',
  'compare-and-extend': 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("pexpire",KEYS[1],ARGV[2]) else return 0 end',
};

/** Scenario ms → wall ms for a TTL: never 0 (PX 0 is an error), whole ms. */
export function scaledTtlMs(ttlMs: number, speed: number): number {
  return Math.max(1, Math.round(ttlMs / speed));
}

export function realArgv(argv: readonly string[], speed: number): string[] {
  const name = (argv[0] ?? '').toUpperCase();
  const out = [...argv];
  if (name === 'SET') {
    const px = out.findIndex((a, i) => i >= 3 && a.toUpperCase() === 'PX');
    if (px >= 0 && out[px + 1] !== undefined) out[px + 1] = String(scaledTtlMs(Number(out[px + 1]), speed));
    return out;
  }
  if (name === 'EXPIRE') return ['PEXPIRE', out[1] ?? '', String(scaledTtlMs(Number(out[2]) * 1000, speed))];
  if (name === 'WAIT') {
    const timeoutMs = Number(out[2]);
    // WAIT 0 blocks forever: keep it; otherwise scale like any other duration.
    return ['WAIT', out[1] ?? '0', String(timeoutMs === 0 ? 0 : scaledTtlMs(timeoutMs, speed))];
  }
  if (name === 'EVAL') {
    const script = out[1] ?? '';
    const lua = LOCK_SCRIPTS[script];
    if (lua === undefined) throw new Error(`the bridge has no Lua for the script "${script}"`);
    out[1] = lua;
    if (script === 'compare-and-extend' && out[5] !== undefined) out[5] = String(scaledTtlMs(Number(out[5]), speed));
    return out;
  }
  return out;
}
