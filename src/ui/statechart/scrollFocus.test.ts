import { describe, expect, it } from 'vitest';
import { STATECHARTS } from '../../lock/statechart.ts';
import { layoutStatechart } from './layoutStatechart.ts';
import { focusRect, scrollTarget } from './scrollFocus.ts';

describe('focusRect', () => {
  const layout = layoutStatechart(STATECHARTS.redlock, 320);
  const box = (id: string) => layout.boxes.find((b) => b.id === id);

  it('is the active leaf, with the state the transition came from when both fit', () => {
    const active = new Set(['lock', 'lock.holding', 'lock.holding.writing']);
    const alone = focusRect(layout, active, [], 200);
    const writing = box('lock.holding.writing');
    expect(alone?.x).toBe(writing?.x);
    expect(alone?.y).toBe(writing?.y);
    expect(alone?.w).toBeCloseTo(writing?.w ?? 0);
    expect(alone?.h).toBe(24);
    const withSource = focusRect(layout, active, ['lock.holding.working'], 200);
    expect(withSource?.y).toBe(box('lock.holding.working')?.y);
    // Too far apart to show both: the current state wins.
    expect(focusRect(layout, new Set(['lock', 'lock.thinking']), ['lock.idle'], 200)?.y).toBe(box('lock.thinking')?.y);
    expect(focusRect(layout, new Set(), [], 200)).toBeNull();
  });
});

describe('scrollTarget', () => {
  const view = { scrollLeft: 0, scrollTop: 100, clientWidth: 300, clientHeight: 200 };

  it('leaves the view alone when the rect is in it', () => {
    expect(scrollTarget({ x: 10, y: 150, w: 50, h: 24 }, view)).toBeNull();
  });

  it('centres a rect below or above the view', () => {
    expect(scrollTarget({ x: 10, y: 500, w: 50, h: 24 }, view)).toEqual({ left: 0, top: 412 });
    expect(scrollTarget({ x: 10, y: 20, w: 50, h: 24 }, view)).toEqual({ left: 0, top: 0 });
  });
});
