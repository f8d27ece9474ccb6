import type { ValidationIssue } from '../../scenario/issues.ts';

/**
 * Why an edit was not applied: the validator's issues, each a button that goes to its field
 * (with its line in the JSON view), or the store's message when there is no issue to point
 * at (the engine refused the scenario). role="alert": it is read out when it appears.
 */
export function IssueList({
  title,
  issues,
  message,
  onPick,
  lineOf,
  onDismiss,
}: {
  title: string;
  issues: readonly ValidationIssue[];
  message: string;
  onPick: (issue: ValidationIssue) => void;
  lineOf?: (issue: ValidationIssue) => number | null;
  onDismiss?: () => void;
}) {
  return (
    <div role="alert" data-testid="editor-error" className="editor-error">
      <div className="editor-error-head">
        <p className="editor-error-title">{title}</p>
        {onDismiss !== undefined && (
          <button type="button" onClick={onDismiss} aria-label="Dismiss this message">
            ×
          </button>
        )}
      </div>
      {issues.length === 0 ? (
        <p className="editor-error-message">{message}</p>
      ) : (
        <ul>
          {issues.map((issue) => {
            const line = lineOf?.(issue) ?? null;
            return (
              <li key={`${issue.path}\u0000${issue.message}`}>
                <button type="button" className="editor-issue" title="Go to this field" onClick={() => onPick(issue)}>
                  <code>{issue.path}</code>: {issue.message}
                  {line !== null && <span className="editor-issue-line"> (line {line})</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
