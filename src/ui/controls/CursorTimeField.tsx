import { useState } from 'react';
import { parseTimeMs } from './parseTimeMs.ts';

/**
 * The cursor's time, shown and editable: type "31020", "31.02 s" or "31020 ms" and press
 * Enter to go there (an instructor's "let us look at 31 seconds"). Escape puts it back.
 */
export function CursorTimeField({ t, endMs, onSeek }: { t: number; endMs: number; onSeek: (t: number) => void }) {
  const shown = String(Math.round(t));
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const parsed = parseTimeMs(text, endMs);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setEditing(false);
    onSeek(parsed.ms);
  };
  return (
    <span className="cursor-time">
      <input
        aria-label="Cursor time in ms"
        data-testid="cursor-time-input"
        inputMode="decimal"
        value={editing ? text : shown}
        aria-invalid={error !== null}
        title={error ?? 'Type a time (ms, or with "s") and press Enter'}
        onFocus={() => {
          setText(shown);
          setEditing(true);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setEditing(true);
        }}
        onBlur={() => {
          setEditing(false);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(shown);
            setEditing(false);
            setError(null);
          }
        }}
      />
      {error !== null && (
        <span role="alert" className="error inline">
          {error}
        </span>
      )}
    </span>
  );
}
