import { describe, expect, it } from 'vitest';
import type { LockMachineName } from '../../lock/machines/index.ts';
import { STATECHARTS } from '../../lock/statechart.ts';
import { chartIndex } from './chartIndex.ts';
import { edgeKey, layoutStatechart, MARGIN_PX, type StateBox } from './layoutStatechart.ts';

const NAMES = Object.keys(STATECHARTS) as LockMachineName[];
const WIDTHS = [240, 320, 360, 1000];

function overlap(a: StateBox, b: StateBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(inner: StateBox, outer: StateBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

describe.each(NAMES)('layout of %s', (name) => {
  const chart = STATECHARTS[name];
  const index = chartIndex(chart);

  describe.each(WIDTHS)('at %i px', (width) => {
    const layout = layoutStatechart(chart, width);
    const boxOf = new Map(layout.boxes.map((b) => [b.id, b]));

    it('every state has exactly one box, labelled with its key', () => {
      expect(layout.boxes.map((b) => b.id).sort()).toEqual([...index.keys()].sort());
      for (const b of layout.boxes) expect(b.label).toBe(index.get(b.id)?.state.key);
    });

    it('children lie inside their parents, below the parent heading', () => {
      for (const b of layout.boxes) {
        const parentId = index.get(b.id)?.parentId;
        if (parentId === null || parentId === undefined) continue;
        const parent = boxOf.get(parentId) as StateBox;
        expect(inside(b, parent), `${b.id} inside ${parentId}`).toBe(true);
        expect(b.y).toBeGreaterThan(parent.y + 10);
        expect(b.depth).toBe(parent.depth + 1);
      }
    });

    it('no two sibling boxes overlap', () => {
      for (const state of index.values()) {
        const kids = state.state.states.map((s) => boxOf.get(s.id) as StateBox);
        for (let i = 0; i < kids.length; i++) {
          for (let j = i + 1; j < kids.length; j++) {
            expect(overlap(kids[i] as StateBox, kids[j] as StateBox), `${kids[i]?.id} / ${kids[j]?.id}`).toBe(false);
          }
        }
      }
    });

    it('a box is wide enough for its name in 11px monospace', () => {
      for (const b of layout.boxes) expect(b.w).toBeGreaterThanOrEqual(b.label.length * 6.6);
    });

    it('every transition with a target has an edge that starts and ends on its boxes', () => {
      const expected = [...index.values()].flatMap(({ state }) =>
        state.transitions.flatMap((t) => t.targets.map((to) => edgeKey(state.id, t.event, t.guard, to))),
      );
      expect(layout.edges.map((e) => e.key).sort()).toEqual(expected.sort());
      for (const e of layout.edges) {
        const from = boxOf.get(e.from) as StateBox;
        const to = boxOf.get(e.to) as StateBox;
        const start = e.points[0];
        const end = e.points[e.points.length - 1];
        const near = (p: { x: number; y: number } | undefined, b: StateBox) =>
          p !== undefined && p.x >= b.x - 0.5 && p.x <= b.x + b.w + 0.5 && p.y >= b.y - 0.5 && p.y <= b.y + b.h + 0.5;
        expect(near(start, from), `${e.key} starts on ${e.from}`).toBe(true);
        expect(near(end, to), `${e.key} ends on ${e.to}`).toBe(true);
        expect([3, 4]).toContain(e.points.length);
      }
    });

    it('each compound marks its initial child with a dot-arrow pointing at its left side', () => {
      const compounds = [...index.values()].filter((s) => s.state.type === 'compound');
      expect(layout.initials.map((m) => m.of).sort()).toEqual(compounds.map((s) => s.state.initial).sort());
      for (const m of layout.initials) {
        const child = boxOf.get(m.of) as StateBox;
        expect(m.tip.x).toBeLessThanOrEqual(child.x);
        expect(m.tip.x - m.dot.x).toBeGreaterThan(8);
        expect(m.dot.x).toBeGreaterThanOrEqual((boxOf.get(index.get(m.of)?.parentId ?? '') as StateBox).x);
      }
    });

    it('the drawing is its root box with a margin all round, so the border (wider when lit) is not clipped', () => {
      const root = boxOf.get('lock') as StateBox;
      expect(root.x).toBe(MARGIN_PX);
      expect(root.y).toBe(MARGIN_PX);
      expect(MARGIN_PX).toBeGreaterThanOrEqual(2);
      expect(layout.width).toBe(Math.ceil(root.w + 2 * MARGIN_PX));
      expect(layout.height).toBe(Math.ceil(root.h + 2 * MARGIN_PX));
    });
  });

  it('fits a 320 px panel without wrapping any layer', () => {
    const layout = layoutStatechart(chart, 320);
    expect(layout.width).toBeLessThanOrEqual(320);
  });

  it('is deterministic', () => {
    expect(layoutStatechart(chart, 320)).toEqual(layoutStatechart(chart, 320));
  });
});

describe('layout reading order', () => {
  const layout = layoutStatechart(STATECHARTS.redlock, 320);
  const box = (id: string) => layout.boxes.find((b) => b.id === id) as StateBox;

  it('the workload reads top to bottom: idle, acquiring, deciding, holding, releasing, roundDone, thinking', () => {
    const ys = ['idle', 'acquiring', 'deciding', 'holding', 'releasing', 'roundDone', 'thinking'].map((k) => box(`lock.${k}`).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('a retry goes back up along a lane on the right; a skip down a lane on the left', () => {
    const retry = layout.edges.find((e) => e.key === edgeKey('lock.backoff', 'RETRY', null, 'lock.acquiring'));
    expect(retry?.points).toHaveLength(4);
    const [a, b, c] = retry?.points ?? [];
    expect(b?.x).toBeGreaterThan(box('lock.acquiring').x + box('lock.acquiring').w);
    expect(c?.y).toBeLessThan(a?.y ?? 0);
    expect(retry?.labelAngle).toBe(-90);
    const noRounds = layout.edges.find((e) => e.key === edgeKey('lock.idle', 'START', 'noRounds', 'lock.done'));
    expect(noRounds?.points[1]?.x).toBeLessThan(box('lock.done').x);
    const next = layout.edges.find((e) => e.key === edgeKey('lock.holding.working', 'WORK', null, 'lock.holding.writing'));
    expect(next?.points).toHaveLength(3);
    expect(next?.label).toBe('WORK');
    expect(layout.edges.find((e) => e.key === edgeKey('lock.deciding', 'always', 'mustUnlock', 'lock.unlocking'))?.label).toBe(
      '[mustUnlock]',
    );
  });

  it('two transitions between the same boxes get apart labels', () => {
    const [first, second] = layout.edges.filter((e) => e.from === 'lock.holding.working' && e.to === 'lock.releasing');
    expect(first?.label).toBe('WORK [noWrites]');
    expect(second?.label).toBe('WORK [checksValidityAndExpired]');
    expect(Math.abs((first?.labelAt.y ?? 0) - (second?.labelAt.y ?? 0))).toBeGreaterThanOrEqual(10);
  });
});

describe('parallel regions', () => {
  const layout = layoutStatechart(STATECHARTS['redlock-watchdog'], 320);
  const box = (id: string) => layout.boxes.find((b) => b.id === id) as StateBox;

  it('work and watchdog sit side by side, split by one dashed separator', () => {
    const work = box('lock.holding.work');
    const dog = box('lock.holding.watchdog');
    expect(work.region && dog.region).toBe(true);
    expect(work.y).toBe(dog.y);
    expect(work.h).toBe(dog.h);
    expect(work.x + work.w).toBeLessThan(dog.x);
    expect(layout.separators).toHaveLength(1);
    const sep = layout.separators[0];
    expect(sep?.x1).toBeGreaterThan(work.x + work.w);
    expect(sep?.x1).toBeLessThan(dog.x);
  });

  it('the watchdog region is ranked too: waiting above extending above deciding', () => {
    const ys = ['arming', 'waiting', 'extending', 'deciding'].map((k) => box(`lock.holding.watchdog.${k}`).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // Side by side when there is room for them (at 320 px the lanes' labels take some of it, and capped wraps below).
    const roomy = layoutStatechart(STATECHARTS['redlock-watchdog'], 400);
    const at = (id: string) => roomy.boxes.find((b) => b.id === id) as StateBox;
    expect(at('lock.holding.watchdog.waiting').y).toBe(at('lock.holding.watchdog.capped').y);
  });
});
