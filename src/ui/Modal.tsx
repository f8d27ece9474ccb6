import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal dialog over the page: a title, a close button, focus moved in on open and given
 * back to whatever had it on close; Escape closes (content may handle Escape first).
 */
export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (box.current !== null && !box.current.contains(document.activeElement)) box.current.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(e) => {
          e.stopPropagation(); // the page's shortcuts do not reach the run behind the dialog
          if (e.key === 'Escape') onClose();
        }}
      >
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" onClick={onClose} aria-label={`Close ${title.toLowerCase()}`}>
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
