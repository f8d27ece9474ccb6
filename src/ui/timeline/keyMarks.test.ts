import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { keyMarks } from './keyMarks.ts';

const start: TraceEvent = { t: 0, kind: 'run-start', seed: 1, durationMs: 100, nodes: ['A'], clients: ['C1', 'C2'] };

describe('keyMarks', () => {
  it('a value lives from its set to its expiry; an extension of the same value is one life; the owner comes from the attempt', () => {
    const trace: TraceEvent[] = [
      start,
      { t: 0, kind: 'lock-attempt', client: 'C1', round: 1, attempt: 1, value: 'v1', clientMs: 0 },
      { t: 2, kind: 'key-set', node: 'A', key: 'lock', value: 'v1', expireAtMs: 52, via: 'command' },
      { t: 30, kind: 'key-expire', node: 'A', key: 'lock', expireAtMs: 80, via: 'command' },
      { t: 81, kind: 'key-del', node: 'A', key: 'lock', cause: 'expired-active', via: 'active-expiry' },
      { t: 90, kind: 'key-set', node: 'A', key: 'lock', value: 'raw', expireAtMs: -1, via: 'command' },
      { t: 100, kind: 'run-end', endMs: 100, truncated: false },
    ];
    expect(keyMarks(trace)).toEqual([
      { node: 'A', key: 'lock', value: 'v1', owner: 'C1', fromMs: 2, toMs: 81, expireAtMs: 80, via: 'command', end: 'expired' },
      { node: 'A', key: 'lock', value: 'raw', owner: null, fromMs: 90, toMs: 100, expireAtMs: -1, via: 'command', end: 'run-end' },
    ]);
  });

  it('a new value ends the old one as overwritten; a DEL is a deletion', () => {
    const trace: TraceEvent[] = [
      start,
      { t: 1, kind: 'key-set', node: 'A', key: 'k', value: 'a', expireAtMs: -1, via: 'command' },
      { t: 5, kind: 'key-set', node: 'A', key: 'k', value: 'b', expireAtMs: -1, via: 'command' },
      { t: 9, kind: 'key-del', node: 'A', key: 'k', cause: 'command', via: 'command' },
    ];
    expect(keyMarks(trace).map((m) => [m.value, m.fromMs, m.toMs, m.end])).toEqual([
      ['a', 1, 5, 'overwritten'],
      ['b', 5, 9, 'deleted'],
    ]);
  });

  it('S7 without persistence: C1 key on node C is lost in the crash, and C2 later sets its own there', () => {
    const loaded = loadPreset('restart-no-persistence');
    if (!loaded.ok) throw new Error('preset invalid');
    const marks = keyMarks(run(loaded.value).trace).filter((m) => m.node === 'C');
    expect(marks.map((m) => [m.owner, m.end])).toEqual([
      ['C1', 'lost'],
      ['C2', expect.any(String)],
    ]);
    expect((marks[1] as { fromMs: number }).fromMs).toBeGreaterThan((marks[0] as { toMs: number }).toMs);
  });
});
