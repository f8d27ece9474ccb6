import { deleteKey, type ExecEnv, lookup, setExpire, writeKey } from './execEnv.ts';
import { INT64_MAX, inInt64, parseInt64 } from './parseInt64.ts';
import { bulk, Errors, err, int, NIL, OK, type Reply } from './reply.ts';
import { runScript } from './scripts.ts';

/**
 * The Redis 7.0 commands the engine implements, each a small function over an ExecEnv.
 * Argument checks, their order and the error texts follow t_string.c, expire.c and db.c,
 * so that the fidelity test can compare replies with a real redis-server one for one.
 */
type Handler = (env: ExecEnv, argv: readonly string[]) => Reply;

interface CommandDef {
  /** Redis arity: positive = exact, negative = at least |arity| (argv includes the name). */
  arity: number;
  write: boolean;
  run: Handler;
}

export const COMMANDS: Readonly<Record<string, CommandDef>> = {
  SET: { arity: -3, write: true, run: setCommand },
  SETNX: { arity: 3, write: true, run: setnxCommand },
  GET: { arity: 2, write: false, run: getCommand },
  DEL: { arity: -2, write: true, run: delCommand },
  EXISTS: { arity: -2, write: false, run: existsCommand },
  EXPIRE: { arity: -3, write: true, run: (env, argv) => expireCommand(env, argv, 1000) },
  PEXPIRE: { arity: -3, write: true, run: (env, argv) => expireCommand(env, argv, 1) },
  PTTL: { arity: 2, write: false, run: (env, argv) => ttlCommand(env, argv, true) },
  TTL: { arity: 2, write: false, run: (env, argv) => ttlCommand(env, argv, false) },
  INCR: { arity: 2, write: true, run: incrCommand },
  PING: { arity: -1, write: false, run: pingCommand },
  // EVAL is not flagged `write` in Redis 7.0: on a replica a script may read, and its first
  // write fails inside it, where redis.call runs the same checks as a client command.
  EVAL: { arity: -3, write: false, run: evalCommand },
  // WAIT blocks the connection, so the node handles it; it is listed for arity and role checks.
  WAIT: { arity: 3, write: false, run: () => err('ERR WAIT is handled by the node') },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** Checks name and arity; returns the definition or the error Redis would answer. */
export function resolveCommand(argv: readonly string[]): CommandDef | Reply {
  const name = (argv[0] ?? '').toUpperCase();
  const def = COMMANDS[name];
  if (def === undefined) return err(Errors.unknownCommand(argv));
  const ok = def.arity >= 0 ? argv.length === def.arity : argv.length >= -def.arity;
  if (!ok) return err(Errors.arity(name));
  return def;
}

/**
 * Executes one command, from a client or from a script's redis.call (script.c runs the same
 * checks in the same order). Writes on a replica are refused (replica-read-only yes) before
 * the command looks at its arguments.
 */
export function executeCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const def = resolveCommand(argv);
  if (!('run' in def)) return def;
  if (def.write && !env.isMaster) return err(Errors.readonly);
  return def.run(env, argv);
}

function setCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const key = argv[1] as string;
  const value = argv[2] as string;
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let expireArg: string | null = null;
  let unit: 'EX' | 'PX' | null = null;
  for (let i = 3; i < argv.length; i++) {
    const opt = (argv[i] as string).toUpperCase();
    const next = argv[i + 1];
    if (opt === 'NX' && !xx) nx = true;
    else if (opt === 'XX' && !nx) xx = true;
    else if (opt === 'GET') get = true;
    else if (opt === 'KEEPTTL' && unit === null) keepTtl = true;
    else if ((opt === 'EX' || opt === 'PX') && (unit === null || unit === opt) && !keepTtl && next !== undefined) {
      // Like t_string.c, a repeated EX (or PX) is accepted and the last value wins.
      expireArg = next;
      unit = opt;
      i++;
    } else return err(Errors.syntax);
  }
  let expireAtMs = -1;
  if (expireArg !== null) {
    const n = parseInt64(expireArg);
    if (n === null) return err(Errors.notInteger);
    // getExpireMillisecondsOrReply: positive, and the absolute deadline (now + ttl) must fit in
    // an int64; Redis detects the overflow as a deadline <= 0. The bound therefore depends on
    // the node's wall clock, which in a simulation starts near 0 rather than at the Unix epoch.
    const unitMs = unit === 'EX' ? 1000n : 1n;
    if (n <= 0n || n * unitMs + BigInt(env.nowMs) > INT64_MAX) return err(Errors.invalidExpire('set'));
    expireAtMs = env.nowMs + Number(n * unitMs);
  }
  const existing = lookup(env, key);
  const old = existing === undefined ? NIL : bulk(existing.value);
  if ((nx && existing !== undefined) || (xx && existing === undefined)) return get ? old : NIL;
  if (keepTtl && existing !== undefined) expireAtMs = existing.expireAtMs;
  writeKey(env, key, value, expireAtMs);
  return get ? old : OK;
}

function setnxCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const key = argv[1] as string;
  if (lookup(env, key) !== undefined) return int(0);
  writeKey(env, key, argv[2] as string, -1);
  return int(1);
}

function getCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const entry = lookup(env, argv[1] as string);
  return entry === undefined ? NIL : bulk(entry.value);
}

function delCommand(env: ExecEnv, argv: readonly string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (deleteKey(env, argv[i] as string)) n++;
  return int(n);
}

function existsCommand(env: ExecEnv, argv: readonly string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (lookup(env, argv[i] as string) !== undefined) n++;
  return int(n);
}

/** EXPIRE/PEXPIRE with NX|XX|GT|LT (expire.c expireGenericCommand). */
function expireCommand(env: ExecEnv, argv: readonly string[], unitMs: number): Reply {
  const name = (argv[0] as string).toLowerCase();
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  for (let i = 3; i < argv.length; i++) {
    const opt = (argv[i] as string).toUpperCase();
    if (opt === 'NX') nx = true;
    else if (opt === 'XX') xx = true;
    else if (opt === 'GT') gt = true;
    else if (opt === 'LT') lt = true;
    else return err(Errors.unsupportedOption(argv[i] as string));
  }
  if (nx && (xx || gt || lt)) return err(Errors.expireNxXx);
  if (gt && lt) return err(Errors.expireGtLt);
  const n = parseInt64(argv[2] as string);
  if (n === null) return err(Errors.notInteger);
  const deltaMs = n * BigInt(unitMs);
  const when = deltaMs + BigInt(env.nowMs);
  if (!inInt64(deltaMs) || !inInt64(when)) return err(Errors.invalidExpire(name));
  const key = argv[1] as string;
  const entry = lookup(env, key);
  if (entry === undefined) return int(0);
  const whenMs = Number(when);
  const current = entry.expireAtMs;
  if (nx && current >= 0) return int(0);
  if (xx && current < 0) return int(0);
  if (gt && (current < 0 || whenMs <= current)) return int(0);
  if (lt && current >= 0 && whenMs >= current) return int(0);
  // checkAlreadyExpired: a deadline at or before now deletes the key at once (on a master).
  if (whenMs <= env.nowMs) {
    deleteKey(env, key);
    return int(1);
  }
  setExpire(env, key, whenMs);
  return int(1);
}

function ttlCommand(env: ExecEnv, argv: readonly string[], inMs: boolean): Reply {
  const entry = lookup(env, argv[1] as string);
  if (entry === undefined) return int(-2);
  if (entry.expireAtMs < 0) return int(-1);
  const ttlMs = Math.max(0, entry.expireAtMs - env.nowMs);
  return int(inMs ? ttlMs : Math.floor((ttlMs + 500) / 1000));
}

function incrCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const key = argv[1] as string;
  const entry = lookup(env, key);
  let current = 0n;
  if (entry !== undefined) {
    const n = parseInt64(entry.value);
    if (n === null) return err(Errors.notInteger);
    current = n;
  }
  const next = current + 1n;
  if (!inInt64(next)) return err(Errors.overflow);
  writeKey(env, key, next.toString(), entry === undefined ? -1 : entry.expireAtMs);
  return int(Number(next));
}

function pingCommand(_env: ExecEnv, argv: readonly string[]): Reply {
  if (argv.length > 2) return err(Errors.arity('ping'));
  return argv.length === 2 ? bulk(argv[1] as string) : { t: 'status', v: 'PONG' };
}

/** EVAL <script name> numkeys key... arg...: the engine's scripts are named, not Lua. */
function evalCommand(env: ExecEnv, argv: readonly string[]): Reply {
  const numkeys = parseInt64(argv[2] as string);
  if (numkeys === null) return err(Errors.notInteger);
  if (numkeys < 0n) return err(Errors.numkeysNegative);
  if (numkeys > BigInt(argv.length - 3)) return err(Errors.numkeysTooMany);
  const k = Number(numkeys);
  return runScript(env, argv[1] as string, argv.slice(3, 3 + k), argv.slice(3 + k), executeCommand);
}
