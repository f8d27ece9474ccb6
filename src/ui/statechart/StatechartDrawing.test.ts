import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { STATECHARTS } from '../../lock/statechart.ts';
import { layoutStatechart } from './layoutStatechart.ts';
import { readStatechart } from './readStatechart.ts';
import { StatechartDrawing } from './StatechartDrawing.tsx';
import { presetRun } from './testTraces.ts';

function draw(name: 'redlock' | 'redlock-watchdog', active: ReadonlySet<string>, taken: ReadonlySet<string>, allEdges = false): string {
  const chart = STATECHARTS[name];
  return renderToStaticMarkup(
    createElement(StatechartDrawing, { chart, layout: layoutStatechart(chart, 320), active, taken, allEdges, label: 'Statechart of C1' }),
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
});
