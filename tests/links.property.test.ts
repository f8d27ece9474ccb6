import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../src/scenario/link/base64url.ts';
import { decodeLink } from '../src/scenario/link/decodeLink.ts';
import { encodeLink } from '../src/scenario/link/encodeLink.ts';
import { LINK_PANELS } from '../src/scenario/link/linkFormat.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { loadPreset, PRESETS } from '../src/scenario/presets/index.ts';
import { validScenarioArb } from './arbitraries/scenario.ts';

/**
 * Links as data from outside: every valid scenario survives encode → decode unchanged, and
 * no string — random, or a real link mutated — makes decodeLink throw; each yields a valid
 * scenario or a sentence saying what is wrong. Fixed seeds: a failure is reproducible.
 */

const presetLinks = PRESETS.map((p) => {
  const loaded = loadPreset(p.name);
  if (!loaded.ok) throw new Error(p.name);
  return encodeLink({ scenario: loaded.value, cursorMs: 0, view: { selected: null, panel: 'about' } });
});

/** A decode result a user can live with: a scenario that really is valid, or a readable reason. */
function expectSane(fragment: string): 'ok' | 'refused' {
  const r = decodeLink(fragment);
  if (r.ok) {
    expect(parseScenario(r.value.scenario).ok).toBe(true);
    expect(r.value.cursorMs).toBeGreaterThanOrEqual(0);
    expect(r.value.cursorMs).toBeLessThanOrEqual(r.value.scenario.durationMs);
    return 'ok';
  }
  expect(typeof r.message).toBe('string');
  expect(r.message.length).toBeGreaterThan(10);
  expect(r.message).not.toMatch(/\[object |NaN|^undefined/);
  return 'refused';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const mutation = fc.oneof(
  // flip one character to another of the alphabet (the link still "looks" right)
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), ch: fc.constantFrom(...ALPHABET) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('version' as const), v: fc.string({ maxLength: 4 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(link: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (link.length + 1) : 0;
  switch (m.kind) {
    case 'flip':
      return link.slice(0, at) + m.ch + link.slice(at + 1);
    case 'truncate':
      return link.slice(0, at);
    case 'insert':
      return link.slice(0, at) + m.text + link.slice(at);
    case 'delete':
      return link.slice(0, at) + link.slice(at + m.n);
    case 'version':
      return `v${m.v}${link.slice(link.indexOf('.'))}`;
  }
}

/** Well-formed links (valid base64 of valid deflate) carrying arbitrary JSON: the decoder's later stages. */
const jsonPayload = fc.oneof(
  fc.json(),
  fc.record({ scenario: fc.anything(), cursorMs: fc.anything(), view: fc.anything() }).map((d) => JSON.stringify(d) ?? 'null'),
  fc
    .record({ cursorMs: fc.integer(), view: fc.record({ selected: fc.string(), panel: fc.constantFrom(...LINK_PANELS, 'x') }) })
    .map((d) => JSON.stringify({ ...d, scenario: { version: 1, nodes: [{ id: 'A' }] } })),
);

describe('links: property and fuzz', () => {
  it('any valid scenario survives encode -> decode unchanged (with its cursor and view)', () => {
    fc.assert(
      fc.property(validScenarioArb(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), ({ scenario }, f, pick) => {
        const cursorMs = Math.round(f * scenario.durationMs);
        const selected = pick ? (scenario.nodes[0]?.id ?? null) : null;
        const doc = { scenario, cursorMs, view: { selected, panel: 'faults' as const } };
        expect(decodeLink(encodeLink(doc))).toEqual({ ok: true, value: doc });
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it('10,000+ random and mutated link strings: never a throw, always a valid scenario or a clear reason', () => {
    let total = 0;
    const tally = { ok: 0, refused: 0 };
    const count = (r: 'ok' | 'refused') => {
      tally[r]++;
      total++;
    };
    fc.assert(
      fc.property(fc.constantFrom(...presetLinks), mutation, (link, m) => count(expectSane(mutate(link, m)))),
      { numRuns: 6000, seed: 1 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => count(expectSane(s))),
      { numRuns: 1500, seed: 2 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^v[0-9]{1,2}\.[A-Za-z0-9_-]{0,400}$/), (s) => count(expectSane(s))),
      { numRuns: 1500, seed: 3 },
    );
    fc.assert(
      fc.property(jsonPayload, (json) => count(expectSane(`v1.${toBase64url(deflateSync(strToU8(json)))}`))),
      { numRuns: 1500, seed: 4 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
    // Both outcomes happen: mutations sometimes leave a link intact (e.g. inserting nothing), mostly break it.
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(tally.ok);
  });
});
