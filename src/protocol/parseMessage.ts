import type { z } from 'zod';
import { describeIssues } from './describeIssues.ts';
import { describeValue, kindOf, quoteInput } from './describeValue.ts';
import type { ParseErrorCode } from './errorCodes.ts';
import { messageId } from './fields.ts';
import { findForbiddenName } from './forbiddenNames.ts';
import type { FrameLimits } from './limits.ts';
import { type FrameData, readFrame } from './readFrame.ts';

export interface ParseError {
  code: ParseErrorCode;
  /** For people: names the field and what is wrong with it. */
  message: string;
  /** The refused message's id, when it had a readable one, so the error can answer it. */
  inReplyTo?: string;
}

export type ParseOutcome<M> = { ok: true; message: M } | { ok: false; error: ParseError };

/** What differs between the two directions. */
export interface MessageSet {
  schemas: Readonly<Record<string, z.ZodType>>;
  /** Who reads these messages, for "the bridge accepts: …". */
  reader: 'bridge' | 'browser';
  /** Refuse raw-command names (client messages); bridge messages may well mention commands. */
  refuseForbidden: boolean;
}

/**
 * Frame → message, in an order where each step bounds the next one's work: size, UTF-8,
 * depth, JSON, object shape, forbidden names, type, schema. Never throws: anything
 * unexpected is an `invalid` message, not a crashed connection.
 */
export function parseMessage<M>(data: FrameData, limits: FrameLimits, set: MessageSet): ParseOutcome<M> {
  try {
    return parseChecked<M>(data, limits, set);
  } catch (e) {
    return refuse(
      'invalid',
      `(message): could not be read: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : 'unexpected value'}`,
    );
  }
}

function parseChecked<M>(data: FrameData, limits: FrameLimits, set: MessageSet): ParseOutcome<M> {
  const frame = readFrame(data, limits);
  if (!frame.ok) return refuse(frame.code, frame.message);
  const value = frame.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse('invalid', `(message): expected a JSON object with a "type" field, got ${kindOf(value)}`);
  }
  const record = value as Record<string, unknown>;
  const id = messageId.safeParse(record.id);
  const inReplyTo = id.success ? id.data : undefined;
  const types = Object.keys(set.schemas);
  if (set.refuseForbidden) {
    const forbidden = findForbiddenName(record);
    if (forbidden !== null) {
      return refuse(
        'forbidden',
        `${forbidden.path}: ${forbidden.quoted} looks like a raw Redis command; the bridge runs only its fixed operations (${types.join(', ')})`,
        inReplyTo,
      );
    }
  }
  const type = record.type;
  if (type === undefined) return refuse('invalid', `type: missing; expected one of ${types.join(', ')}`, inReplyTo);
  if (typeof type !== 'string') return refuse('invalid', `type: expected a string, got ${describeValue(type)}`, inReplyTo);
  // hasOwn: "constructor" or "__proto__" must not find Object.prototype's members.
  const schema = Object.hasOwn(set.schemas, type) ? set.schemas[type] : undefined;
  if (schema === undefined) {
    return refuse(
      'unknown-type',
      `type: unknown message type ${quoteInput(type)}; the ${set.reader} accepts ${types.join(', ')}`,
      inReplyTo,
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) return refuse('invalid', describeIssues(type, result.error.issues, value, fieldsOf(schema)), inReplyTo);
  return { ok: true, message: result.data as M };
}

function refuse<M>(code: ParseErrorCode, message: string, inReplyTo?: string): ParseOutcome<M> {
  return { ok: false, error: inReplyTo === undefined ? { code, message } : { code, message, inReplyTo } };
}

/** A strict object schema's field names, for "its fields are …". */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: unknown }).shape;
  return shape !== null && typeof shape === 'object' ? Object.keys(shape) : [];
}
