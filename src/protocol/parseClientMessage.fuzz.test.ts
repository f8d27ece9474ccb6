import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_TYPES, type ClientMessageType } from './clientMessages.ts';
import { PARSE_ERROR_CODES } from './errorCodes.ts';
import { FORBIDDEN_NAMES } from './forbiddenNames.ts';
import type { FrameData } from './readFrame.ts';
import { parseClientMessage } from './parseClientMessage.ts';
import { CLIENT_EXAMPLES } from './testing/examples.ts';

/**
 * 5,000 random and mutated frames: the parser never throws, and every answer is either a
 * message of a known type (which survives a second round trip unchanged) or a coded error
 * with a short message. Most frames are valid messages with one to three mutations, so
 * they get past the JSON stage and exercise the forbidden-name scan and the schemas.
 * Seeds are pinned; FUZZ_SEED=<n> explores another one.
 */
const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x0b1d_9e01;
const FRAMES = 5_000;
const MESSAGE_CHARS_MAX = 600;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const examples = CLIENT_MESSAGE_TYPES.map((type) => CLIENT_EXAMPLES[type] as unknown as { [key: string]: Json });

const fieldNameArb = fc.oneof(
  fc.constantFrom(
    'type',
    'id',
    'node',
    'client',
    'op',
    'ttlMs',
    'groups',
    'scenario',
    'speed',
    'token',
    'protocol',
    'partition',
    '__proto__',
  ),
  fc.constantFrom(...FORBIDDEN_NAMES).map((n) => (n.length % 2 === 0 ? n.toUpperCase() : n)),
  fc.string({ maxLength: 12 }),
);
const valueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e308, '', 'A', 'C1', 'p1', 'acquire', 'release', [], {}, [['A'], ['B']]),
  fc.constantFrom(...CLIENT_MESSAGE_TYPES, 'eval', 'FLUSHALL', 'constructor'),
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

type Mutation = { kind: 'delete'; field: string } | { kind: 'set'; field: string; value: Json } | { kind: 'retype'; type: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fieldNameArb.map((field) => ({ kind: 'delete' as const, field })),
  fc.record({ kind: fc.constant('set' as const), field: fieldNameArb, value: valueArb }),
  fc.constantFrom<string>(...CLIENT_MESSAGE_TYPES).map((type) => ({ kind: 'retype' as const, type })),
);

function mutate(message: { [key: string]: Json }, mutations: readonly Mutation[]): { [key: string]: Json } {
  const out: { [key: string]: Json } = structuredClone(message);
  for (const m of mutations) {
    if (m.kind === 'delete') delete out[m.field];
    else if (m.kind === 'retype') out.type = m.type as ClientMessageType;
    // defineProperty, so a "__proto__" field is a field (as JSON.parse makes it), not a prototype.
    else Object.defineProperty(out, m.field, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const encoder = new TextEncoder();

/** Frames of every kind, weighted towards almost-valid messages. */
const frameArb: fc.Arbitrary<FrameData> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...examples), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
      .map(([m, ms]) => JSON.stringify(mutate(m, ms))),
  },
  { weight: 1, arbitrary: fc.constantFrom(...examples).map((m) => JSON.stringify(m)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...examples), fc.nat(), fc.string({ maxLength: 3 })).map(([m, cut, insert]) => {
      const text = JSON.stringify(m);
      const at = cut % (text.length + 1);
      return text.slice(0, at) + insert + text.slice(at + 1);
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...examples).map((m) => [encoder.encode(JSON.stringify(m)).subarray(0, 7), encoder.encode('}')]),
  },
);

describe('parseClientMessage on hostile frames', () => {
  it(`never throws and answers every one of ${FRAMES} frames with a message or a coded error`, () => {
    const outcomes = { accepted: 0, refused: new Map<string, number>() };
    fc.assert(
      fc.property(frameArb, (frame) => {
        const outcome = parseClientMessage(frame);
        if (outcome.ok) {
          expect(CLIENT_MESSAGE_TYPES).toContain(outcome.message.type);
          const again = parseClientMessage(JSON.stringify(outcome.message));
          expect(again).toEqual({ ok: true, message: outcome.message });
          outcomes.accepted++;
        } else {
          expect(PARSE_ERROR_CODES).toContain(outcome.error.code);
          expect(typeof outcome.error.message).toBe('string');
          expect(outcome.error.message.length).toBeGreaterThan(0);
          expect(outcome.error.message.length).toBeLessThanOrEqual(MESSAGE_CHARS_MAX);
          outcomes.refused.set(outcome.error.code, (outcomes.refused.get(outcome.error.code) ?? 0) + 1);
        }
      }),
      { seed: FUZZ_SEED, numRuns: FRAMES },
    );
    console.log(`fuzz: ${outcomes.accepted} accepted, refused ${JSON.stringify(Object.fromEntries(outcomes.refused))}`);
    // The mix reached every stage: some frames passed, and every error code came up.
    expect(outcomes.accepted).toBeGreaterThan(50);
    for (const code of ['not-json', 'invalid', 'unknown-type', 'forbidden'] as const) {
      expect(outcomes.refused.get(code) ?? 0, code).toBeGreaterThan(20);
    }
  });
});
