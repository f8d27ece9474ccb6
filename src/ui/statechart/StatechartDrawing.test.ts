import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LockMachineName } from '../../lock/machines/index.ts';
import { STATECHARTS } from '../../lock/statechart.ts';
import { LABEL_FONT_PX, layoutStatechart } from './layoutStatechart.ts';
import { readStatechart } from './readStatechart.ts';
import { pathData, StatechartDrawing } from './StatechartDrawing.tsx';
import { presetRun } from './testTraces.ts';

function draw(name: LockMachineName, active: ReadonlySet<string>, taken: ReadonlySet<string>, allEdges = false, width = 320): string {
  const chart = STATECHARTS[name];
  return renderToStaticMarkup(
    createElement(StatechartDrawing, { chart, layout: layoutStatechart(chart, width), active, taken, allEdges, label: 'Statechart of C1' }),
  );
}

/** The data-state ids of the boxes with a class. */
function statesWith(html: string, cls: string): string[] {
  return [...html.matchAll(/<g class="([^"]*)" data-state="([^"]*)"/g)]
    .filter((m) => (m[1] ?? '').split(' ').includes(cls))
    .map((m) => m[2] as string);
}

function edges(html: string): { cls: string; key: string }[] {
  return [...html.matchAll(/<g class="(edge[^"]*)" data-edge="([^"]*)"/g)].map((m) => ({ cls: m[1] as string, key: m[2] as string }));
}

describe('StatechartDrawing', () => {
  const { trace } = presetRun('happy-path');
  const holdingIndex = trace.findIndex((e) => e.kind === 'client-state' && e.client === 'C1' && e.state === 'holding.working');
  const reading = readStatechart(STATECHARTS.redlock, trace, 'C1', holdingIndex);
  const html = draw('redlock', reading.active, reading.taken);

  it('lights exactly the active states', () => {
    expect(statesWith(html, 'active').sort()).toEqual(['lock', 'lock.holding', 'lock.holding.working']);
    expect(statesWith(html, 'state')).toHaveLength(19);
  });

  it('highlights the edges just taken, drawn after the others', () => {
    const drawn = edges(html);
    expect(drawn.filter((e) => e.cls === 'edge taken').map((e) => e.key)).toEqual([...reading.taken]);
    expect(drawn.slice(-2).every((e) => e.cls === 'edge taken')).toBe(true);
  });

  it('by default draws only the transitions out of the active states, plus the taken ones', () => {
    const froms = new Set(edges(html).map((e) => e.key.split('|')[0]));
    expect([...froms].sort()).toEqual(['lock.acquiring.parallel', 'lock.deciding', 'lock.holding.working']);
    const all = draw('redlock', reading.active, reading.taken, true);
    expect(edges(all).length).toBe(layoutStatechart(STATECHARTS.redlock, 320).edges.length);
    expect(edges(all).length).toBeGreaterThan(edges(html).length + 10);
  });

  it('every box has a tooltip with its path, kind and transitions', () => {
    expect(html).toContain(
      '<title>holding.working (atomic)\nentry: startTimer\non WORK [noWrites] → releasing\non WORK [checksValidityAndExpired] → releasing\non WORK → holding.writing</title>',
    );
    expect(html.match(/<g class="state[^"]*" data-state="[^"]*"><title>/g)).toHaveLength(19);
  });

  it('marks the final state with a double border and says what it shows', () => {
    expect(html.match(/class="final-inner"/g)).toHaveLength(1);
    expect(html).toContain('role="img" aria-label="Statechart of C1"');
  });

  it('draws parallel regions with a dashed separator and the initial dot-arrows', () => {
    const dog = draw('redlock-watchdog', new Set(['lock', 'lock.idle']), new Set());
    expect(dog.match(/class="region-separator"/g)).toHaveLength(1);
    expect(statesWith(dog, 'region').sort()).toEqual(['lock.holding.watchdog', 'lock.holding.work']);
    expect(dog.match(/<g class="initial">/g)).toHaveLength(5);
  });

  it('is as big as its layout, which keeps a margin round the root box for its border', () => {
    const layout = layoutStatechart(STATECHARTS.redlock, 320);
    expect(html).toContain(`width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"`);
  });

  it('writes every label at the size the layout made room for; the stylesheet does not resize them', () => {
    const all = draw('redlock', reading.active, reading.taken, true);
    const labels = [...all.matchAll(/<text class="edge-label[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(labels).toHaveLength(layoutStatechart(STATECHARTS.redlock, 320).edges.filter((e) => e.text !== '').length);
    for (const label of labels) expect(label).toContain(`font-size="${LABEL_FONT_PX}"`);
    const css = readFileSync(new URL('./statechart.css', import.meta.url), 'utf8');
    const rules = [...css.matchAll(/([^{}]*\.edge-label[^{}]*)\{([^}]*)\}/g)];
    expect(rules.length).toBeGreaterThan(0);
    for (const [, , body] of rules) expect(body?.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/font-size|font-family|letter-spacing/);
  });

  it('a label cut short for a narrow panel keeps the whole label as its tooltip', () => {
    const narrow = draw('single-failover', new Set(['lock', 'lock.idle']), new Set(), true, 240);
    const cut = layoutStatechart(STATECHARTS['single-failover'], 240).edges.find((e) => e.label === 'WORK [checksValidityAndExpired]');
    expect(cut?.text).toMatch(/^WORK \[checks.*…$/);
    expect(narrow).toContain(`><title>WORK [checksValidityAndExpired]</title>${cut?.text}</text>`);
    // A whole label has none of its own (the arrow's tooltip says it already).
    expect(narrow).toMatch(/font-size="9.5" text-anchor="middle" dominant-baseline="central">START<\/text>/);
  });
});

describe('pathData', () => {
  it('draws three points as a curve through the middle one, and more as a polyline', () => {
    const d = pathData([
      { x: 0, y: 0 },
      { x: 30, y: 20 },
      { x: 0, y: 60 },
    ]);
    expect(d).toMatch(/^M0,0 C[^C]* 30,20 C[^C]* 0,60$/);
    expect(
      pathData([
        { x: 0, y: 0 },
        { x: -5, y: 0 },
        { x: -5, y: 40 },
        { x: 0, y: 40 },
      ]),
    ).toBe('M0,0 L-5,0 L-5,40 L0,40');
  });
});
