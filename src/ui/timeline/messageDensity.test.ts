import { describe, expect, it } from 'vitest';
import { decimateArrows, messageDensity, tooDenseForArrows } from './messageDensity.ts';
import { indexByTime } from './timeIndex.ts';
import type { MessageArrow } from './timelineModel.ts';

function arrow(msg: number, fromRow: number, toRow: number, sentMs: number, arrivedMs: number | null): MessageArrow {
  return {
    msg,
    from: `P${fromRow}`,
    to: `P${toRow}`,
    type: 'request',
    label: '',
    sentMs,
    arrivedMs,
    dropped: arrivedMs === null ? 'loss' : null,
    droppedMs: arrivedMs === null ? sentMs : null,
    index: msg,
    fromRow,
    toRow,
    endMs: arrivedMs ?? sentMs,
    family: 'lock',
  };
}

describe('decimateArrows', () => {
  it('skips arrows between the same two lanes less than a pixel apart, keeps other lanes', () => {
    const index = indexByTime(
      [arrow(1, 0, 1, 0, 2), arrow(2, 0, 1, 1, 3), arrow(3, 1, 0, 1, 3), arrow(4, 0, 1, 10, 12)],
      (m) => m.sentMs,
      (m) => m.endMs,
    );
    // 0.5 px per ms: messages 1 and 2 (0 and 1 ms) are 0.5 px apart.
    const drawn = decimateArrows(index, 0, 4, 0, (t) => t * 0.5, 1).map((i) => index.items[i]?.msg);
    expect(drawn).toEqual([1, 3, 4]);
  });

  it('zoomed in (5 px per ms) every arrow is drawn', () => {
    const index = indexByTime(
      [arrow(1, 0, 1, 0, 2), arrow(2, 0, 1, 1, 3)],
      (m) => m.sentMs,
      (m) => m.endMs,
    );
    expect(decimateArrows(index, 0, 2, 0, (t) => t * 5, 1)).toEqual([0, 1]);
  });
});

describe('messageDensity', () => {
  it('counts sends on the sender lane and arrivals on the receiver lane, per time slice', () => {
    const index = indexByTime(
      [arrow(1, 0, 1, 0, 2), arrow(2, 0, 1, 60, 99), arrow(3, 1, 0, 70, null)],
      (m) => m.sentMs,
      (m) => m.endMs,
    );
    const counts = messageDensity(index, 2, 0, 100, 2);
    // Row 0: send at 0 (bin 0), send at 60 (bin 1); the dropped message from row 1 never arrives.
    expect([...counts]).toEqual([1, 1, 1, 2]);
  });

  it('arrows are too dense above 1.5 per pixel column', () => {
    expect(tooDenseForArrows(10_532, 830)).toBe(true);
    expect(tooDenseForArrows(59, 830)).toBe(false);
  });
});
