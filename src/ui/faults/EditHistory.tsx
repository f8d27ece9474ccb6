import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import './faults.css';

/**
 * Undo and redo of every edit (faults injected, moved, removed; seed; fencing) and a way back
 * to the example as it was. In the top bar, so it is at hand whatever panel is open.
 */
export function EditHistory({ store }: { store: PlaygroundStore }) {
  const canUndo = useStore(store, (s) => s.past.length > 0);
  const canRedo = useStore(store, (s) => s.future.length > 0);
  return (
    <fieldset className="fault-list-actions edit-history" aria-label="Edit history">
      <button
        type="button"
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        aria-keyshortcuts="Control+Z"
        disabled={!canUndo}
        onClick={() => store.getState().undo()}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Shift+Z"
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
      >
        ↷ Redo
      </button>
      <button
        type="button"
        title="Back to the scenario as it was opened (Undo brings your edits back)"
        aria-label="Reset to the scenario as opened"
        onClick={() => store.getState().reset()}
      >
        Reset
      </button>
    </fieldset>
  );
}
