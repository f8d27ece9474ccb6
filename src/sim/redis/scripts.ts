import type { ExecEnv } from './execEnv.ts';
import { Errors, err, int, type Reply } from './reply.ts';

/**
 * The Lua scripts the lock clients send, by name, with their exact source (for the
 * real-Redis bridge and the fidelity test) and a TypeScript body that follows the Lua
 * line by line through `redis.call`/`redis.pcall`, so that argument checks, READONLY on a
 * replica and error texts come from the same command code as outside a script.
 * A script runs atomically with the clock frozen (R10): the whole body sees one
 * `env.nowMs`, so no key can expire half-way through.
 */
export interface ScriptDef {
  /** The Lua source sent to a real redis-server with EVAL. */
  lua: string;
  /** SHA-1 of `lua`: Redis names the script by it in error replies (tests/fidelity.test.ts checks it). */
  sha1: string;
  /** True if the script can write (refused on a read-only replica). */
  writes: boolean;
  run(redis: ScriptApi, keys: readonly string[], args: readonly string[]): Reply;
}

/** What a script body sees: Lua's `redis.call` (raises on an error reply) and `redis.pcall` (returns it). */
export interface ScriptApi {
  call(...argv: string[]): Reply;
  pcall(...argv: string[]): Reply;
}

/** Runs one command for a script, as script.c does: name, arity, then READONLY, then the command itself. */
export type ScriptCaller = (env: ExecEnv, argv: readonly string[]) => Reply;

/** An error reply raised by redis.call: it aborts the script (writes made before it are kept). */
class ScriptError extends Error {}

/** What Lua sees of a GET reply: the string, or false for nil. */
function str(reply: Reply): string | false {
  return reply.t === 'bulk' && reply.v !== null ? reply.v : false;
}

/** Lua's `a == ARGV[1]`: a missing ARGV is nil, which equals neither a string nor false. */
const luaEq = (a: string | false, b: string | undefined): boolean => b !== undefined && a === b;

export const SCRIPTS: Readonly<Record<string, ScriptDef>> = {
  /** R15: release only if the key still holds our value (DL, SET docs). */
  'compare-and-delete': {
    lua: 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("del",KEYS[1]) else return 0 end',
    sha1: 'b70c2384248f88e6b75b9f89241a180f856ad852',
    writes: true,
    run(redis, keys, args) {
      const key = keys[0] as string;
      if (luaEq(str(redis.call('get', key)), args[0])) return redis.call('del', key);
      return int(0);
    },
  },
  /** R16 / redsync "touch": reset the TTL only if the key still holds our value. */
  'compare-and-extend': {
    lua: 'if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("pexpire",KEYS[1],ARGV[2]) else return 0 end',
    sha1: '36e94d1c6e02fcefaa7ee5d79eee614dbac55f10',
    writes: true,
    run(redis, keys, args) {
      const key = keys[0] as string;
      if (luaEq(str(redis.call('get', key)), args[0])) return redis.call('pexpire', key, args[1] ?? '');
      return int(0);
    },
  },
  /** R23 redsync delete: -1 when the key is gone, 0 when someone else holds it. */
  'redsync-delete': {
    lua: 'local val = redis.call("GET", KEYS[1]) if val == ARGV[1] then return redis.call("DEL", KEYS[1]) elseif val == false then return -1 else return 0 end',
    sha1: '34b1e2231b54d37a0e6d3e924d4eed1bc8105bed',
    writes: true,
    run(redis, keys, args) {
      const key = keys[0] as string;
      const val = str(redis.call('GET', key));
      if (luaEq(val, args[0])) return redis.call('DEL', key);
      return int(val === false ? -1 : 0);
    },
  },
  /** R20 node-redlock v5 ACQUIRE: all keys or none. */
  'node-redlock-acquire': {
    lua: 'for i, key in ipairs(KEYS) do if redis.call("exists", key) == 1 then return 0 end end for i, key in ipairs(KEYS) do redis.call("set", key, ARGV[1], "PX", ARGV[2]) end return #KEYS',
    sha1: '88c24ce5e430e6db7e8c72c0e7ef1f7af9a5a838',
    writes: true,
    run(redis, keys, args) {
      for (const key of keys) {
        const exists = redis.call('exists', key);
        if (exists.t === 'int' && exists.v === 1) return int(0);
      }
      for (const key of keys) redis.call('set', key, args[0] ?? '', 'PX', args[1] ?? '');
      return int(keys.length);
    },
  },
  /** R20 node-redlock v5 EXTEND: every key must still hold our value. */
  'node-redlock-extend': {
    lua: 'for i, key in ipairs(KEYS) do if redis.call("get", key) ~= ARGV[1] then return 0 end end for i, key in ipairs(KEYS) do redis.call("set", key, ARGV[1], "PX", ARGV[2]) end return #KEYS',
    sha1: '8f878ac60a5884afb0cc154180b93edca9f494c0',
    writes: true,
    run(redis, keys, args) {
      for (const key of keys) if (!luaEq(str(redis.call('get', key)), args[0])) return int(0);
      for (const key of keys) redis.call('set', key, args[0] ?? '', 'PX', args[1] ?? '');
      return int(keys.length);
    },
  },
  /** R20 node-redlock v5 RELEASE: counts keys that held our value; pcall ignores a failed DEL (READONLY on a replica). */
  'node-redlock-release': {
    lua: 'local count = 0 for i, key in ipairs(KEYS) do if redis.call("get", key) == ARGV[1] then redis.pcall("del", key) count = count + 1 end end return count',
    sha1: '6d288c8210f6a2573531d4f1fe7d2a5cbcce8127',
    writes: true,
    run(redis, keys, args) {
      let count = 0;
      for (const key of keys) {
        if (luaEq(str(redis.call('get', key)), args[0])) {
          redis.pcall('del', key);
          count++;
        }
      }
      return int(count);
    },
  },
};

export const SCRIPT_NAMES = Object.keys(SCRIPTS);

/**
 * Runs a named script atomically. An error raised by redis.call ends the script, and
 * Redis 7.0 appends where it happened: "<error> script: <sha1>, on @user_script:<line>."
 * (every script here is one line).
 */
export function runScript(env: ExecEnv, name: string, keys: readonly string[], args: readonly string[], caller: ScriptCaller): Reply {
  const script = SCRIPTS[name];
  if (script === undefined) return err(Errors.noScript);
  const api: ScriptApi = {
    pcall: (...argv) => caller(env, argv),
    call: (...argv) => {
      const reply = caller(env, argv);
      if (reply.t === 'err') throw new ScriptError(reply.v);
      return reply;
    },
  };
  try {
    return script.run(api, keys, args);
  } catch (e) {
    if (e instanceof ScriptError) return err(`${e.message} script: ${script.sha1}, on @user_script:1.`);
    throw e;
  }
}
