import type { ProcessId, Scenario, TimelineEntry, TimelineKind } from '../../sim/model/scenario.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { faultTargets, firstLockClient, firstMaster, partitionIds } from './faultTargets.ts';

/**
 * The fault form's state: one timeline entry being written, before it has a time. Numbers
 * are kept as the text the user typed, so "", "-5" or "1e9" can be shown back with a message
 * instead of being silently coerced. `staysDown` / `noEnd` stand for the null of
 * restartAfterMs / durationMs ("stays down", "until healed", "until the run ends").
 */
export type FaultDraft =
  | { kind: 'crash-node'; node: ProcessId; clean: boolean; restartAfterMs: string; staysDown: boolean }
  | { kind: 'restart-node'; node: ProcessId }
  | { kind: 'pause-node'; node: ProcessId; durationMs: string }
  | { kind: 'kill-master'; restartAfterMs: string; staysDown: boolean }
  | { kind: 'crash-client'; client: ProcessId }
  | { kind: 'pause-client'; client: ProcessId; durationMs: string }
  | { kind: 'clock-jump'; process: ProcessId; deltaMs: string }
  | { kind: 'clock-rate'; process: ProcessId; rate: string }
  /** Every process and its side: B is the ones the user ticked, A the rest. */
  | { kind: 'partition'; id: string; sides: PartitionSide[]; durationMs: string; noEnd: boolean }
  /** null heals every partition. */
  | { kind: 'heal'; id: string | null }
  | { kind: 'link-delay'; from: ProcessId; to: ProcessId; extraMs: string; durationMs: string; noEnd: boolean }
  | { kind: 'link-drop'; from: ProcessId; to: ProcessId; rate: string; durationMs: string; noEnd: boolean };

export interface PartitionSide {
  process: ProcessId;
  onSideB: boolean;
}

/** A field of a draft (the form shows the message next to it). */
export type DraftField =
  | 'node'
  | 'client'
  | 'process'
  | 'durationMs'
  | 'restartAfterMs'
  | 'deltaMs'
  | 'rate'
  | 'id'
  | 'sideB'
  | 'from'
  | 'to'
  | 'extraMs';

export interface DraftIssue {
  field: DraftField;
  message: string;
}

/** What the form calls each field; messages start with it, so they read on their own. */
export const DRAFT_FIELD_LABELS: Record<DraftField, string> = {
  node: 'Node',
  client: 'Client',
  process: 'Clock of',
  durationMs: 'Duration',
  restartAfterMs: 'Restart after',
  deltaMs: 'Jump',
  rate: 'Rate',
  id: 'Partition id',
  sideB: 'Side B',
  from: 'From',
  to: 'To',
  extraMs: 'Delay',
};

/** What a partition id may look like (the scenario schema's id rule). */
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,23}$/;
const PAUSE_MS = 5_000;
const RESTART_AFTER_MS = 5_000;
const CLOCK_JUMP_MS = 10_000;
const CLOCK_RATE = 2;
const PARTITION_MS = 10_000;

/**
 * A draft that does something worth watching in this scenario: it aims at the first master
 * and the first lock client, kills the master for good, jumps a clock by +10 s, delays the
 * first client's writes past the lock's TTL, and keeps a partition up long enough for
 * Sentinel to fail over.
 */
export function defaultDraft(kind: TimelineKind, scenario: Scenario): FaultDraft {
  const master = firstMaster(scenario) ?? '';
  const client = firstLockClient(scenario) ?? '';
  switch (kind) {
    case 'crash-node':
      return { kind, node: master, clean: false, restartAfterMs: String(RESTART_AFTER_MS), staysDown: false };
    case 'restart-node':
      return { kind, node: nodeLeftDown(scenario) ?? master };
    case 'pause-node':
      return { kind, node: master, durationMs: String(PAUSE_MS) };
    case 'kill-master':
      return { kind, restartAfterMs: String(RESTART_AFTER_MS), staysDown: true };
    case 'crash-client':
      return { kind, client };
    case 'pause-client':
      return { kind, client, durationMs: String(PAUSE_MS) };
    case 'clock-jump':
      return { kind, process: master, deltaMs: String(CLOCK_JUMP_MS) };
    case 'clock-rate':
      return { kind, process: master, rate: String(CLOCK_RATE) };
    case 'partition': {
      // Long enough for Sentinel to notice the master is gone and promote a replica.
      const durationMs =
        scenario.sentinel === null ? PARTITION_MS : scenario.sentinel.downAfterMs + scenario.sentinel.promotionMs + PAUSE_MS;
      // The master and a client cut off together: Sentinel promotes a replica while the client still writes to the old master.
      const sides = faultTargets(scenario).all.map((process) => ({ process, onSideB: process === master || process === client }));
      return { kind, id: unusedPartitionId(scenario), sides, durationMs: String(durationMs), noEnd: false };
    }
    case 'heal':
      return { kind, id: null };
    case 'link-delay': {
      // A write that lands after the lease is over: the classic delayed write.
      const ttlMs = String(scenario.lock.ttlMs);
      return { kind, from: client, to: 'storage', extraMs: ttlMs, durationMs: ttlMs, noEnd: false };
    }
    case 'link-drop':
      return { kind, from: master, to: client, rate: '1', durationMs: String(PAUSE_MS), noEnd: false };
  }
}

/** Every problem with a draft in this scenario; empty when buildFault may be called. */
export function validateDraft(draft: FaultDraft, scenario: Scenario): DraftIssue[] {
  const targets = faultTargets(scenario);
  const issues: DraftIssue[] = [];
  // "Duration must be…" or "Duration: enter…": the message reads as a sentence about the field.
  const add = (field: DraftField, message: string) =>
    issues.push({ field, message: `${DRAFT_FIELD_LABELS[field]}${message.startsWith(':') ? '' : ' '}${message}` });
  const need = (field: DraftField, id: string, among: readonly string[], what: string) => {
    if (id === '') add(field, `: choose a ${what}.`);
    else if (!among.includes(id)) add(field, `: there is no ${what} "${id}" in this scenario.`);
  };
  const whole = (field: DraftField, text: string, min: number, max: number) => {
    const problem = wholeNumberProblem(text, min, max);
    if (problem !== null) add(field, problem);
  };
  switch (draft.kind) {
    case 'crash-node':
    case 'kill-master':
      if (draft.kind === 'crash-node') need('node', draft.node, targets.nodes, 'node');
      if (!draft.staysDown) whole('restartAfterMs', draft.restartAfterMs, 0, LIMITS.durationMsMax);
      break;
    case 'restart-node':
      need('node', draft.node, targets.nodes, 'node');
      break;
    case 'pause-node':
      need('node', draft.node, targets.nodes, 'node');
      whole('durationMs', draft.durationMs, 1, LIMITS.durationMsMax);
      break;
    case 'crash-client':
      need('client', draft.client, targets.clients, 'client');
      break;
    case 'pause-client':
      need('client', draft.client, targets.clients, 'client');
      whole('durationMs', draft.durationMs, 1, LIMITS.durationMsMax);
      break;
    case 'clock-jump':
      need('process', draft.process, targets.clockOwners, 'node or client');
      whole('deltaMs', draft.deltaMs, -LIMITS.clockOffsetMsMax, LIMITS.clockOffsetMsMax);
      if (draft.deltaMs.trim() !== '' && Number(draft.deltaMs) === 0) add('deltaMs', 'of 0 ms would change nothing.');
      break;
    case 'clock-rate': {
      need('process', draft.process, targets.clockOwners, 'node or client');
      const problem = rateProblem(draft.rate);
      if (problem !== null) add('rate', problem);
      break;
    }
    case 'partition': {
      if (!ID_PATTERN.test(draft.id)) add('id', 'must be a letter, then up to 23 letters, digits, _ or -.');
      const unknown = draft.sides.filter((s) => !targets.all.includes(s.process)).map((s) => `"${s.process}"`);
      if (unknown.length > 0) add('sideB', `: there is no process ${unknown.join(', ')} in this scenario.`);
      else if (!draft.sides.some((s) => s.onSideB)) add('sideB', 'is empty: tick at least one process to cut off.');
      else if (draft.sides.every((s) => s.onSideB)) add('sideB', 'holds every process: leave at least one on side A.');
      if (!draft.noEnd) whole('durationMs', draft.durationMs, 1, LIMITS.durationMsMax);
      break;
    }
    case 'heal':
      if (draft.id !== null && !partitionIds(scenario).includes(draft.id)) add('id', `: no partition "${draft.id}" in this scenario.`);
      break;
    case 'link-delay':
    case 'link-drop': {
      need('from', draft.from, targets.all, 'process');
      need('to', draft.to, targets.all, 'process');
      if (draft.from !== '' && draft.from === draft.to) add('to', 'must differ from From: a link joins two processes.');
      if (draft.kind === 'link-delay') whole('extraMs', draft.extraMs, 1, LIMITS.latencyMsMax);
      else {
        const problem = dropRateProblem(draft.rate);
        if (problem !== null) add('rate', problem);
      }
      if (!draft.noEnd) whole('durationMs', draft.durationMs, 1, LIMITS.durationMsMax);
      break;
    }
  }
  return issues;
}

/**
 * The timeline entry a valid draft stands for, at `atMs` rounded to a whole ms (the cursor
 * can sit between milliseconds). Throws on a draft validateDraft refuses to pass.
 */
export function buildFault(draft: FaultDraft, atMs: number): TimelineEntry {
  const at = Math.max(0, Math.round(atMs));
  const optional = (text: string, none: boolean) => (none ? null : numberOf(text));
  switch (draft.kind) {
    case 'crash-node':
      return {
        atMs: at,
        kind: draft.kind,
        node: draft.node,
        clean: draft.clean,
        restartAfterMs: optional(draft.restartAfterMs, draft.staysDown),
      };
    case 'restart-node':
      return { atMs: at, kind: draft.kind, node: draft.node };
    case 'pause-node':
      return { atMs: at, kind: draft.kind, node: draft.node, durationMs: numberOf(draft.durationMs) };
    case 'kill-master':
      return { atMs: at, kind: draft.kind, restartAfterMs: optional(draft.restartAfterMs, draft.staysDown) };
    case 'crash-client':
      return { atMs: at, kind: draft.kind, client: draft.client };
    case 'pause-client':
      return { atMs: at, kind: draft.kind, client: draft.client, durationMs: numberOf(draft.durationMs) };
    case 'clock-jump':
      return { atMs: at, kind: draft.kind, process: draft.process, deltaMs: numberOf(draft.deltaMs) };
    case 'clock-rate':
      return { atMs: at, kind: draft.kind, process: draft.process, rate: numberOf(draft.rate) };
    case 'partition': {
      const groups = [draft.sides.filter((s) => !s.onSideB), draft.sides.filter((s) => s.onSideB)].map((g) => g.map((s) => s.process));
      return { atMs: at, kind: draft.kind, id: draft.id, groups, durationMs: optional(draft.durationMs, draft.noEnd) };
    }
    case 'heal':
      return { atMs: at, kind: draft.kind, id: draft.id };
    case 'link-delay':
      return {
        atMs: at,
        kind: draft.kind,
        from: draft.from,
        to: draft.to,
        extraMs: numberOf(draft.extraMs),
        durationMs: optional(draft.durationMs, draft.noEnd),
      };
    case 'link-drop':
      return {
        atMs: at,
        kind: draft.kind,
        from: draft.from,
        to: draft.to,
        rate: numberOf(draft.rate),
        durationMs: optional(draft.durationMs, draft.noEnd),
      };
  }
}

/** "p1", or the first "pN" the timeline does not use yet (a second partition must not replace the first). */
export function unusedPartitionId(scenario: Scenario): string {
  const used = new Set(partitionIds(scenario));
  let n = 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

/** A node the timeline crashes and never restarts: the one a user most likely wants back. */
function nodeLeftDown(scenario: Scenario): ProcessId | undefined {
  for (const e of scenario.timeline) if (e.kind === 'crash-node' && e.restartAfterMs === null) return e.node;
  return undefined;
}

function numberOf(text: string): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`not a number: "${text}"`);
  return n;
}

function wholeNumberProblem(text: string, min: number, max: number): string | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return ': enter a number of ms.';
  if (!Number.isInteger(n)) return 'must be a whole number of ms.';
  if (n < min) return min === 0 ? 'cannot be negative.' : `must be at least ${min} ms.`;
  if (n > max) return `must be at most ${max} ms.`;
  return null;
}

function rateProblem(text: string): string | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return ': enter a number (1 is true time, 2 runs twice as fast).';
  if (n <= 0) return 'must be above 0 (1 is true time).';
  if (n < LIMITS.clockRateMin || n > LIMITS.clockRateMax) return `must be between ${LIMITS.clockRateMin} and ${LIMITS.clockRateMax}.`;
  return null;
}

function dropRateProblem(text: string): string | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return ': enter a number from 0 to 1 (1 drops every message).';
  if (n < 0 || n > 1) return 'must be from 0 to 1 (0.5 drops half the messages).';
  return null;
}
