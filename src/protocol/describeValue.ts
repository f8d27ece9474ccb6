/**
 * Short, safe renderings of untrusted input for error messages: JSON-escaped (control
 * characters and quotes cannot garble a message or a log line) and cut short, so an
 * error never echoes a large or hostile payload back.
 */
export function quoteInput(text: string, maxChars = 40): string {
  const shown = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  return JSON.stringify(shown);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** A value named in a message: a quoted string, a number or boolean as is, otherwise its kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `(${kindOf(value)})`;
}

/** A field path like `groups[0][1]` or `scenario.nodes[2].config`; the empty path is the message itself. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(message)' : out;
}
