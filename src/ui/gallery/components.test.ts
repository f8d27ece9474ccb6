import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/presets/index.ts';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { Gallery } from './Gallery.tsx';
import { GalleryCard } from './GalleryCard.tsx';
import { GALLERY_GROUPS } from './galleryGroups.ts';
import { presetPreview } from './presetPreview.ts';

const count = (html: string, needle: string) => html.split(needle).length - 1;

/** The markup of one card, found by its data-preset. */
function cardOf(html: string, name: string): string {
  const start = html.indexOf(`data-preset="${name}"`);
  expect(start, name).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</button>', start));
}

describe('Gallery', () => {
  // A server render shows what is computed already; the browser fills the rest in after the first paint.
  for (const p of PRESETS) presetPreview(p.name);
  const store = createPlaygroundStore('clock-jump');
  const html = renderToStaticMarkup(createElement(Gallery, { store, onClose: () => {} }));

  it('shows every preset once, as a card, under its theme’s heading, with a filter box', () => {
    expect(html).toContain('data-testid="gallery"');
    expect(count(html, 'data-testid="gallery-card"')).toBe(PRESETS.length);
    for (const p of PRESETS) expect(count(html, `data-preset="${p.name}"`), p.name).toBe(1);
    for (const g of GALLERY_GROUPS) expect(html).toContain(`<h3 class="gallery-group-title">${g.title}</h3>`);
    expect(html).toContain('aria-label="Filter presets"');
    expect(html).toContain(`${PRESETS.length} presets`);
  });

  it('each card says its title, S-number, summary and the checker’s verdict', () => {
    const failover = cardOf(html, 'failover-loses-lock');
    expect(failover).toContain('aria-label="Failover loses the lock (S8)"');
    expect(failover).toContain('A master dies before replicating the lock; Sentinel promotes a replica that never saw it.');
    expect(failover).toMatch(/data-testid="gallery-verdict">UNSAFE</);
    expect(failover).toContain('<svg');
    expect(failover).toContain('class="gallery-thumb-violation"');

    const happy = cardOf(html, 'happy-path');
    expect(happy).toMatch(/data-testid="gallery-verdict">SAFE</);
    expect(happy).not.toContain('gallery-thumb-violation');
    expect(happy).not.toContain('deadlock');

    const setnx = cardOf(html, 'setnx-expire-crash');
    expect(setnx).toMatch(/>SAFE<.*>deadlock</);
  });

  it('marks the preset open now, and only that one', () => {
    expect(count(html, 'aria-current="true"')).toBe(1);
    expect(cardOf(html, 'clock-jump')).toContain('aria-current="true"');
  });

  it('a card whose run is not computed yet says so instead of a verdict', () => {
    const preset = PRESETS[0];
    if (preset === undefined) throw new Error('no presets');
    const card = renderToStaticMarkup(createElement(GalleryCard, { preset, preview: undefined, current: false, onChoose: () => {} }));
    expect(card).toContain('running…');
    expect(card).not.toContain('<svg');
    expect(card).not.toContain('SAFE');
  });

  it('a preset that cannot run shows the reason, not a thumbnail', () => {
    const card = renderToStaticMarkup(
      createElement(GalleryCard, {
        preset: { name: 'x', title: 'X', summary: 'A broken preset for this test only.', source: 'S1' },
        preview: { ok: false, error: 'this preset is not valid: durationMs: too small' },
        current: false,
        onChoose: () => {},
      }),
    );
    expect(card).toContain('cannot run');
    expect(card).toContain('durationMs: too small');
    expect(card).not.toContain('<svg');
  });
});
