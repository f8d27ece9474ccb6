import { describe, expect, it } from 'vitest';
import { lineOf, locateIssue, locateJsonPath } from './locateJson.ts';

const text = JSON.stringify(
  {
    version: 1,
    nodes: [{ id: 'A' }, { id: 'B', hz: 10 }],
    clients: [{ id: 'C1', strategy: { kind: 'redlock' }, workload: { rounds: -1, note: 'a "quoted" [text]' } }],
  },
  null,
  2,
);
const at = (r: { start: number; end: number } | null) => (r === null ? null : text.slice(r.start, r.end));

describe('locateJsonPath', () => {
  it('finds a number field with its key', () => {
    expect(at(locateJsonPath(text, ['clients', 0, 'workload', 'rounds']))).toBe('"rounds": -1');
    expect(at(locateJsonPath(text, ['nodes', 1, 'hz']))).toBe('"hz": 10');
  });

  it('finds an array element and an object by their opening', () => {
    expect(at(locateJsonPath(text, ['nodes', 1]))).toBe('{');
    expect(lineOf(text, locateJsonPath(text, ['nodes', 1])?.start ?? 0)).toBe(7);
    expect(at(locateJsonPath(text, ['clients', 0, 'strategy']))).toBe('"strategy": {');
  });

  it('falls back to the deepest part of the path that exists', () => {
    expect(at(locateJsonPath(text, ['clients', 0, 'workload', 'thinkMs']))).toBe('"workload": {');
    expect(locateJsonPath(text, ['timeline', 0])).toBeNull();
  });

  it('is not fooled by brackets and quotes inside strings, and survives broken text', () => {
    expect(at(locateJsonPath(text, ['clients', 0, 'workload', 'note']))).toBe('"note": "a \\"quoted\\" [text]"');
    const broken = '{"nodes": [{"id": "A"}, {"id": "B", "hz": 1';
    expect(locateJsonPath(broken, ['nodes', 1, 'hz'])).toEqual({ start: broken.indexOf('"hz"'), end: broken.length });
    expect(locateJsonPath('', ['nodes'])).toBeNull();
  });
});

describe('locateIssue', () => {
  it('points at the key an "unknown field" issue names', () => {
    const doc = '{\n  "nodes": [\n    { "id": "A", "persistance": "none" }\n  ]\n}';
    const r = locateIssue(doc, { path: 'nodes[0]', message: 'unknown field "persistance"' });
    expect(r === null ? null : doc.slice(r.start, r.end)).toBe('"persistance"');
  });

  it('points at the position a JSON syntax error names', () => {
    expect(
      locateIssue('{"a": 1,}', {
        path: '(document)',
        message: 'not valid JSON: Expected double-quoted property name in JSON at position 8',
      }),
    ).toEqual({
      start: 8,
      end: 8,
    });
    expect(locateIssue('{}', { path: '(document)', message: 'too large' })).toBeNull();
  });
});
