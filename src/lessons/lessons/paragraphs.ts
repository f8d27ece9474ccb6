/** A step's text or reveal from its paragraphs: plain text, paragraphs separated by a blank line (model.ts). */
export function paragraphs(...lines: string[]): string {
  return lines.join('\n\n');
}
