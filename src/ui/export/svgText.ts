/**
 * Small helpers for writing SVG as text: escaping, compact numbers, rough text widths.
 * Data in, data out; nothing here touches the DOM, so the export runs in Node tests too.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Half of a surrogate pair without its other half: not a character, so not allowed in XML either. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text or an attribute value made safe for XML: the five special characters as entities, and
 * the control characters XML 1.0 forbids (a scenario name may hold any string) dropped.
 */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
  const allowed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(LONE_SURROGATE, '');
  return allowed.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** A coordinate with one decimal (enough for print, and it keeps a busy run's file small). */
export function px(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * About how wide a line of text is in a sans-serif font, for deciding whether a label fits:
 * there is no font to measure with outside a browser, so this errs on the wide side.
 */
export function textWidthPx(text: string, fontPx: number): number {
  return text.length * fontPx * 0.6;
}

/** The text cut (with an ellipsis) to about `widthPx`; empty if not even one character fits. */
export function fitText(text: string, fontPx: number, widthPx: number): string {
  if (textWidthPx(text, fontPx) <= widthPx) return text;
  const chars = Math.floor(widthPx / (fontPx * 0.6)) - 1;
  return chars < 1 ? '' : `${text.slice(0, chars)}…`;
}
