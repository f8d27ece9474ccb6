import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playgroundStore.ts';
import { EditHistory } from './EditHistory.tsx';
import { FaultList } from './FaultList.tsx';
import { FaultToolbar } from './FaultToolbar.tsx';

/**
 * What the components render for the store as it is now. A server render reads a store's
 * initial state (zustand's server snapshot), so it renders a store that starts where this
 * one is; the actions still act on the real one.
 */
const now = (store: PlaygroundStore): PlaygroundStore => createStore<PlaygroundState>()(() => store.getState());
const list = (store: PlaygroundStore) => renderToStaticMarkup(createElement(FaultList, { store: now(store) }));
const history = (store: PlaygroundStore) => renderToStaticMarkup(createElement(EditHistory, { store: now(store) }));
const toolbar = (store: PlaygroundStore) => renderToStaticMarkup(createElement(FaultToolbar, { store: now(store) }));
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('FaultList', () => {
  it('lists the preset’s faults with their time, a sentence, Go to and Remove', () => {
    const store = createPlaygroundStore('clock-jump');
    const html = list(store);
    expect(count(html, 'data-testid="fault-row"')).toBe(3);
    expect(html).toContain('aria-label="Time of fault 1 (partition c1-side)"');
    expect(html).toContain('aria-label="Time of fault 3 (clock-jump C)"');
    expect(html).toContain('value="1000"');
    expect(html).toContain('partition c1-side: {C1} | {D, E} until healed');
    expect(html).toContain('C&#x27;s clock jumps 10000 ms forward');
    expect(html).toContain('aria-label="Go to fault 3 (clock-jump C)"');
    expect(html).toContain('aria-label="Remove fault 2 (partition c2-side)"');
  });

  it('Undo and Redo are disabled until there is something to undo or redo', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    const disabled = (html: string, name: string) => new RegExp(`<button[^>]*aria-label="${name}"[^>]*disabled=""`).test(html);
    let html = list(store) + history(store);
    expect(count(html, 'data-testid="fault-row"')).toBe(1);
    expect(disabled(html, 'Undo')).toBe(true);
    expect(disabled(html, 'Redo')).toBe(true);
    expect(html).toContain('title="Undo (Ctrl+Z)"');
    expect(html).toContain('title="Redo (Ctrl+Shift+Z)"');

    store.getState().injectFault({ atMs: 100, kind: 'kill-master', restartAfterMs: null });
    html = list(store) + history(store);
    expect(count(html, 'data-testid="fault-row"')).toBe(2);
    // Sorted by time: the new fault at 100 ms comes before the preset's crash at 200 ms.
    expect(html).toContain('aria-label="Time of fault 1 (kill-master)"');
    expect(html).toContain('Sentinel&#x27;s current master crashes (stays down)');
    expect(disabled(html, 'Undo')).toBe(false);
    expect(disabled(html, 'Redo')).toBe(true);

    store.getState().undo();
    html = list(store) + history(store);
    expect(count(html, 'data-testid="fault-row"')).toBe(1);
    expect(disabled(html, 'Undo')).toBe(true);
    expect(disabled(html, 'Redo')).toBe(false);
  });

  it('marks the faults the cursor has passed', () => {
    const store = createPlaygroundStore('clock-jump');
    expect(count(list(store), 'fault-row is-done')).toBe(0);
    store.getState().seek(500);
    expect(count(list(store), 'fault-row is-done')).toBe(2);
    store.getState().seek(1000);
    expect(count(list(store), 'fault-row is-done')).toBe(3);
  });

  it('says so when the timeline is empty', () => {
    const store = createPlaygroundStore('happy-path');
    const html = list(store);
    expect(count(html, 'data-testid="fault-row"')).toBe(0);
    expect(html).toContain('data-testid="fault-list"');
    expect(html).toContain('No faults');
  });
});

describe('FaultToolbar', () => {
  it('offers every kind in friendly words and injects at the cursor’s time', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().seek(1234.4);
    const html = toolbar(store);
    expect(count(html, '<option value="')).toBeGreaterThanOrEqual(12);
    for (const label of [
      'Kill the master',
      'Crash a node',
      'Partition the network',
      'Drop messages on a link',
      'Change a clock&#x27;s rate (drift)',
    ]) {
      expect(html).toContain(`>${label}</option>`);
    }
    expect(html).toMatch(/<button type="submit" class="fault-inject" aria-label="Inject fault at cursor">Inject at 1,234 ms<\/button>/);
    // The default fault, described before it is injected.
    expect(html).toContain('Sentinel&#x27;s current master crashes (stays down)');
  });

  it('shows the store’s reason when it refused an edit, in an alert', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    expect(toolbar(store)).toMatch(/<p role="alert" class="fault-edit-error"><\/p>/);
    store.getState().replaceFault(0, { atMs: 999_999, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null });
    expect(store.getState().editError).not.toBeNull();
    expect(toolbar(store)).toMatch(/<p role="alert" class="fault-edit-error">The last edit was refused: [^<]*after the run ends/);
  });
});
