import { describe, expect, it } from 'vitest';
import { ANCHOR_SLACK_MS, AnchorBook } from './anchorBook.ts';

/** A clock whose timers fire only when the test advances it, so each placement is exact. */
class ManualClock {
  private timers: { atMs: number; fn: () => void; cancelled: boolean }[] = [];
  at(atMs: number, fn: () => void): () => void {
    const t = { atMs, fn, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }
  advanceTo(nowMs: number): void {
    const due = this.timers.filter((t) => t.atMs <= nowMs && !t.cancelled);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }
}

describe('AnchorBook: a client entry placed on the client’s own progress', () => {
  it('without an anchor, the entry happens at its scenario time', () => {
    const book = new AnchorBook(new ManualClock());
    const placed: number[] = [];
    book.place(9001, undefined, (atMs) => placed.push(atMs));
    expect(placed).toEqual([9001]);
  });

  it('with one, afterMs after the client entered the state for the n-th time, however late that was', () => {
    const clock = new ManualClock();
    const book = new AnchorBook(clock);
    const placed: number[] = [];
    book.place(9001, { entry: 0, state: 'holding.writing', occurrence: 2, afterMs: 1 }, (atMs) => placed.push(atMs));
    book.entered('holding.writing', 4000);
    book.entered('holding.working', 4500);
    expect(placed).toEqual([]);
    book.entered('holding.writing', 9007.5);
    expect(placed).toEqual([9008.5]);
    clock.advanceTo(9001 + ANCHOR_SLACK_MS);
    book.entered('holding.writing', 9300);
    expect(placed).toEqual([9008.5]);
  });

  it('a client that never gets there (another path than the simulation’s) meets the entry ANCHOR_SLACK_MS after its time', () => {
    const clock = new ManualClock();
    const book = new AnchorBook(clock);
    const placed: number[] = [];
    book.place(3, { entry: 0, state: 'acquiring', occurrence: 1, afterMs: 3 }, (atMs) => placed.push(atMs));
    clock.advanceTo(3 + ANCHOR_SLACK_MS - 1);
    expect(placed).toEqual([]);
    clock.advanceTo(3 + ANCHOR_SLACK_MS);
    expect(placed).toEqual([3 + ANCHOR_SLACK_MS]);
    book.entered('acquiring', 400);
    expect(placed).toHaveLength(1);
  });
});
