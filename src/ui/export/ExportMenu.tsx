import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundState, PlaygroundStore } from '../store/playgroundStore.ts';
import { downloadBlob, downloadText } from './download.ts';
import { fileNameFor } from './fileName.ts';
import { menuIndexAfter } from './menuKeys.ts';
import { useAlignRight } from './useAlignRight.ts';
import './export.css';

interface Item {
  label: string;
  /** What the file holds (the item's tooltip and description). */
  title: string;
  run: (s: PlaygroundState) => Promise<void> | void;
}

// The file builders load when a file is asked for: they are not part of the page's first load.
const builders = () => import('./exportFiles.ts');

const ITEMS: Item[] = [
  {
    label: 'Timeline as SVG',
    title: 'The whole run’s space-time diagram as a vector picture (for slides), in the current theme',
    run: async (s) => {
      const file = (await builders()).timelineSvgFile(s);
      if (file !== null) downloadText(file.name, file.mime, file.text);
    },
  },
  {
    label: 'Timeline as PNG',
    title: 'The same diagram as a PNG image at twice its size',
    run: async (s) => {
      const [{ timelineSvgFile, PNG_SCALE }, { svgToPngBlob }] = await Promise.all([builders(), import('./svgToPng.ts')]);
      const file = timelineSvgFile(s);
      if (file === null || s.scenario === null) return;
      const png = await svgToPngBlob(file.text, file.widthPx, file.heightPx, PNG_SCALE);
      downloadBlob(fileNameFor(s.scenario, 'timeline.png'), png);
    },
  },
  {
    label: 'Trace as JSON',
    title: 'Every event of the run, with the scenario and the trace hash (opens again as the scenario)',
    run: async (s) => {
      const file = (await builders()).traceFile(s);
      if (file !== null) downloadText(file.name, file.mime, file.text);
    },
  },
  {
    label: 'Scenario as JSON',
    title: 'The current scenario with your edits, a file you can open again or share',
    run: async (s) => {
      const file = (await builders()).scenarioFile(s);
      if (file !== null) downloadText(file.name, file.mime, file.text);
    },
  },
];

/**
 * "Export" in the top bar: a menu button (the ARIA menu pattern: arrows move, Home/End,
 * Escape closes and gives the focus back, Tab leaves) with the timeline as SVG or PNG, the
 * trace and the scenario as JSON.
 */
export function ExportMenu({ store }: { store: PlaygroundStore }) {
  const ready = useStore(store, (s) => s.scenario !== null && s.run !== null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const errorBox = useRef<HTMLDivElement>(null);
  const menuId = useId();

  // The focus follows the active item while the menu is open.
  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // Opened near the window's right edge, the menu hangs to the left of the button instead.
  const alignRight = useAlignRight(root, menu, open);
  const errorAlignRight = useAlignRight(root, errorBox, error);

  // A press anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node && root.current?.contains(e.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (index: number) => {
    setError(null);
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = async (item: Item) => {
    close(true);
    setBusy(true);
    try {
      await item.run(store.getState());
    } catch (e) {
      setError(`${item.label} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      openAt(e.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = menuIndexAfter(e.key, active, ITEMS.length);
    if (next !== null) {
      e.preventDefault();
      e.stopPropagation();
      setActive(next);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="export-menu" data-testid="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!ready}
        aria-busy={busy}
        title="Save the timeline as a picture, the trace or the scenario as a file"
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export"
          className={`export-menu-list${alignRight ? ' align-right' : ''}`}
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              title={item.title}
              onClick={() => void choose(item)}
              onMouseEnter={() => setActive(i)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {error !== null && (
        <div
          ref={errorBox}
          role="alert"
          className={`export-popover export-error${errorAlignRight ? ' align-right' : ''}`}
          data-testid="export-error"
        >
          <span>{error}</span>
          <button type="button" className="export-dismiss" aria-label="Dismiss the export error" onClick={() => setError(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
