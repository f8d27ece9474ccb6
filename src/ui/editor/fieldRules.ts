import { z } from 'zod';
import { scenarioSchemaV1 } from '../../scenario/schema.ts';
import type { FieldPath } from './fieldPath.ts';
import type { NumberRule } from './parseNumberField.ts';

/**
 * What a single form field accepts, read from the scenario schema itself, so the editor's
 * bounds never drift from the validator's. The document is needed to pick the branch of a
 * union (a redlock client's strategy has other fields than a setnx one).
 */
export function schemaAt(path: FieldPath, doc: unknown): z.ZodType | null {
  let schema: z.ZodType = scenarioSchemaV1;
  let value: unknown = doc;
  for (const key of path) {
    const branch = pickBranch(unwrap(schema), value);
    if (branch === null) return null;
    if (branch instanceof z.ZodObject && typeof key === 'string') {
      const shape = branch.shape as Record<string, z.ZodType | undefined>;
      const child = shape[key];
      if (child === undefined) return null;
      schema = child;
    } else if (branch instanceof z.ZodArray && typeof key === 'number') {
      schema = branch.element as z.ZodType;
    } else {
      return null;
    }
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return unwrap(schema);
}

/** The bounds of a number field, or null when the path is not a number in the schema. */
export function numberRuleAt(path: FieldPath, doc: unknown): NumberRule | null {
  const schema = schemaAt(path, doc);
  if (!(schema instanceof z.ZodNumber)) return null;
  return {
    min: schema.minValue ?? Number.NEGATIVE_INFINITY,
    max: schema.maxValue ?? Number.POSITIVE_INFINITY,
    integer: schema.isInt,
  };
}

export type TextFieldResult = { ok: true; value: string } | { ok: false; message: string };

/** Checks a text field (a name, an id) against its schema, with a message that names the rule. */
export function checkTextField(path: FieldPath, doc: unknown, text: string): TextFieldResult {
  const schema = schemaAt(path, doc);
  if (schema === null) return { ok: true, value: text };
  if (schema instanceof z.ZodString) {
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
    if (text.length < min) return { ok: false, message: min === 1 ? 'must not be empty' : `must have at least ${min} characters` };
    if (text.length > max) return { ok: false, message: `must be at most ${max} characters (this is ${text.length})` };
  }
  const result = schema.safeParse(text);
  if (result.success) return { ok: true, value: text };
  return { ok: false, message: result.error.issues[0]?.message ?? 'is not accepted' };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

/** For a discriminated union, the option the value's discriminator names; otherwise the schema itself. */
function pickBranch(schema: z.ZodType, value: unknown): z.ZodType | null {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const key = schema._zod.def.discriminator;
  const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  for (const option of schema.options as readonly z.ZodType[]) {
    if (!(option instanceof z.ZodObject)) continue;
    const literal = (option.shape as Record<string, z.ZodType | undefined>)[key];
    if (literal instanceof z.ZodLiteral && literal.values.has(tag as never)) return option;
  }
  return null;
}
