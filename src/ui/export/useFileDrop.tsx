import { type ReactNode, useEffect, useState } from 'react';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { openImportedFile } from './openImportedFile.ts';
import './export.css';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Lets the user drop a scenario or trace file anywhere on the page: while a file is dragged
 * over the window a full-page overlay says so; dropping opens it through the same path as
 * "Open file…" (errors show there). Call once at the page root and render what it returns:
 * `const dropOverlay = useFileDrop(store); … {dropOverlay}`.
 */
export function useFileDrop(store: PlaygroundStore): ReactNode {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag has left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file itself, leaving the playground.
      e.preventDefault();
      if (e.dataTransfer !== null) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file !== undefined) void openImportedFile(store, file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return dragging ? (
    <div className="drop-overlay" data-testid="drop-overlay" role="status">
      <p>Drop a scenario file to open it</p>
    </div>
  ) : null;
}
