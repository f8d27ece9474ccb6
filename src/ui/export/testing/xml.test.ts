import { describe, expect, it } from 'vitest';
import { parseXml } from './xml.ts';

describe('parseXml (the tests’ well-formedness check)', () => {
  it('reads a small document: elements, attributes (decoded), text', () => {
    const r = parseXml('<?xml version="1.0"?>\n<svg a="1 &amp; 2"><g><text x=\'3\'>A &lt;b&gt; &#65;</text></g><rect/></svg>\n');
    if (!r.ok) throw new Error(r.error);
    expect(r.elements.map((e) => e.name)).toEqual(['svg', 'g', 'text', 'rect']);
    expect(r.root.attrs.a).toBe('1 & 2');
    expect(r.elements[2]?.text).toBe('A <b> A');
    expect(r.elements[2]?.parent?.name).toBe('g');
  });

  it.each([
    ['an unclosed tag', '<svg><g></svg>'],
    ['a crossed end tag', '<svg><g><text></g></text></svg>'],
    ['a raw < in text', '<svg><text>a < b</text></svg>'],
    ['a stray & in text', '<svg><text>Tom & Jerry</text></svg>'],
    ['a stray & in an attribute', '<svg a="x&y"/>'],
    ['an unquoted attribute', '<svg a=1/>'],
    ['a duplicate attribute', '<svg a="1" a="2"/>'],
    ['two roots', '<svg/><svg/>'],
    ['nothing', ''],
  ])('refuses %s', (_, doc) => {
    expect(parseXml(doc).ok).toBe(false);
  });
});
