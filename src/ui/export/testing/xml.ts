/**
 * A small XML reader for tests (Node has no DOMParser): checks that a document is well
 * formed — tags balanced and properly nested, attributes quoted and unique, no raw `<` or
 * stray `&` in text or attribute values — and returns its elements with their attributes
 * and own text. Enough for SVG we write ourselves; not a general XML parser (no DTDs).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** The element's own text (entities decoded), children's text not included. */
  text: string;
  parent: XmlElement | null;
  children: XmlElement[];
}

export type XmlResult = { ok: true; root: XmlElement; elements: XmlElement[] } | { ok: false; error: string };

const NAME = /^[A-Za-z_:][\w:.-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const DECODE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (DECODE[e] ?? ''),
  );
}

/** Where `text` breaks the rules of character data, or null. */
function badCharacterData(text: string, forbidQuote: string | null): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<') return 'a raw "<"';
    if (c === forbidQuote) return `a raw ${c}`;
    if (c === '&' && !ENTITY.test(text.slice(i))) return `a stray "&" (${JSON.stringify(text.slice(i, i + 12))})`;
  }
  return null;
}

export function parseXml(doc: string): XmlResult {
  let i = 0;
  const fail = (why: string): XmlResult => ({ ok: false, error: `${why} at character ${i}` });
  if (doc.startsWith('<?xml')) {
    const end = doc.indexOf('?>');
    if (end < 0) return fail('unterminated XML declaration');
    i = end + 2;
  }
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt < 0 ? doc.length : lt);
    const bad = badCharacterData(text, null);
    if (bad !== null) return fail(`text holds ${bad}`);
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (text.trim() !== '') return fail('text outside the root element');
    } else {
      top.text += decode(text);
    }
    if (lt < 0) break;
    i = lt;
    if (doc.startsWith('<!--', i)) {
      const end = doc.indexOf('-->', i + 4);
      if (end < 0) return fail('unterminated comment');
      i = end + 3;
      continue;
    }
    if (doc.startsWith('</', i)) {
      const name = NAME.exec(doc.slice(i + 2))?.[0];
      const close = doc.indexOf('>', i);
      if (name === undefined || close < 0 || doc.slice(i + 2 + name.length, close).trim() !== '') return fail('malformed end tag');
      const open = stack.pop();
      if (open === undefined || open.name !== name) return fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(doc.slice(i + 1))?.[0];
    if (name === undefined) return fail('a "<" that starts no tag');
    if (root !== null && stack.length === 0) return fail('a second root element');
    i += 1 + name.length;
    const element: XmlElement = { name, attrs: {}, text: '', parent: stack[stack.length - 1] ?? null, children: [] };
    let selfClosing = false;
    for (;;) {
      const space = /^\s*/.exec(doc.slice(i))?.[0].length ?? 0;
      i += space;
      if (doc.startsWith('/>', i)) {
        selfClosing = true;
        i += 2;
        break;
      }
      if (doc[i] === '>') {
        i += 1;
        break;
      }
      if (space === 0) return fail(`no space before an attribute of <${name}>`);
      const attr = NAME.exec(doc.slice(i))?.[0];
      if (attr === undefined) return fail(`malformed attribute in <${name}>`);
      i += attr.length;
      const quote = /^\s*=\s*(["'])/.exec(doc.slice(i));
      if (quote === null) return fail(`attribute ${attr} of <${name}> has no quoted value`);
      i += quote[0].length;
      const q = quote[1] as string;
      const end = doc.indexOf(q, i);
      if (end < 0) return fail(`unterminated value of ${attr}`);
      const value = doc.slice(i, end);
      const badValue = badCharacterData(value, null);
      if (badValue !== null) return fail(`attribute ${attr} of <${name}> holds ${badValue}`);
      if (attr in element.attrs) return fail(`attribute ${attr} twice in <${name}>`);
      element.attrs[attr] = decode(value);
      i = end + 1;
    }
    element.parent?.children.push(element);
    elements.push(element);
    if (root === null) root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) return fail(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (root === null) return fail('no root element');
  return { ok: true, root, elements };
}
