import { Sha256 } from '../core/sha256.ts';
import type { TraceEvent } from './events.ts';

/**
 * Canonical JSON: object keys sorted, no whitespace. Numbers use ECMAScript's
 * Number::toString, which is specified exactly, so Node and browsers agree byte for byte.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = obj[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** The canonical serialization of a trace: one canonical JSON event per line. */
export function serializeTrace(trace: readonly TraceEvent[]): string {
  let out = '';
  for (const ev of trace) out += `${canonicalJson(ev)}\n`;
  return out;
}

/** SHA-256 of the canonical serialization, streamed so a long trace needs no giant string. */
export function traceHash(trace: readonly TraceEvent[]): string {
  const h = new Sha256();
  for (const ev of trace) h.update(canonicalJson(ev)).update('\n');
  return h.hex();
}
