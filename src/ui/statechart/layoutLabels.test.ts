import { describe, expect, it } from 'vitest';
import type { LockMachineName } from '../../lock/machines/index.ts';
import { STATECHARTS } from '../../lock/statechart.ts';
import { type ChartEdge, LABEL_FONT_PX, labelRect, layoutStatechart, type Rect, type StateBox } from './layoutStatechart.ts';

const NAMES = Object.keys(STATECHARTS) as LockMachineName[];
/** The narrowest layout, the side panel at 1280×720, a wide panel, the enlarged overlay. */
const WIDTHS = [240, 340, 600, 1000];

/**
 * What a label covers, estimated here on its own: 9.5px monospace advances 0.6em a character,
 * its halo (a 3px stroke) reaches 1.5px further, and a line of it is at least 1.2em tall.
 */
function covers(e: ChartEdge): Rect {
  const along = e.text.length * LABEL_FONT_PX * 0.6 + 3;
  const across = LABEL_FONT_PX * 1.2 + 0.5;
  const w = e.labelAngle === 0 ? along : across;
  const h = e.labelAngle === 0 ? across : along;
  return { x: e.labelAt.x - w / 2, y: e.labelAt.y - h / 2, w, h };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Inside a compound's box, below its heading (18px), clear of its border. */
function inBody(r: Rect, b: StateBox): boolean {
  return r.x >= b.x + 1 && r.x + r.w <= b.x + b.w - 1 && r.y >= b.y + 18 && r.y + r.h <= b.y + b.h - 1;
}

const isLeaf = (b: StateBox) => b.type === 'atomic' || b.type === 'final';

describe.each(NAMES)('edge labels of %s', (name) => {
  describe.each(WIDTHS)('at %i px', (width) => {
    const layout = layoutStatechart(STATECHARTS[name], width);
    const labelled = layout.edges.filter((e) => e.text !== '');

    it('the layout sizes labels as estimated from their characters at the drawing font size', () => {
      for (const e of labelled) {
        const mine = covers(e);
        const its = labelRect(e);
        expect(its.w, e.key).toBeGreaterThanOrEqual(mine.w - 0.01);
        expect(its.h, e.key).toBeGreaterThanOrEqual(mine.h - 0.01);
      }
    });

    it('no label covers a state: each is clear of every state box, or inside a compound below its heading', () => {
      const overlaps: string[] = [];
      for (const e of labelled) {
        const r = covers(e);
        for (const b of layout.boxes) {
          if (intersects(r, b) && (isLeaf(b) || !inBody(r, b))) overlaps.push(`"${e.text}" on ${b.id}`);
        }
      }
      expect(overlaps).toEqual([]);
    });

    it('no two labels overlap', () => {
      const overlaps: string[] = [];
      labelled.forEach((a, i) => {
        for (const b of labelled.slice(i + 1)) if (intersects(covers(a), covers(b))) overlaps.push(`"${a.text}" / "${b.text}"`);
      });
      expect(overlaps).toEqual([]);
    });

    it('every label lies inside the drawing', () => {
      for (const e of labelled) {
        const r = covers(e);
        expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= layout.width && r.y + r.h <= layout.height, e.key).toBe(true);
      }
    });

    it('each label sits on its own arrow: the curve runs through it, or it is written up along its lane', () => {
      for (const e of labelled) {
        const [, middle] = e.points;
        if (e.points.length === 3) expect(middle, e.key).toEqual(e.labelAt);
        else {
          expect(e.labelAngle, e.key).toBe(-90);
          expect(e.labelAt.x, e.key).toBe(middle?.x);
        }
      }
    });

    it('says the whole label, or its start and "…"', () => {
      for (const e of layout.edges) {
        expect(e.text === '', e.key).toBe(e.label === '');
        if (e.text !== e.label) {
          expect(e.text.endsWith('…'), e.key).toBe(true);
          expect(e.label.startsWith(e.text.slice(0, -1)), e.key).toBe(true);
        }
      }
    });
  });

  it('from 600 px on, no label is cut', () => {
    for (const width of [600, 1000]) {
      expect(layoutStatechart(STATECHARTS[name], width).edges.filter((e) => e.text !== e.label)).toEqual([]);
    }
  });
});

describe('the reviewer’s case: WORK labels beside, not on, the writing state', () => {
  it.each(['single-failover', 'redlock'] as const)('%s at 340 px', (name) => {
    const layout = layoutStatechart(STATECHARTS[name], 340);
    const writing = layout.boxes.find((b) => b.id === 'lock.holding.writing') as StateBox;
    for (const label of ['WORK [noWrites]', 'WORK [checksValidityAndExpired]']) {
      const edge = layout.edges.find((e) => e.label === label) as ChartEdge;
      expect(edge.text).toBe(label);
      expect(intersects(covers(edge), writing), label).toBe(false);
      // Below holding, above releasing: in the gap the two rows leave between them.
      const holding = layout.boxes.find((b) => b.id === 'lock.holding') as StateBox;
      const releasing = layout.boxes.find((b) => b.id === 'lock.releasing') as StateBox;
      expect(covers(edge).y).toBeGreaterThanOrEqual(holding.y + holding.h);
      expect(covers(edge).y + covers(edge).h).toBeLessThanOrEqual(releasing.y);
    }
  });
});

describe('the layout fills the width it is given', () => {
  it.each(NAMES)('%s is exactly as wide as the side panel, a wide panel and the enlarged overlay', (name) => {
    for (const width of [340, 600, 1000, 1140]) {
      const layout = layoutStatechart(STATECHARTS[name], width);
      expect(layout.width).toBe(width);
      const root = layout.boxes[0] as StateBox;
      expect(root.x + root.w).toBeLessThanOrEqual(width);
    }
  });

  it.each(NAMES)('%s spreads its states out across a wide overlay', (name) => {
    const span = (width: number) => {
      const leaves = layoutStatechart(STATECHARTS[name], width).boxes.filter(isLeaf);
      return Math.max(...leaves.map((b) => b.x + b.w)) - Math.min(...leaves.map((b) => b.x));
    };
    expect(span(1000)).toBeGreaterThan(0.35 * 1000);
    expect(span(1000)).toBeGreaterThan(1.5 * span(340));
  });

  it.each(NAMES)('%s keeps every box, arrow and label inside the drawing, clear of its edges', (name) => {
    for (const width of WIDTHS) {
      const layout = layoutStatechart(STATECHARTS[name], width);
      for (const b of layout.boxes) {
        expect(b.x >= 2 && b.y >= 2 && b.x + b.w <= layout.width - 2 && b.y + b.h <= layout.height - 2, b.id).toBe(true);
      }
      for (const e of layout.edges) {
        for (const p of e.points) expect(p.x >= 2 && p.y >= 2 && p.x <= layout.width - 2 && p.y <= layout.height - 2, e.key).toBe(true);
      }
    }
  });
});
