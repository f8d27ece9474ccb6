import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { StatechartView } from './StatechartView.tsx';

// Server rendering shows the store as created (the cursor before the first event); the
// reading at other cursor positions is tested through readStatechart.
function render(exampleId: string): string {
  return renderToStaticMarkup(createElement(StatechartView, { store: createPlaygroundStore(exampleId) }));
}

function text(html: string, testId: string): string | undefined {
  return new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

describe('StatechartView', () => {
  it("shows the first lock client's machine in its initial state before the run starts", () => {
    const html = render('happy-path');
    expect(text(html, 'statechart-title')).toBe('C1 · redlock');
    expect(text(html, 'statechart-state')).toBe('idle');
    expect(text(html, 'statechart-transition')).toBe('none yet (not started)');
    expect(html).toMatch(/<g class="state atomic active" data-state="lock.idle">/);
    expect(html).toContain('aria-label="Statechart of C1 (redlock), now in idle"');
  });

  it('offers every client in a select named Client, with the selected one chosen', () => {
    const html = render('happy-path');
    expect(html).toMatch(/<select aria-label="Client">/);
    expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['C1', 'C2']);
    expect(html).toMatch(/<option value="C1" selected="">C1<\/option>/);
  });

  it('names its toggles for assistive technology', () => {
    const html = render('happy-path');
    expect(html).toContain('aria-pressed="false" aria-label="Show all transitions"');
    expect(html).toContain('aria-pressed="false" aria-label="Enlarge statechart"');
  });

  it('says that a script client has no machine, and draws none', () => {
    const html = render('failover-raw');
    expect(text(html, 'statechart-title')).toBe('C1 · script');
    expect(text(html, 'statechart-note')).toBe('C1 sends a script of raw commands: it has no lock machine.');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('data-testid="statechart-state"');
  });
});
