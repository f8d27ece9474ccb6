import { InvariantError } from './assert.ts';

/** Anything the scheduler can order: a true time and a tie-breaking sequence number. */
export interface Scheduled {
  atMs: number;
  seq: number;
}

/**
 * A binary min-heap ordered by (atMs, seq). `seq` is assigned at push time and only
 * grows, so two events at the same millisecond run in the order they were scheduled:
 * ties are deterministic.
 */
export class Scheduler<T extends Scheduled> {
  private heap: T[] = [];
  private nextSeq = 0;
  private lastPoppedMs = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `item` at `item.atMs`; assigns its sequence number. */
  push(item: T): T {
    // Hot path: test first, build the message only on failure.
    if (!Number.isInteger(item.atMs)) fail(`event time must be an integer ms, got ${item.atMs}`);
    if (item.atMs < this.lastPoppedMs) fail(`cannot schedule in the past: ${item.atMs} < ${this.lastPoppedMs}`);
    item.seq = this.nextSeq++;
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (before(p, item)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
    return item;
  }

  peekTimeMs(): number {
    const top = this.heap[0];
    return top === undefined ? Number.POSITIVE_INFINITY : top.atMs;
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop() as T;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && before(heap[r] as T, heap[l] as T)) c = r;
        const child = heap[c] as T;
        if (before(last, child)) break;
        heap[i] = child;
        i = c;
      }
      heap[i] = last;
    }
    this.lastPoppedMs = top.atMs;
    return top;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

function fail(message: string): never {
  throw new InvariantError(message);
}
