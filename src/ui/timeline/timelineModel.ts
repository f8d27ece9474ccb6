import type { CheckResult } from '../../check/types.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { MessageType, TraceEvent } from '../../sim/trace/events.ts';
import { type AttemptMark, clientMarks, type WriteMark } from './clientMarks.ts';
import { type FaultMarker, faultMarkers } from './faultMarkers.ts';
import { type KeyMark, keyMarks } from './keyMarks.ts';
import { type Lane, lanesOf } from './lanes.ts';
import { type ClockLine, localClockMarks, trueAtWall } from './localClockMarks.ts';
import { type MessageMark, messageMarks } from './messageMarks.ts';
import { type LinkFaultSpan, networkMarks, type PartitionSpan } from './partitionMarks.ts';
import { type PointMark, processMarks, type StateSpan } from './processMarks.ts';
import { indexByTime, type TimeIndex } from './timeIndex.ts';

/**
 * The timeline's layout, trace → marks: everything the renderer draws, per lane, in true
 * time, computed once per run. Pixel geometry (lane boxes, the time scale) is applied at draw
 * time so zooming never recomputes this. Data in, data out.
 */

export interface LaneModel extends Lane {
  /** For the lane's label button: what the process is (strategy, or starting role). */
  caption: string;
}

/** A key value's life on a node lane. */
export interface KeyBar extends KeyMark {
  row: number;
  /** Position of the owning client in the scenario (its colour), -1 for a raw command's value. */
  ownerSlot: number;
  /** When the node's wall clock reaches expireAtMs, in true time (Infinity: no TTL or no node clock). */
  expireTrueMs: number;
}

export interface SpanBar extends StateSpan {
  row: number;
}

export interface PointGlyph extends PointMark {
  row: number;
}

export interface AttemptBar extends AttemptMark {
  row: number;
}

export interface WriteDot extends WriteMark {
  row: number;
  /** The storage lane's row (writes show there too), -1 if it has none. */
  storageRow: number;
}

/** What the client believed: [startMs, endMs) holding the lock, and when its lease runs out on its own clock. */
export interface BeliefBar {
  row: number;
  client: string;
  epoch: number;
  startMs: number;
  endMs: number;
  endReason: CheckResult['beliefs'][number]['endReason'];
  /** validUntilMs on the client's clock, as true time. */
  leaseEndMs: number;
  /**
   * Until when the client went on acting as the holder: for a belief the checker ends at the
   * lease's expiry, the moment the client itself let go (released, learned it lost the lock,
   * crashed, or finished). A client paused through its expiry (Kleppmann's GC pause) still
   * writes when it wakes: that stretch is drawn hatched. Otherwise endMs.
   */
  actsUntilMs: number;
  ownerSlot: number;
}

/** The first event after a lease expired at which the client stopped acting as the holder. */
function actsUntil(trace: readonly TraceEvent[], b: CheckResult['beliefs'][number]): number {
  if (b.endReason !== 'expired') return b.endMs;
  for (let i = b.endIndex + 1; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    const mine =
      ((e.kind === 'lock-released' || e.kind === 'lock-lost') && e.value === b.value) ||
      ((e.kind === 'client-done' || e.kind === 'lock-attempt') && e.client === b.client) ||
      (e.kind === 'crash' && e.process === b.client) ||
      e.kind === 'run-end';
    if (mine) return Math.max(b.endMs, e.t);
  }
  return b.endMs;
}

/** What an arrow is for, which picks its colour: lock traffic, replication, sentinel, the protected resource. */
export type MessageFamily = 'lock' | 'replication' | 'sentinel' | 'storage';

export interface MessageArrow extends MessageMark {
  fromRow: number;
  toRow: number;
  /** Arrival, else the drop, else the send. */
  endMs: number;
  family: MessageFamily;
}

export interface ViolationModel {
  fromMs: number;
  toMs: number;
  clients: [string, string];
  rows: [number, number];
  /** "C1 and C2 both hold the lock from 31020 to 36022 ms". */
  label: string;
  explanation: string;
}

export interface ClockTrace extends ClockLine {
  row: number;
}

export interface LinkFaultBar extends LinkFaultSpan {
  row: number;
}

export interface RoleChange {
  node: string;
  t: number;
  caption: string;
}

export interface TimelineModel {
  endMs: number;
  lanes: LaneModel[];
  keys: TimeIndex<KeyBar>;
  spans: TimeIndex<SpanBar>;
  points: TimeIndex<PointGlyph>;
  attempts: TimeIndex<AttemptBar>;
  beliefs: TimeIndex<BeliefBar>;
  writes: TimeIndex<WriteDot>;
  messages: TimeIndex<MessageArrow>;
  violations: ViolationModel[];
  /** Only the clocks that ever differ from true time. */
  clocks: ClockTrace[];
  /** The largest |local − true| of any drawn clock (scales the clock lines), 0 if none. */
  clockRangeMs: number;
  faults: FaultMarker[];
  /** Network partitions, drawn in the row above the lanes. */
  partitions: PartitionSpan[];
  /** Degraded links, on the sender's lane. */
  links: LinkFaultBar[];
  /** Role changes of nodes, in time order (for the lane captions at the cursor). */
  roles: RoleChange[];
  /** Trace index → the checker's words for it (a violation's causes), for highlighted causes. */
  causeText: Map<number, string>;
}

const FAMILY: Record<MessageType, MessageFamily> = {
  request: 'lock',
  reply: 'lock',
  repl: 'replication',
  'repl-ack': 'replication',
  sync: 'replication',
  snapshot: 'replication',
  sentinel: 'sentinel',
  write: 'storage',
  'write-reply': 'storage',
  claim: 'storage',
};

function laneCaption(scenario: Scenario, lane: Lane): string {
  if (lane.kind === 'node') {
    const spec = scenario.nodes.find((n) => n.id === lane.id);
    return spec?.replicaOf === undefined ? 'master' : `replica of ${spec.replicaOf}`;
  }
  if (lane.kind === 'client') return scenario.clients.find((c) => c.id === lane.id)?.strategy.kind ?? 'client';
  if (lane.id === 'storage') return scenario.fencing === 'none' ? 'resource, no fencing' : `resource, fencing ${scenario.fencing}`;
  return lane.id === 'sentinel' ? 'failure detector' : 'service';
}

export function timelineModel(scenario: Scenario, trace: readonly TraceEvent[], verdict: CheckResult): TimelineModel {
  const last = trace[trace.length - 1];
  const endMs = last === undefined ? 0 : last.kind === 'run-end' ? last.endMs : last.t;
  const lanes: LaneModel[] = lanesOf(trace).map((lane) => ({ ...lane, caption: laneCaption(scenario, lane) }));
  const rowOf = new Map(lanes.map((l) => [l.id, l.row]));
  const row = (id: string) => rowOf.get(id) ?? -1;
  const slotOf = new Map(scenario.clients.map((c, i) => [c.id, i]));
  const slot = (client: string | null) => (client === null ? -1 : (slotOf.get(client) ?? -1));
  const clockLines = localClockMarks(scenario, trace);
  const clockOf = new Map(clockLines.map((c) => [c.process, c]));
  const toTrue = (process: string, wallMs: number, afterMs: number) => {
    const line = clockOf.get(process);
    return line === undefined ? Number.POSITIVE_INFINITY : trueAtWall(line, wallMs, afterMs);
  };

  const keys = keyMarks(trace).map((k) => ({
    ...k,
    row: row(k.node),
    ownerSlot: slot(k.owner),
    expireTrueMs: k.expireAtMs < 0 ? Number.POSITIVE_INFINITY : toTrue(k.node, k.expireAtMs, k.fromMs),
  }));
  const processes = processMarks(trace);
  const clients = clientMarks(trace, verdict);
  const storageRow = row('storage');
  const beliefs: BeliefBar[] = clients.beliefs.map((b) => ({
    row: row(b.client),
    client: b.client,
    epoch: b.epoch,
    startMs: b.startMs,
    endMs: b.endMs,
    endReason: b.endReason,
    leaseEndMs: toTrue(b.client, b.validUntilMs, b.startMs),
    actsUntilMs: actsUntil(trace, b),
    ownerSlot: slot(b.client),
  }));
  const messages: MessageArrow[] = messageMarks(trace).map((m) => ({
    ...m,
    fromRow: row(m.from),
    toRow: row(m.to),
    endMs: m.arrivedMs ?? m.droppedMs ?? m.sentMs,
    family: FAMILY[m.type],
  }));
  const violations: ViolationModel[] = verdict.exclusionViolations.map((v) => ({
    fromMs: v.atMs,
    toMs: v.untilMs,
    clients: v.clients,
    rows: [row(v.clients[0]), row(v.clients[1])],
    label: `${v.clients[0]} and ${v.clients[1]} both hold the lock from ${v.atMs} to ${v.untilMs} ms`,
    explanation: v.explanation,
  }));
  const clocks = clockLines.filter((c) => c.deviates && rowOf.has(c.process)).map((c) => ({ ...c, row: row(c.process) }));
  const clockRangeMs = Math.max(0, ...clocks.flatMap((c) => c.points.map((p) => Math.abs(p.offsetMs))));
  const roles: RoleChange[] = [];
  for (const e of trace) {
    if (e.kind === 'role') roles.push({ node: e.node, t: e.t, caption: e.role === 'master' ? 'master' : `replica of ${e.master ?? '?'}` });
  }
  const network = networkMarks(trace);
  const causeText = new Map<number, string>();
  for (const v of verdict.exclusionViolations)
    for (const c of v.causes) if (!causeText.has(c.index)) causeText.set(c.index, `${c.t} ms ${c.text}`);

  return {
    endMs,
    lanes,
    keys: indexByTime(
      keys,
      (k) => k.fromMs,
      (k) => (Number.isFinite(k.expireTrueMs) ? Math.max(k.toMs, k.expireTrueMs) : k.toMs),
    ),
    spans: indexByTime(
      processes.spans.map((s) => ({ ...s, row: row(s.process) })),
      (s) => s.fromMs,
      (s) => s.toMs,
    ),
    points: indexByTime(
      processes.points.map((p) => ({ ...p, row: row(p.process) })),
      (p) => p.t,
      (p) => p.t,
    ),
    attempts: indexByTime(
      clients.attempts.map((a) => ({ ...a, row: row(a.client) })),
      (a) => a.fromMs,
      (a) => a.toMs,
    ),
    beliefs: indexByTime(
      beliefs,
      (b) => b.startMs,
      (b) => Math.max(b.endMs, b.actsUntilMs, Number.isFinite(b.leaseEndMs) ? b.leaseEndMs : b.endMs),
    ),
    writes: indexByTime(
      clients.writes.map((w) => ({ ...w, row: row(w.client), storageRow })),
      (w) => w.t,
      (w) => w.t,
    ),
    messages: indexByTime(
      messages,
      (m) => m.sentMs,
      (m) => m.endMs,
    ),
    violations,
    clocks,
    clockRangeMs,
    faults: faultMarkers(scenario, trace),
    partitions: network.partitions,
    links: network.links.map((l) => ({ ...l, row: row(l.from) })),
    roles,
    causeText,
  };
}

/** A lane's caption at true time t: a node's role follows failovers; the rest never change. */
export function captionAt(model: TimelineModel, lane: LaneModel, t: number): string {
  let caption = lane.caption;
  for (const r of model.roles) {
    if (r.t > t) break;
    if (r.node === lane.id) caption = r.caption;
  }
  return caption;
}
