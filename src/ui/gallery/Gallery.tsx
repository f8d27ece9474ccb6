import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { PRESETS } from '../../scenario/presets/index.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { neighbourCard } from './cardNavigation.ts';
import { filterPresets } from './filterPresets.ts';
import { GalleryCard } from './GalleryCard.tsx';
import { groupPresets } from './galleryGroups.ts';
import { usePresetPreviews } from './usePresetPreviews.ts';
import './gallery.css';

const GROUPS = groupPresets(PRESETS);
/** Reading order: the previews are computed in the order the cards appear. */
const NAMES_IN_ORDER: readonly string[] = GROUPS.flatMap((g) => g.presets.map((p) => p.name));

const CARD_SELECTOR = '[data-testid="gallery-card"]';

export interface GalleryProps {
  store: PlaygroundStore;
  onClose: () => void;
}

/**
 * Every preset as a card in a grid, grouped by theme (galleryGroups.ts), with a filter box.
 * Choosing a card (click, Enter or Space) loads that preset, undoably, and closes; Enter in
 * the filter box loads the first match; Escape closes. Arrow keys move between cards and
 * ArrowDown leaves the filter box for the first card. It fills its container and scrolls
 * inside it (the page shows it in a modal).
 */
export function Gallery({ store, onClose }: GalleryProps) {
  const current = useStore(store, (s) => s.exampleId);
  const previews = usePresetPreviews(NAMES_IN_ORDER);
  const [query, setQuery] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const countId = useId();

  const groups = useMemo(
    () => GROUPS.map((g) => ({ title: g.title, presets: filterPresets(g.presets, query) })).filter((g) => g.presets.length > 0),
    [query],
  );
  const shown = groups.reduce((n, g) => n + g.presets.length, 0);

  // The gallery opens ready to type into, as a command palette does.
  useEffect(() => filterRef.current?.focus(), []);

  const choose = (name: string) => {
    store.getState().load(name);
    onClose();
  };

  const cards = (): HTMLElement[] => [...(rootRef.current?.querySelectorAll<HTMLElement>(CARD_SELECTOR) ?? [])];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The page's own shortcuts (arrows step the run, Home/End seek) must not act behind the gallery.
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'Escape') {
      handled();
      onClose();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target === filterRef.current) {
      if (e.key === 'Enter') {
        const first = groups[0]?.presets[0];
        if (first !== undefined) {
          handled();
          choose(first.name);
        }
      } else if (e.key === 'ArrowDown') {
        const first = cards()[0];
        if (first !== undefined) {
          handled();
          first.focus();
        }
      }
      return;
    }
    const all = cards();
    const from = e.target instanceof HTMLElement ? all.indexOf(e.target) : -1;
    if (from < 0) return;
    const spots = all.map((c) => {
      const box = c.getBoundingClientRect();
      return { leftPx: box.left, topPx: box.top };
    });
    const to = neighbourCard(spots, from, e.key);
    if (to === null) {
      // Up from the first row goes back to the filter box.
      if (e.key === 'ArrowUp') {
        handled();
        filterRef.current?.focus();
      }
      return;
    }
    handled();
    all[to]?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the key handler serves the controls inside (Escape, arrows between cards)
    <div className="gallery" data-testid="gallery" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="gallery-head">
        <input
          ref={filterRef}
          type="search"
          className="gallery-filter"
          aria-label="Filter presets"
          aria-describedby={countId}
          placeholder="Filter: a word, or an S-number such as S7"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <span className="gallery-count muted" id={countId} aria-live="polite">
          {shown === PRESETS.length ? `${shown} presets` : `${shown} of ${PRESETS.length} presets`}
          {shown > 0 && ' · Enter opens the first'}
        </span>
      </div>
      <div className="gallery-body">
        {groups.length === 0 && (
          <p className="gallery-empty" data-testid="gallery-empty">
            No preset matches “{query.trim()}”. Try a word from a title, or an S-number (S1–S12).
          </p>
        )}
        {groups.map((group) => (
          <section key={group.title} className="gallery-group" aria-label={group.title}>
            <h3 className="gallery-group-title">{group.title}</h3>
            <ul className="gallery-grid">
              {group.presets.map((preset) => (
                <li key={preset.name}>
                  <GalleryCard preset={preset} preview={previews.get(preset.name)} current={preset.name === current} onChoose={choose} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
