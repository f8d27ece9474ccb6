import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../presets/index.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { decodeLink } from './decodeLink.ts';
import { encodeLink } from './encodeLink.ts';
import type { LinkDocument } from './linkFormat.ts';
import { migrate } from './migrations.ts';

function preset(name: string) {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(name);
  return loaded.value;
}

const doc = (name: string, cursorMs = 0): LinkDocument => ({
  scenario: preset(name),
  cursorMs,
  view: { selected: 'C1', panel: 'statechart' },
});
/** A fragment whose payload is this JSON text, deflated: a well-formed link of any content. */
const linkOf = (json: string, version = 1) => `v${version}.${toBase64url(deflateSync(strToU8(json)))}`;
const messageOf = (fragment: string) => {
  const r = decodeLink(fragment);
  if (r.ok) throw new Error(`expected ${fragment.slice(0, 40)} to be refused`);
  return r.message;
};

describe('scenario links', () => {
  it('round-trips a preset with its cursor and view, and stays under 2,000 characters', () => {
    for (const name of ['failover-loses-lock', 'clock-jump', 'busy-redlock', 'gc-pause-after-acquire']) {
      const fragment = encodeLink(doc(name, 1234));
      expect(fragment.startsWith('v1.')).toBe(true);
      expect(fragment.length).toBeLessThan(2000);
      expect(decodeLink(fragment)).toEqual({ ok: true, value: doc(name, 1234) });
    }
  });

  it('base64url is exact for every length and refuses foreign characters', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 89 + n * 7) % 256);
      const text = toBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64url(text)).toEqual({ ok: true, bytes });
    }
    expect(fromBase64url('ab=c')).toMatchObject({ ok: false, message: expect.stringContaining('"="') });
  });

  it('says what is wrong with a hostile or broken link, one reason each', () => {
    const good = encodeLink(doc('failover-loses-lock'));
    expect(messageOf('')).toBe('the link has no scenario in it');
    expect(messageOf('hello world')).toContain('not a Redlock Playground scenario link');
    expect(messageOf(good.slice(0, good.length / 2))).toMatch(/damaged or cut short|cut short/);
    expect(messageOf(`${good.slice(0, 40)}!!${good.slice(42)}`)).toContain('character that does not belong');
    expect(messageOf(`v9.${good.slice(3)}`)).toContain('newer version of the playground (link format v9');
    expect(messageOf('v0.abcd')).toContain('no link format v0');
    expect(messageOf(`v1.${'A'.repeat(70_000)}`)).toContain('too long');
    expect(messageOf('v1.')).toContain('cut short');
    expect(messageOf(linkOf('not json'))).toContain('not JSON');
    expect(messageOf(linkOf('[1,2]'))).toContain('not a scenario document');
    expect(messageOf(linkOf('{"cursorMs":5}'))).toBe('the link has no scenario in it');
    const bad = { ...doc('happy-path'), scenario: { ...preset('happy-path'), lock: { key: 'lock', ttlMs: -1 } } };
    expect(messageOf(linkOf(JSON.stringify(bad)))).toMatch(/^the link's scenario is not valid:\n.*lock\.ttlMs/s);
    const farCursor = { ...doc('happy-path'), cursorMs: 99_999_999 };
    expect(messageOf(linkOf(JSON.stringify(farCursor)))).toContain(
      'cursor time is not a time in the run (99999999; the run lasts 8000 ms)',
    );
    const ghost = { ...doc('happy-path'), view: { selected: 'Z9', panel: 'about' } };
    expect(messageOf(linkOf(JSON.stringify(ghost)))).toContain('"Z9", which is not a node or client');
    const bomb = `v1.${toBase64url(deflateSync(new Uint8Array(3_000_000).fill(32)))}`;
    expect(messageOf(bomb)).toContain('too large');
  });

  it('migrates an older document step by step, in order, and names a missing step', () => {
    const trail = (tag: string) => (d: unknown) => ({ ...(d as object), trail: [...((d as { trail?: string[] }).trail ?? []), tag] });
    expect(migrate({ trail: [] }, 1, 3, { 2: trail('to v2'), 3: trail('to v3') })).toEqual({
      ok: true,
      doc: { trail: ['to v2', 'to v3'] },
    });
    expect(migrate({}, 1, 3, { 2: trail('to v2') })).toEqual({ ok: false, message: 'no migration from link version 2 to 3' });
    expect(migrate({ a: 1 }, 1, 1, {})).toEqual({ ok: true, doc: { a: 1 } });
  });
});
