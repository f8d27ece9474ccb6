import { describe, expect, it } from 'vitest';
import type { BridgeNode } from '../../protocol/bridgeMessages.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { groupMasterNow, type NodeRow, nodeRows } from './nodeActions.ts';
import { presetScenario } from './testing/presetScenario.ts';

/** The bridge's default processes: A–E for Redlock, M with its replica R, the Sentinel S. */
const NODES: BridgeNode[] = [
  ...['A', 'B', 'C', 'D', 'E', 'M'].map((id, i) => ({ id, host: '127.0.0.1', port: 40001 + i, role: 'master' as const })),
  { id: 'R', host: '127.0.0.1', port: 40007, role: 'replica' },
  { id: 'S', host: '127.0.0.1', port: 40008, role: 'sentinel' },
];

const failover = presetScenario('failover-loses-lock');
const redlock = presetScenario('happy-path');

/** Each row as one line a reader can check at a glance: "M master up: Fail over M (Sentinel)". */
function lines(rows: readonly NodeRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      `${r.roleText} | ${r.stateText} | ${r.actions.map((a) => `${a.label}${a.disabledReason === null ? '' : ' [disabled]'}`).join(', ')}`,
    ]),
  );
}

const at = (t: number, e: Record<string, unknown>) => ({ t, ...e }) as TraceEvent;

describe('the node actions during a run on real Redis', () => {
  it('at the start of a failover run: Sentinel failover on the master, Promote on the replica; the Redlock nodes are not in the run', () => {
    const rows = lines(nodeRows(NODES, { scenario: failover, events: [] }));
    expect(rows).toEqual({
      A: 'master | not in this run | ',
      B: 'master | not in this run | ',
      C: 'master | not in this run | ',
      D: 'master | not in this run | ',
      E: 'master | not in this run | ',
      M: 'master | up | Fail over M (Sentinel)',
      R: 'replica | up | Promote R (REPLICAOF NO ONE)',
      S: 'sentinel | watching M | ',
    });
  });

  it('each action carries the protocol message it sends', () => {
    const rows = nodeRows(NODES, { scenario: failover, events: [at(10, { kind: 'pause', process: 'M', untilMs: -1 })] });
    const faults = Object.fromEntries(rows.flatMap((r) => r.actions.map((a) => [a.label, a.fault])));
    expect(faults).toEqual({
      'Resume M': { type: 'resume-node', node: 'M' },
      'Fail over M (Sentinel)': { type: 'failover', method: 'sentinel' },
      'Promote R (REPLICAOF NO ONE)': { type: 'failover', method: 'replicaof', promote: 'R' },
    });
  });

  it('a paused node offers Resume (until it resumes), a down node Restart (until it restarts)', () => {
    const events = [
      at(100, { kind: 'pause', process: 'B', untilMs: -1 }),
      at(200, { kind: 'pause', process: 'C', untilMs: 5000 }),
      at(300, { kind: 'crash', process: 'D', clean: false, keysLost: 1 }),
      at(350, { kind: 'crash', process: 'E', clean: true, keysLost: 0 }),
      at(400, { kind: 'restart-delayed', process: 'E', untilMs: 1200 }),
    ];
    expect(lines(nodeRows(NODES, { scenario: redlock, events }))).toMatchObject({
      A: 'master | up | ',
      B: 'master | paused (until Resume) | Resume B',
      C: 'master | paused until 5,000 ms | Resume C',
      D: 'master | down | Restart D',
      E: 'master | down (restarts at 1,200 ms) | Restart E',
      M: 'master | not in this run | ',
      S: 'sentinel | not in this run | ',
    });
    const later = [
      ...events,
      at(500, { kind: 'resume', process: 'B', queued: 0 }),
      at(5000, { kind: 'resume', process: 'C', queued: 0 }),
      at(600, { kind: 'restart', process: 'D', keysLoaded: 0, persistence: 'none' }),
      at(1200, { kind: 'restart', process: 'E', keysLoaded: 0, persistence: 'none' }),
    ];
    const rows = nodeRows(NODES, { scenario: redlock, events: later });
    expect(rows.flatMap((r) => r.actions)).toEqual([]);
    expect(rows.filter((r) => r.stateText === 'up').map((r) => r.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('a paused node that is killed is down: Restart, not Resume', () => {
    const events = [
      at(100, { kind: 'pause', process: 'A', untilMs: -1 }),
      at(200, { kind: 'crash', process: 'A', clean: false, keysLost: 0 }),
    ];
    expect(lines(nodeRows(NODES, { scenario: redlock, events })).A).toBe('master | down | Restart A');
  });

  it('after Sentinel promoted R: R is the master to fail over; M, down, restarts and then is the replica to promote', () => {
    const failed = [
      at(200, { kind: 'crash', process: 'M', clean: false, keysLost: 1 }),
      at(31_000, { kind: 'failover', from: 'M', to: 'R' }),
      at(31_000, { kind: 'role', node: 'R', role: 'master', master: null }),
    ];
    expect(groupMasterNow(failover, failed)).toBe('R');
    expect(lines(nodeRows(NODES, { scenario: failover, events: failed }))).toMatchObject({
      M: 'replica (was master) | down | Restart M',
      R: 'master (was replica) | up | Fail over R (Sentinel) [disabled]',
      S: 'sentinel | watching R | ',
    });
    const back = [...failed, at(40_000, { kind: 'restart', process: 'M', keysLoaded: 0, persistence: 'none' })];
    expect(lines(nodeRows(NODES, { scenario: failover, events: back }))).toMatchObject({
      M: 'replica (was master) | up | Promote M (REPLICAOF NO ONE)',
      R: 'master (was replica) | up | Fail over R (Sentinel)',
    });
  });

  it('after a REPLICAOF NO ONE on R (the bridge’s role events, then the failover)', () => {
    const events = [
      at(1000, { kind: 'role', node: 'R', role: 'master', master: null }),
      at(1000, { kind: 'role', node: 'M', role: 'replica', master: 'R' }),
      at(1000, { kind: 'failover', from: 'M', to: 'R' }),
    ];
    expect(lines(nodeRows(NODES, { scenario: failover, events }))).toMatchObject({
      M: 'replica (was master) | up | Promote M (REPLICAOF NO ONE)',
      R: 'master (was replica) | up | Fail over R (Sentinel)',
    });
  });

  it('Sentinel failover is disabled with the reason when no replica is up; a down or paused replica is not offered Promote', () => {
    const down = [at(100, { kind: 'crash', process: 'R', clean: false, keysLost: 0 })];
    const rows = nodeRows(NODES, { scenario: failover, events: down });
    const m = rows.find((r) => r.id === 'M');
    expect(m?.actions.map((a) => a.disabledReason)).toEqual(['No replica of M is up to take over.']);
    expect(lines(rows).R).toBe('replica | down | Restart R');
    const paused = [at(100, { kind: 'pause', process: 'R', untilMs: -1 })];
    expect(lines(nodeRows(NODES, { scenario: failover, events: paused })).R).toBe('replica | paused (until Resume) | Resume R');
  });

  it('no Sentinel failover without a Sentinel: in the scenario, or among the bridge’s processes', () => {
    const noSentinel = { ...failover, sentinel: null };
    expect(lines(nodeRows(NODES, { scenario: noSentinel, events: [] }))).toMatchObject({
      M: 'master | up | ',
      R: 'replica | up | Promote R (REPLICAOF NO ONE)',
      S: 'sentinel | not in this run | ',
    });
    const withoutS = NODES.filter((n) => n.role !== 'sentinel');
    expect(lines(nodeRows(withoutS, { scenario: failover, events: [] })).M).toBe('master | up | ');
  });

  it('reads the engine’s own trace of failover-loses-lock: M crashed, Sentinel promoted R', () => {
    const trace = run(failover).trace;
    const rows = lines(nodeRows(NODES, { scenario: failover, events: trace }));
    expect(rows.R).toBe('master (was replica) | up | Fail over R (Sentinel) [disabled]');
    expect(rows.M).toMatch(/^replica \(was master\) \| down/);
  });
});
