import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { describeTraceEvent } from './describeTraceEvent.ts';

function traceOf(name: string): TraceEvent[] {
  const parsed = loadPreset(name);
  if (!parsed.ok) throw new Error(name);
  return run(parsed.value).trace;
}

describe('describeTraceEvent', () => {
  it('says who believes they hold the lock, and on what votes', () => {
    const acquired = traceOf('failover-loses-lock').find((e) => e.kind === 'lock-acquired');
    if (acquired === undefined) throw new Error('no acquisition');
    expect(describeTraceEvent(acquired)).toMatch(/^C1 believes it holds the lock \(epoch 1, 1 vote\(s\): M\), valid \d+ ms on its clock$/);
  });

  it('reads a key without a TTL as the deadlock it is', () => {
    const set = traceOf('setnx-expire-crash').find((e) => e.kind === 'key-set');
    if (set === undefined) throw new Error('no key-set');
    expect(describeTraceEvent(set)).toContain('no TTL');
  });

  it('has a sentence for every event of several presets, never just the kind', () => {
    for (const name of ['failover-loses-lock', 'clock-jump', 'gc-pause-after-acquire', 'watchdog-renewal-paused', 'restart-aof-everysec']) {
      for (const e of traceOf(name)) {
        const text = describeTraceEvent(e);
        expect(text, `${name} ${e.kind}`).not.toBe(e.kind);
        expect(text.length).toBeGreaterThan(8);
      }
    }
  });
});
