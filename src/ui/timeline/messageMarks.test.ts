import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { lanesOf } from './lanes.ts';
import { messageMarks } from './messageMarks.ts';

const start: TraceEvent = { t: 0, kind: 'run-start', seed: 1, durationMs: 100, nodes: ['A', 'B'], clients: ['C1'] };

describe('lanes', () => {
  it('nodes first, then clients, then the services seen in the trace', () => {
    const trace: TraceEvent[] = [
      start,
      { t: 5, kind: 'send', msg: 1, type: 'write', from: 'C1', to: 'storage', deliverAtMs: 7, label: 'write #1' },
    ];
    expect(lanesOf(trace).map((l) => [l.id, l.kind, l.row])).toEqual([
      ['A', 'node', 0],
      ['B', 'node', 1],
      ['C1', 'client', 2],
      ['storage', 'service', 3],
    ]);
  });

  it('refuses a trace without its run-start', () => {
    expect(() => lanesOf([])).toThrow(/run-start/);
  });
});

describe('messageMarks', () => {
  it('an arrow from send to delivery, moved later when the receiver was paused', () => {
    const trace: TraceEvent[] = [
      start,
      { t: 1, kind: 'send', msg: 1, type: 'request', from: 'C1', to: 'A', deliverAtMs: 3, label: 'SET lock' },
      { t: 3, kind: 'send', msg: 2, type: 'reply', from: 'A', to: 'C1', deliverAtMs: 5, label: 'OK' },
      { t: 40, kind: 'deliver', msg: 2, from: 'A', to: 'C1', dueMs: 5 },
    ];
    expect(messageMarks(trace).map((m) => [m.msg, m.from, m.to, m.sentMs, m.arrivedMs, m.dropped, m.index])).toEqual([
      [1, 'C1', 'A', 1, 3, null, 1],
      [2, 'A', 'C1', 3, 40, null, 2],
    ]);
  });

  it('a dropped message has no arrival and says why', () => {
    const trace: TraceEvent[] = [
      start,
      { t: 1, kind: 'send', msg: 1, type: 'request', from: 'C1', to: 'B', deliverAtMs: -1, label: 'SET lock' },
      { t: 1, kind: 'drop', msg: 1, from: 'C1', to: 'B', reason: 'partition' },
      { t: 2, kind: 'send', msg: 2, type: 'request', from: 'C1', to: 'A', deliverAtMs: 4, label: 'SET lock' },
      { t: 4, kind: 'drop', msg: 2, from: 'C1', to: 'A', reason: 'process-down' },
    ];
    expect(messageMarks(trace).map((m) => [m.msg, m.arrivedMs, m.dropped, m.droppedMs])).toEqual([
      [1, null, 'partition', 1],
      [2, null, 'process-down', 4],
    ]);
  });
});
