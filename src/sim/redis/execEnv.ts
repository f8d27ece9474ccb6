import type { Change } from './change.ts';
import { type Entry, isExpired, type Keyspace } from './keyspace.ts';

/** What one command sees while it runs: the keys, a frozen wall-clock snapshot (R2, R10), the role. */
export interface ExecEnv {
  keys: Keyspace;
  /** The node's wall clock when the command (or script) started; constant while it runs. */
  nowMs: number;
  isMaster: boolean;
  /** Changes this command made, in order (the caller replicates, persists and traces them). */
  changes: Change[];
}

/**
 * Looks a key up the way Redis's lookupKey does. On a master an expired key is deleted
 * and the DEL recorded (R3). A replica never deletes: it reports a logically expired key
 * as missing but keeps it until the master's DEL arrives (R6).
 */
export function lookup(env: ExecEnv, key: string): Entry | undefined {
  const entry = env.keys.get(key);
  if (entry === undefined) return undefined;
  if (!isExpired(entry, env.nowMs)) return entry;
  if (env.isMaster) {
    env.keys.delete(key);
    env.changes.push({ kind: 'del', key, cause: 'expired-passive' });
  }
  return undefined;
}

/**
 * A write reached a replica's keyspace. Commands and redis.call refuse writes on a replica
 * before they run (commands.ts), so this is a bug guard: it should never be thrown.
 */
export class ReadonlyWriteError extends Error {}

function assertWritable(env: ExecEnv): void {
  if (!env.isMaster) throw new ReadonlyWriteError("READONLY You can't write against a read only replica.");
}

export function writeKey(env: ExecEnv, key: string, value: string, expireAtMs: number): void {
  assertWritable(env);
  env.keys.set(key, value, expireAtMs);
  env.changes.push({ kind: 'set', key, value, expireAtMs });
}

export function deleteKey(env: ExecEnv, key: string): boolean {
  if (lookup(env, key) === undefined) return false;
  assertWritable(env);
  env.keys.delete(key);
  env.changes.push({ kind: 'del', key, cause: 'command' });
  return true;
}

export function setExpire(env: ExecEnv, key: string, expireAtMs: number): void {
  const entry = env.keys.get(key);
  if (entry === undefined) return;
  assertWritable(env);
  entry.expireAtMs = expireAtMs;
  env.changes.push({ kind: 'expire', key, expireAtMs });
}
