import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { lastIndexAtOrBefore } from '../store/cursor.ts';
import { snapshotAt } from './snapshotAt.ts';
import { TopologyPanel } from './TopologyPanel.tsx';

/** The panel's HTML for a preset with the cursor at t (no DOM needed: the panel is a pure function of its props). */
function html(name: string, t: number, selected: string | null = null): string {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(name);
  const trace = run(loaded.value).trace;
  const snapshot = snapshotAt(loaded.value, trace, check(trace), lastIndexAtOrBefore(trace, t), t);
  return renderToStaticMarkup(createElement(TopologyPanel, { snapshot, selected, atMs: t, onSelect: () => {}, onFault: () => {} }));
}

function count(markup: string, needle: string): number {
  return markup.split(needle).length - 1;
}

/** The text inside the first element carrying this attribute (tags stripped). */
function textOf(markup: string, attribute: string): string {
  const start = markup.indexOf(attribute);
  if (start < 0) return '';
  const open = markup.indexOf('>', start) + 1;
  let depth = 1;
  let i = open;
  while (depth > 0 && i < markup.length) {
    const next = markup.indexOf('<', i);
    if (markup.startsWith('</', next)) depth--;
    else if (!markup.startsWith('<br', next)) depth++;
    i = markup.indexOf('>', next) + 1;
    if (depth === 0)
      return markup
        .slice(open, next)
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&#x27;/g, "'");
  }
  return '';
}

describe('TopologyPanel', () => {
  it('failover-loses-lock at 31,030 ms: a card per node and client, two "holds the lock" badges, and the summary says both hold it', () => {
    const markup = html('failover-loses-lock', 31_030);
    expect(count(markup, 'data-testid="node-card"')).toBe(2);
    expect(markup).toContain('data-node="M"');
    expect(markup).toContain('data-node="R"');
    expect(count(markup, 'data-testid="client-card"')).toBe(2);
    expect(count(markup, 'data-testid="holds-lock"')).toBe(2);
    expect(textOf(markup, 'data-testid="lock-summary"')).toBe('C1 and C2 both hold the lock (epochs 1 and 2)');
    expect(markup).toContain('master, promoted by Sentinel');
    expect(textOf(markup, 'data-testid="sentinel-card"')).toContain('names R master');
  });

  it('quick faults land at the cursor: an up node can be killed, a crashed one restarted; a done client offers none', () => {
    const markup = html('failover-loses-lock', 31_030);
    expect(markup).toContain('aria-label="Kill node R at 31030 ms"');
    expect(markup).toContain('aria-label="Restart node M at 31030 ms"');
    expect(markup).not.toContain('aria-label="Kill node M');
    expect(markup).toContain('aria-label="Pause client C2 for 5 s at 31030 ms"');
    const end = html('failover-loses-lock', 45_000);
    expect(end).not.toContain('aria-label="Crash client C1');
  });

  it('each card is a button named for what it shows, and the selected one is pressed', () => {
    const markup = html('failover-loses-lock', 100, 'C1');
    expect(markup).toContain('aria-label="C1: single-failover, holding (working), holds the lock (epoch 1)"');
    expect(markup).toMatch(/<button type="button" class="topo-select" aria-pressed="true" aria-label="C1: /);
    expect(markup).toMatch(/<button type="button" class="topo-select" aria-pressed="false" aria-label="M: master, up/);
    expect(count(markup, 'aria-pressed="true"')).toBe(1);
  });

  it('clock-jump at 0 ms shows both partitions with their groups; nobody holds the lock yet', () => {
    const markup = html('clock-jump', 0);
    expect(count(markup, 'data-testid="partition"')).toBe(2);
    expect(textOf(markup, 'data-partition="c1-side"')).toBe('partition c1-side: {C1} | {D, E}');
    expect(textOf(markup, 'data-testid="lock-summary"')).toBe('Nobody holds the lock');
    expect(count(markup, 'data-testid="holds-lock"')).toBe(0);
  });

  it('S9: the key without a TTL says so, and that its owner crashed, and has no draining bar', () => {
    const markup = html('setnx-expire-crash', 5000);
    expect(markup).toContain('data-status="no-ttl"');
    expect(textOf(markup, 'data-testid="ttl"')).toBe('no TTL, owner crashed: stuck');
    // Before C1 crashes (at 3 ms) the key has no TTL yet, but its owner may still set one.
    expect(textOf(html('setnx-expire-crash', 2), 'data-testid="ttl"')).toBe('no TTL');
    expect(markup).not.toContain('topo-bar-fill');
  });

  it('the TTL bar is drawn at the fraction left: half way through a 10 s TTL it is 50% wide', () => {
    const markup = html('clock-jump', 5002);
    expect(markup).toContain('data-fraction="0.5"');
    expect(markup).toContain('style="width:50.0%"');
  });

  it('a paused client past its validity shows the expired lease, not "holds the lock" (Kleppmann), while C2 holds it', () => {
    const markup = html('gc-pause-after-acquire', 10_150);
    expect(count(markup, 'data-testid="stale-lease"')).toBe(1);
    expect(count(markup, 'data-testid="holds-lock"')).toBe(1);
    expect(textOf(markup, 'data-testid="stale-lease"')).toBe('still believes it holds the lock · epoch 1');
    expect(textOf(markup, 'data-testid="lease-validity"')).toBe('its lease expired 252 ms ago on its own clock');
    expect(textOf(markup, 'data-testid="lock-summary"')).toContain('C1 still believes it holds it');
  });
});
