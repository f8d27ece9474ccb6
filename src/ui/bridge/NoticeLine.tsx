import type { Notice } from './notices.ts';

/** One notice from the bridge's side, with what to do, and a way to dismiss it. Always in the DOM, so screen readers hear it arrive. */
export function NoticeLine({ notice, onDismiss, testId }: { notice: Notice | null; onDismiss: () => void; testId: string }) {
  return (
    <p role="alert" className={`bridge-notice${notice === null ? '' : ` bridge-notice--${notice.tone}`}`} data-testid={testId}>
      {notice !== null && (
        <>
          <span>{notice.text}</span>
          {notice.advice !== null && <span className="bridge-advice"> {notice.advice}</span>}{' '}
          <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss this message">
            ×
          </button>
        </>
      )}
    </p>
  );
}
