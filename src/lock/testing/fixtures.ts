/**
 * Inputs, events and a friendly world for lock-machine tests. Every scenario number here is
 * a test's choice; the machines take them from LockInput.
 */
import type { StrategySpec, WorkloadSpec } from '../../sim/model/scenario.ts';
import { int, NIL, OK, type Reply } from '../../sim/redis/reply.ts';
import { LOCK_MACHINES, type LockMachineName } from '../machines/index.ts';
import type { LockEvent, LockInput, LockReport, LockRequest, TimerName } from '../protocol.ts';
import { type Driver, drive } from './drive.ts';

export { int, NIL, OK };
export const ZERO: Reply = int(0);

/** Node ids A, B, C, … for an N-node Redlock. */
export const nodeIds = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));

/** One round, one write at the end of a 100 ms critical section, no validity check. */
export function workload(over: Partial<WorkloadSpec> = {}): WorkloadSpec {
  return {
    startMs: 0,
    rounds: 1,
    criticalSectionMs: 100,
    thinkMs: 0,
    writes: 1,
    checkValidityBeforeWrite: false,
    acquireTimeoutMs: 60_000,
    ...over,
  };
}

type Redlock = Extract<StrategySpec, { kind: 'redlock' }>;

/** node-redlock's defaults (R20) with a 50 ms request timeout; TTL 10 s on N nodes. */
export function redlockInput(n: number, strategy: Partial<Redlock> = {}, work: Partial<WorkloadSpec> = {}): LockInput {
  return {
    client: 'C1',
    key: 'lock',
    ttlMs: 10_000,
    nodes: nodeIds(n),
    group: null,
    strategy: {
      kind: 'redlock',
      mode: 'parallel',
      requestTimeoutMs: 50,
      driftFactor: 0.01,
      retryCount: 10,
      retryDelayMs: 200,
      retryJitterMs: 100,
      autoExtend: null,
      ...strategy,
    },
    workload: workload(work),
    fencing: 'none',
  };
}

type SingleKind = 'setnx-expire' | 'set-nx-px-del' | 'set-nx-px-cad';

/** A single-instance lock on node A: 50 ms request timeout, a retry every 150 ms. */
export function singleInput(kind: SingleKind, work: Partial<WorkloadSpec> = {}, ttlMs = 10_000): LockInput {
  return {
    client: 'C1',
    key: 'lock',
    ttlMs,
    nodes: ['A'],
    group: null,
    strategy: { kind, node: 'A', requestTimeoutMs: 50, retryDelayMs: 150 },
    workload: workload(work),
    fencing: 'none',
  };
}

/** A Sentinel group named after its first master M; WAIT for `waitReplicas` with a 100 ms timeout. */
export function failoverInput(waitReplicas: number, work: Partial<WorkloadSpec> = {}): LockInput {
  return {
    client: 'C1',
    key: 'lock',
    ttlMs: 10_000,
    nodes: ['M'],
    group: 'M',
    strategy: { kind: 'single-failover', waitReplicas, waitTimeoutMs: 100, requestTimeoutMs: 50, retryDelayMs: 150 },
    workload: workload(work),
    fencing: 'none',
  };
}

/** The default input of each machine, for tests that run every design. */
export function inputFor(name: LockMachineName, work: Partial<WorkloadSpec> = {}): LockInput {
  switch (name) {
    case 'redlock':
      return redlockInput(3, {}, work);
    case 'redlock-watchdog':
      return redlockInput(3, { autoExtend: { thresholdMs: 500, maxExtensions: 2 } }, work);
    case 'single-failover':
      return failoverInput(0, work);
    default:
      return singleInput(name, work);
  }
}

export const start = (nowMs: number, random = 0): LockEvent => ({ type: 'START', nowMs, random });
export const fire = (timer: TimerName, nowMs: number, random = 0): LockEvent => ({ type: timer, nowMs, random });
export const reply = (req: LockRequest, answer: Reply, nowMs: number, random = 0): LockEvent => ({
  type: 'REPLY',
  reqId: req.reqId,
  node: req.node,
  reply: answer,
  nowMs,
  random,
});
export const master = (reqId: number, node: string | null, nowMs: number): LockEvent => ({
  type: 'MASTER',
  reqId,
  master: node,
  nowMs,
  random: 0,
});

/** What a healthy node answers when the lock is free: +OK, :1 for SETNX/EXPIRE/scripts, WAIT's ack count. */
export function grantingReply(argv: readonly string[]): Reply {
  if (argv[0] === 'SET') return OK;
  if (argv[0] === 'WAIT') return int(Number(argv[1]));
  return int(1);
}

/** The requests the last step sent, in order. */
export const sent = (d: Driver): LockRequest[] => d.effects('send').flatMap((s) => s.requests);

/** Reports of one kind over the whole run. */
export function reportsOf<K extends LockReport['kind']>(d: Driver, kind: K): Extract<LockReport, { kind: K }>[] {
  return d.all('report').filter((r): r is Extract<LockReport, { kind: K }> => r.kind === kind);
}

/**
 * Answers every request (and Sentinel question) the way a free lock would, one message per
 * `stepMs`, until the machine stops asking or reports `acquired`. Returns the client clock.
 */
export function grantUntilAcquired(d: Driver, nowMs: number, stepMs = 2): number {
  let t = nowMs;
  const pending: LockEvent[] = [];
  const enqueue = () => {
    for (const m of d.effects('askMaster')) pending.push(master(m.reqId, 'M', 0));
    for (const r of sent(d)) pending.push(reply(r, grantingReply(r.argv), 0));
  };
  enqueue();
  while (pending.length > 0 && d.effects('report').every((r) => r.kind !== 'acquired')) {
    t += stepMs;
    d.send({ ...(pending.shift() as LockEvent), nowMs: t });
    enqueue();
  }
  return t;
}

/** A machine by name, started with `input` (its default input if none) and sent START at `nowMs`. */
export function started(name: LockMachineName, input: LockInput = inputFor(name), nowMs = 0, random = 7): Driver {
  const d = drive(LOCK_MACHINES[name], input);
  d.send(start(nowMs, random));
  return d;
}
