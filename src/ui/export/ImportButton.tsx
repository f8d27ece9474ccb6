import { type ChangeEvent, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { importStatusOf } from './importStatus.ts';
import { openImportedFile } from './openImportedFile.ts';
import { useAlignRight } from './useAlignRight.ts';
import './export.css';

/** How long the note on a file opened stays up (an error stays until dismissed or the next file). */
const NOTE_MS = 8000;

/**
 * "Open file…": picks a scenario or an exported trace and opens it (undoable). Why a file was
 * refused is shown under the button as an alert, for a dropped file too (see useFileDrop).
 */
export function ImportButton({ store }: { store: PlaygroundStore }) {
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const status = importStatusOf(store);
  const error = useStore(status, (s) => s.error);
  const note = useStore(status, (s) => s.note);

  // Near the window's right edge, the message hangs to the left of the button.
  const alignRight = useAlignRight(root, popup, error ?? note);
  const popupClass = `export-popover${alignRight ? ' align-right' : ''}`;

  useEffect(() => {
    if (note === null) return;
    const timer = setTimeout(() => status.setState({ note: null }), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note, status]);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) opens it again.
    e.target.value = '';
    if (file !== undefined) void openImportedFile(store, file);
  };

  return (
    <div className="import-button" ref={root}>
      <button
        type="button"
        data-testid="import-button"
        title="Open a scenario (.json) or a trace exported from the playground; you can also drop a file on the page"
        onClick={() => input.current?.click()}
      >
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-input"
        onChange={onChange}
      />
      {error !== null && (
        <div ref={popup} role="alert" className={`${popupClass} export-error`} data-testid="import-error">
          <span>{error}</span>
          <button
            type="button"
            className="export-dismiss"
            aria-label="Dismiss the file error"
            onClick={() => status.setState({ error: null })}
          >
            ×
          </button>
        </div>
      )}
      {error === null && note !== null && (
        <div ref={popup} role="status" className={`${popupClass} export-note`} data-testid="import-note">
          {note}
        </div>
      )}
    </div>
  );
}
