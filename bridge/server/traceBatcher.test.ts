import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import { TraceBatcher } from './traceBatcher.ts';

const event = (t: number): TraceEvent => ({ t, kind: 'client-done', client: 'C1' });
let sent: { ts: number[]; inReplyTo: string | undefined }[];
let batcher: TraceBatcher;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  batcher = new TraceBatcher({ send: (events, inReplyTo) => sent.push({ ts: events.map((e) => e.t), inReplyTo }) });
});

afterEach(() => {
  batcher.dispose();
  vi.useRealTimers();
});

describe('TraceBatcher', () => {
  it('sends events ~50 ms after the first of a batch, the first batch answering the start-run', () => {
    batcher.answerNextWith('run-1');
    batcher.push(event(0));
    batcher.push(event(1));
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    batcher.push(event(2));
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([
      { ts: [0, 1], inReplyTo: 'run-1' },
      { ts: [2], inReplyTo: undefined },
    ]);
  });

  it('sends a batch at once when it reaches 1,000 events, in order', () => {
    for (let t = 0; t < 2_500; t++) batcher.push(event(t));
    expect(sent.map((b) => b.ts.length)).toEqual([1_000, 1_000]);
    vi.advanceTimersByTime(50);
    expect(sent.flatMap((b) => b.ts)).toEqual(Array.from({ length: 2_500 }, (_, t) => t));
  });

  it("answers a fault with what is waiting, or an empty batch, and a lock-op after the run's waiting events", () => {
    batcher.push(event(0));
    batcher.answerWith('fault-1');
    batcher.answerWith('fault-2');
    batcher.push(event(1));
    batcher.sendAnswer('op-1', [event(5), event(6)]);
    expect(sent).toEqual([
      { ts: [0], inReplyTo: 'fault-1' },
      { ts: [], inReplyTo: 'fault-2' },
      { ts: [1], inReplyTo: undefined },
      { ts: [5, 6], inReplyTo: 'op-1' },
    ]);
  });

  it('sends nothing after the connection is gone', () => {
    batcher.push(event(0));
    batcher.dispose();
    vi.advanceTimersByTime(100);
    batcher.push(event(1));
    batcher.flush();
    expect(sent).toEqual([]);
  });
});
