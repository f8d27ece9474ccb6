import type { ValidationIssue } from '../../scenario/issues.ts';
import { type FieldPath, pathOfIssue } from './fieldPath.ts';

/** A stretch of the JSON text, as textarea selection offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** Deeper than any scenario can be (parse.ts refuses more than 64 levels before this runs). */
const DEPTH_MAX = 100;

/**
 * Where the value at `path` is written in JSON `text`: its key and value for a number or a
 * string, its key and opening bracket for an object or array. When the path does not reach
 * that far (a missing field), the deepest part of it that is in the text. Null when not even
 * the first step is there or the text is not JSON. One pass; never throws.
 */
export function locateJsonPath(text: string, path: FieldPath): TextRange | null {
  let i = 0;
  let best: { depth: number; range: TextRange } | null = null;

  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const expect = (char: string) => {
    if (text[i] !== char) throw new SyntaxError(`expected ${char} at ${i}`);
    i++;
  };
  const readString = (): string => {
    const start = i;
    expect('"');
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      } else i++;
    }
    throw new SyntaxError('unterminated string');
  };
  /** Scans one value; `matched` says the path so far leads here (depth steps of it). */
  const readValue = (depth: number, matched: boolean, keyStart: number | null) => {
    if (depth > DEPTH_MAX) throw new SyntaxError('too deep');
    skipSpace();
    const start = i;
    const open = text[i];
    const next = (key: string | number) => matched && depth < path.length && path[depth] === key;
    if (open === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          skipSpace();
          const childKeyStart = i;
          const key = readString();
          skipSpace();
          expect(':');
          readValue(depth + 1, next(key), childKeyStart);
          skipSpace();
          if (text[i] === ',') i++;
          else {
            expect('}');
            break;
          }
        }
      }
    } else if (open === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') i++;
      else {
        for (let index = 0; ; index++) {
          readValue(depth + 1, next(index), null);
          skipSpace();
          if (text[i] === ',') i++;
          else {
            expect(']');
            break;
          }
        }
      }
    } else if (open === '"') {
      readString();
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
      if (i === start) throw new SyntaxError(`unexpected ${open ?? 'end'} at ${i}`);
    }
    // Children are recorded before their parent, so "deeper" is enough to keep the best.
    if (matched && depth > 0 && (best === null || depth > best.depth)) {
      const container = open === '{' || open === '[';
      best = { depth, range: { start: keyStart ?? start, end: container ? start + 1 : i } };
    }
  };

  try {
    readValue(0, true, null);
  } catch {
    // Broken text: whatever was found before the break is still true.
  }
  return best === null ? null : (best as { range: TextRange }).range;
}

/**
 * Where an issue points in the text: the field of its path (for "unknown field" the unknown
 * key itself), or for a JSON syntax error the position the parser names. Null when unknown.
 */
export function locateIssue(text: string, issue: ValidationIssue): TextRange | null {
  if (issue.path === '(document)') {
    const position = /position (\d+)/.exec(issue.message);
    if (position === null) return null;
    const at = Math.min(text.length, Number(position[1]));
    return { start: at, end: at };
  }
  const path = pathOfIssue(issue.path);
  const unknownKey = unknownFieldOf(issue.message);
  if (unknownKey !== null) {
    const precise = locateJsonPath(text, [...path, unknownKey]);
    const parent = locateJsonPath(text, path);
    // Only the key itself, if it is there: its value may be a whole object.
    if (precise !== null && (parent === null || precise.start !== parent.start)) {
      return { start: precise.start, end: precise.start + JSON.stringify(unknownKey).length };
    }
  }
  return locateJsonPath(text, path);
}

/** The first key named in an 'unknown field "persistance"' message, or null. */
function unknownFieldOf(message: string): string | null {
  const m = /^unknown fields? ("(?:[^"\\]|\\.)*")/.exec(message);
  if (m === null || m[1] === undefined) return null;
  try {
    return JSON.parse(m[1]) as string;
  } catch {
    return null;
  }
}

/** The 1-based line of an offset, for "line 12" next to an issue. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
