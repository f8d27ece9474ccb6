import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playgroundStore.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { ImportButton } from './ImportButton.tsx';
import { importStatusOf } from './importStatus.ts';

/** A server render reads a store's initial state, so render a copy that starts where this one is. */
const now = (store: PlaygroundStore): PlaygroundStore => createStore<PlaygroundState>()(() => store.getState());

describe('ExportMenu (closed, as the top bar shows it)', () => {
  it('is one "Export" menu button; the menu is not in the page until opened', () => {
    const html = renderToStaticMarkup(createElement(ExportMenu, { store: now(createPlaygroundStore('happy-path')) }));
    expect(html).toContain('data-testid="export-menu"');
    expect(html).toMatch(
      /<button[^>]*aria-haspopup="menu"[^>]*aria-expanded="false"[^>]*>Export <span aria-hidden="true">▾<\/span><\/button>/,
    );
    expect(html).not.toContain('role="menu"');
    expect(html).not.toMatch(/<button[^>]*disabled/);
  });

  it('is disabled while there is nothing to export (the scenario could not be loaded)', () => {
    const html = renderToStaticMarkup(createElement(ExportMenu, { store: now(createPlaygroundStore('no-such-example')) }));
    expect(html).toMatch(/<button[^>]*aria-haspopup="menu"[^>]*disabled=""/);
  });
});

describe('ImportButton', () => {
  it('an "Open file…" button and a hidden JSON file input; no alert while nothing went wrong', () => {
    const html = renderToStaticMarkup(createElement(ImportButton, { store: createPlaygroundStore('happy-path') }));
    expect(html).toMatch(/<button[^>]*data-testid="import-button"[^>]*>Open file…<\/button>/);
    expect(html).toMatch(/<input type="file" accept=".json,application\/json" hidden=""/);
    expect(html).not.toContain('role="alert"');
  });

  it('shows why the last file was refused in an alert, with a way to dismiss it', () => {
    const store = createPlaygroundStore('happy-path');
    const status = importStatusOf(store);
    status.setState({ error: '“x.json”: This file is not JSON', note: null });
    // A server render reads the initial state (as for the playground store above): start it where it is now.
    status.getInitialState = status.getState;
    const html = renderToStaticMarkup(createElement(ImportButton, { store }));
    expect(html).toMatch(/<div role="alert"[^>]*data-testid="import-error"><span>“x.json”: This file is not JSON<\/span>/);
    expect(html).toContain('aria-label="Dismiss the file error"');
  });
});
