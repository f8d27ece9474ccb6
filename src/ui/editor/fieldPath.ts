/** Where a field lives in the document: ["clients", 0, "workload", "rounds"]. */
export type FieldPath = ReadonlyArray<string | number>;

const ID_PREFIX = 'scenario-editor';

/** The DOM id of the form control for a path (unique on the page: the prefix is the editor's). */
export function fieldIdOf(path: FieldPath): string {
  return [ID_PREFIX, ...path].join('-');
}

/**
 * "clients[0].workload.rounds" (a validation issue's path) -> ["clients", 0, "workload", "rounds"];
 * "(document)" -> []. Anything it cannot read comes back as [] (the whole document).
 */
export function pathOfIssue(text: string): Array<string | number> {
  if (text === '(document)') return [];
  const out: Array<string | number> = [];
  const token = /([^.[\]]+)|\[(\d+)\]/g;
  for (const m of text.matchAll(token)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** The path and then each of its ancestors, longest first: where to look for a control. */
export function pathAndAncestors(path: FieldPath): FieldPath[] {
  const out: FieldPath[] = [];
  for (let n = path.length; n > 0; n--) out.push(path.slice(0, n));
  return out;
}

/** The value at a path, or undefined when the path leaves the document. */
export function valueAt(doc: unknown, path: FieldPath): unknown {
  let v: unknown = doc;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/**
 * A copy of the document with the value at `path` replaced (undefined removes the field),
 * leaving the input alone. The result is only a candidate: the store validates it.
 */
export function withValueAt(doc: unknown, path: FieldPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const list = Array.isArray(doc) ? [...doc] : [];
    list[key] = withValueAt(list[key], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc } : {};
  const next = withValueAt(obj[key], rest, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}
