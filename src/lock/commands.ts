/**
 * The Redis commands each lock design sends, as argv (redis-cli style). Pure: the machines
 * call these with values from their context.
 */
import type { StrategyKind } from '../sim/model/scenario.ts';

/** Acquire: SETNX for the blog-post lock, else the atomic SET NX PX (R1, R12). */
export function acquireArgv(kind: StrategyKind, key: string, value: string, ttlMs: number): string[] {
  if (kind === 'setnx-expire') return ['SETNX', key, value];
  return ['SET', key, value, 'NX', 'PX', String(ttlMs)];
}

/** The second round trip of the SETNX lock: EXPIRE takes whole seconds (at least 1). */
export function expireArgv(key: string, ttlMs: number): string[] {
  return ['EXPIRE', key, String(Math.max(1, Math.ceil(ttlMs / 1000)))];
}

/** Release: a plain DEL for the naive locks, else the compare-and-delete script (R15). */
export function releaseArgv(kind: StrategyKind, key: string, value: string): string[] {
  if (kind === 'setnx-expire' || kind === 'set-nx-px-del') return ['DEL', key];
  return ['EVAL', 'compare-and-delete', '1', key, value];
}

/** Extend: reset the TTL only if the key still holds our value (R16). */
export function extendArgv(key: string, value: string, ttlMs: number): string[] {
  return ['EVAL', 'compare-and-extend', '1', key, value, String(ttlMs)];
}

/** Redisson's synced-replicas check: WAIT for n replica acknowledgements (R7, R25). */
export function waitArgv(replicas: number, timeoutMs: number): string[] {
  return ['WAIT', String(replicas), String(timeoutMs)];
}
