import { deleteKey, type ExecEnv, lookup, ReadonlyWriteError, setExpire, writeKey } from './execEnv.ts';
import { parseInt64 } from './parseInt64.ts';
import { Errors, err, int, type Reply } from './reply.ts';

/**
 * The Lua scripts the lock clients send, by name, with their exact source (for the
 * real-Redis bridge and the fidelity test) and a TypeScript body with the same effect.
 * A script runs atomically with the clock frozen (R10): the whole body sees one
 * `env.nowMs`, so no key can expire half-way through.
 */
export interface ScriptDef {
  /** The Lua source sent to a real redis-server with EVAL. */
  lua: string;
  /** True if the script can write (refused on a read-only replica). */
  writes: boolean;
  run(env: ExecEnv, keys: readonly string[], args: readonly string[]): Reply;
}

/** Where a script ran into an argument the Lua would reject; mirrors Redis's script error. */
class ScriptError extends Error {}

function pxArg(text: string | undefined): number {
  const n = text === undefined ? null : parseInt64(text);
  if (n === null || n <= 0n) throw new ScriptError("ERR invalid expire time in 'set' command script");
  return Number(n);
}

export const SCRIPTS: Readonly<Record<string, ScriptDef>> = {
  /** R15: release only if the key still holds our value (DL, SET docs). */
  'compare-and-delete': {
    lua: 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("del",KEYS[1]) else return 0 end',
    writes: true,
    run(env, keys, args) {
      const key = keys[0] as string;
      const entry = lookup(env, key);
      if (entry === undefined || entry.value !== args[0]) return int(0);
      return int(deleteKey(env, key) ? 1 : 0);
    },
  },
  /** R16 / redsync "touch": reset the TTL only if the key still holds our value. */
  'compare-and-extend': {
    lua: 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("pexpire",KEYS[1],ARGV[2]) else return 0 end',
    writes: true,
    run(env, keys, args) {
      const key = keys[0] as string;
      const entry = lookup(env, key);
      if (entry === undefined || entry.value !== args[0]) return int(0);
      const n = parseInt64(args[1] ?? '');
      if (n === null) throw new ScriptError(Errors.notInteger);
      const when = env.nowMs + Number(n);
      if (when <= env.nowMs) deleteKey(env, key);
      else setExpire(env, key, when);
      return int(1);
    },
  },
  /** R23 redsync delete: -1 when the key is gone, 0 when someone else holds it. */
  'redsync-delete': {
    lua: 'local val = redis.call("GET", KEYS[1]) if val == ARGV[1] then return redis.call("DEL", KEYS[1]) elseif val == false then return -1 else return 0 end',
    writes: true,
    run(env, keys, args) {
      const key = keys[0] as string;
      const entry = lookup(env, key);
      if (entry === undefined) return int(-1);
      if (entry.value !== args[0]) return int(0);
      return int(deleteKey(env, key) ? 1 : 0);
    },
  },
  /** R20 node-redlock v5 ACQUIRE: all keys or none. */
  'node-redlock-acquire': {
    lua: 'for i, key in ipairs(KEYS) do if redis.call("exists", key) == 1 then return 0 end end for i, key in ipairs(KEYS) do redis.call("set", key, ARGV[1], "PX", ARGV[2]) end return #KEYS',
    writes: true,
    run(env, keys, args) {
      for (const key of keys) if (lookup(env, key) !== undefined) return int(0);
      const pxMs = pxArg(args[1]);
      for (const key of keys) writeKey(env, key, args[0] ?? '', env.nowMs + pxMs);
      return int(keys.length);
    },
  },
  /** R20 node-redlock v5 EXTEND: every key must still hold our value. */
  'node-redlock-extend': {
    lua: 'for i, key in ipairs(KEYS) do if redis.call("get", key) ~= ARGV[1] then return 0 end end for i, key in ipairs(KEYS) do redis.call("set", key, ARGV[1], "PX", ARGV[2]) end return #KEYS',
    writes: true,
    run(env, keys, args) {
      for (const key of keys) if (lookup(env, key)?.value !== args[0]) return int(0);
      const pxMs = pxArg(args[1]);
      for (const key of keys) writeKey(env, key, args[0] ?? '', env.nowMs + pxMs);
      return int(keys.length);
    },
  },
  /** R20 node-redlock v5 RELEASE: count of keys that held our value and were deleted. */
  'node-redlock-release': {
    lua: 'local count = 0 for i, key in ipairs(KEYS) do if redis.call("get", key) == ARGV[1] then redis.pcall("del", key) count = count + 1 end end return count',
    writes: true,
    run(env, keys, args) {
      let count = 0;
      for (const key of keys) {
        if (lookup(env, key)?.value === args[0]) {
          deleteKey(env, key);
          count++;
        }
      }
      return int(count);
    },
  },
};

export const SCRIPT_NAMES = Object.keys(SCRIPTS);

/**
 * Runs a named script atomically. On a replica a script may read; its first write
 * fails with READONLY, as redis.call does (writes made before an error are kept).
 */
export function runScript(env: ExecEnv, name: string, keys: readonly string[], args: readonly string[]): Reply {
  const script = SCRIPTS[name];
  if (script === undefined) return err(Errors.noScript);
  try {
    return script.run(env, keys, args);
  } catch (e) {
    if (e instanceof ScriptError || e instanceof ReadonlyWriteError) return err(e.message);
    throw e;
  }
}
