/** One thing wrong with an input: where (a field path like clients[0].strategy.kind) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** "clients[0].id: duplicate process id "C1"" lines, at most `max` of them. */
export function formatIssues(issues: readonly ValidationIssue[], max = 20): string {
  const lines = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('\n');
}

/**
 * A piece of user input quoted for a message: JSON-escaped (so control characters and
 * quotes cannot garble the message) and cut to `maxChars` characters.
 */
export function quoteInput(text: string, maxChars = 40): string {
  const shown = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  return JSON.stringify(shown);
}
