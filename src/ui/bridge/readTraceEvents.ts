import type { TraceEvent, TraceKind } from '../../sim/trace/events.ts';

/**
 * The bridge's trace events, checked before the checker and the views read them: the
 * protocol leaves them `unknown` (the bridge is another program, maybe of another version).
 * Each kind's fields that the views and the checker read are checked for their type; an
 * event that fails is skipped and counted, never passed on to crash a view.
 */
type FieldType = 's' | 'n' | 'b' | 'ss' | 'sn';
type Fields = Record<string, FieldType>;

/** 's' string, 'n' finite number, 'b' boolean, 'ss' array of strings, 'sn' string or null. */
const FIELDS = {
  'run-start': { seed: 'n', durationMs: 'n', nodes: 'ss', clients: 'ss' },
  send: { msg: 'n', type: 's', from: 's', to: 's', deliverAtMs: 'n', label: 's' },
  deliver: { msg: 'n', from: 's', to: 's', dueMs: 'n' },
  drop: { msg: 'n', from: 's', to: 's', reason: 's' },
  command: { node: 's', client: 's', argv: 'ss', nodeMs: 'n' },
  reply: { client: 's', node: 's', argv: 'ss', clientMs: 'n' },
  'key-set': { node: 's', key: 's', value: 's', expireAtMs: 'n', via: 's' },
  'key-expire': { node: 's', key: 's', expireAtMs: 'n', via: 's' },
  'key-del': { node: 's', key: 's', cause: 's', via: 's' },
  'full-sync': { node: 's', master: 's', keys: 'n', discarded: 'n' },
  role: { node: 's', role: 's', master: 'sn' },
  'sentinel-down': { node: 's', downSinceMs: 'n' },
  failover: { from: 's', to: 's' },
  'failover-failed': { from: 's', reason: 's' },
  crash: { process: 's', clean: 'b', keysLost: 'n' },
  restart: { process: 's', keysLoaded: 'n', persistence: 's' },
  'restart-delayed': { process: 's', untilMs: 'n' },
  pause: { process: 's', untilMs: 'n' },
  resume: { process: 's', queued: 'n' },
  'clock-jump': { process: 's', deltaMs: 'n', wallMs: 'n' },
  'clock-rate': { process: 's', rate: 'n', wallMs: 'n' },
  partition: { id: 's' },
  heal: { id: 's' },
  'link-fault': { from: 's', to: 's', extraMs: 'n', dropRate: 'n', untilMs: 'n' },
  'wait-done': { node: 's', client: 's', acked: 'n', timedOut: 'b' },
  'aof-fsync': { node: 's', entries: 'n' },
  'client-state': { client: 's', state: 's' },
  'lock-attempt': { client: 's', round: 'n', attempt: 'n', value: 's', clientMs: 'n' },
  'lock-acquired': { client: 's', value: 's', epoch: 'n', votes: 'n', nodes: 'ss', validityMs: 'n', validUntilMs: 'n', clientMs: 'n' },
  'lock-failed': { client: 's', value: 's', votes: 'n', reason: 's', clientMs: 'n' },
  'lock-gave-up': { client: 's', round: 'n', attempts: 'n', clientMs: 'n' },
  'lock-extended': { client: 's', value: 's', votes: 'n', validityMs: 'n', validUntilMs: 'n', clientMs: 'n' },
  'lock-lost': { client: 's', value: 's', reason: 's', clientMs: 'n' },
  'lock-released': { client: 's', value: 's', clientMs: 'n' },
  'lease-expired': { client: 's', value: 's', validUntilMs: 'n' },
  'client-done': { client: 's' },
  'storage-claim': { client: 's', value: 's', epoch: 'n' },
  'storage-write': { client: 's', seq: 'n', epoch: 'n', value: 's', verdict: 's' },
  'run-end': { endMs: 'n', truncated: 'b' },
} as const satisfies Record<TraceKind, Fields>;

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 's':
      return typeof value === 'string';
    case 'n':
      return typeof value === 'number' && Number.isFinite(value);
    case 'b':
      return typeof value === 'boolean';
    case 'ss':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'sn':
      return value === null || typeof value === 'string';
  }
}

/** Why `value` is not a trace event the page can show, or null when it is one. */
export function traceEventProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  if (typeof e.kind !== 'string' || !Object.hasOwn(FIELDS, e.kind)) return `unknown kind ${JSON.stringify(e.kind)}`;
  if (typeof e.t !== 'number' || !Number.isFinite(e.t) || e.t < 0) return `${e.kind}: t is not a time in ms`;
  for (const [field, type] of Object.entries(FIELDS[e.kind as TraceKind] as Fields)) {
    if (!fits(e[field], type)) return `${e.kind} at ${e.t} ms: ${field} is missing or of the wrong type`;
  }
  if (
    e.kind === 'partition' &&
    !(Array.isArray(e.groups) && e.groups.every((g) => Array.isArray(g) && g.every((p) => typeof p === 'string')))
  ) {
    return `partition at ${e.t} ms: groups is not a list of lists of ids`;
  }
  if ((e.kind === 'command' || e.kind === 'reply') && (e.reply === null || typeof e.reply !== 'object')) {
    return `${e.kind} at ${e.t} ms: reply is missing`;
  }
  return null;
}

export interface ReadEvents {
  events: TraceEvent[];
  skipped: number;
  /** The first skipped event's problem, for the notice; null when none was skipped. */
  firstProblem: string | null;
}

export function readTraceEvents(values: readonly unknown[]): ReadEvents {
  const events: TraceEvent[] = [];
  let skipped = 0;
  let firstProblem: string | null = null;
  for (const v of values) {
    const problem = traceEventProblem(v);
    if (problem === null) events.push(v as TraceEvent);
    else {
      skipped++;
      firstProblem ??= problem;
    }
  }
  return { events, skipped, firstProblem };
}
