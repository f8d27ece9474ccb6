import { inflateSync } from 'fflate';
import { formatIssues } from '../issues.ts';
import { parseScenario } from '../parse.ts';
import { fromBase64url } from './base64url.ts';
import { LINK_CHARS_MAX, LINK_JSON_BYTES_MAX, LINK_PANELS, LINK_VERSION, type LinkDocument, type LinkPanel } from './linkFormat.ts';
import { MIGRATIONS, type Migration, migrate } from './migrations.ts';

export type DecodedLink = { ok: true; value: LinkDocument } | { ok: false; message: string };

const fail = (message: string): DecodedLink => ({ ok: false, message });

/**
 * Reads a link's fragment (without '#'). Never throws: every way a link can be broken —
 * cut short, garbage, oversized, a newer or unknown version, a valid encoding of an invalid
 * scenario — becomes a message that says what is wrong.
 */
export function decodeLink(fragment: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): DecodedLink {
  try {
    return decode(fragment, migrations);
  } catch (e) {
    // Nothing above should throw; if something does, the user still gets a sentence, not a blank page.
    return fail(`the link could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

function decode(fragment: string, migrations: Readonly<Record<number, Migration>>): DecodedLink {
  const text = fragment.trim();
  if (text.length === 0) return fail('the link has no scenario in it');
  if (text.length > LINK_CHARS_MAX)
    return fail(`the link is too long (${text.length} characters; a scenario link has at most ${LINK_CHARS_MAX})`);
  const m = /^v(\d{1,6})\.([\s\S]*)$/.exec(text);
  if (m === null) return fail('this is not a Redlock Playground scenario link (it should start with "v1.")');
  const version = Number(m[1]);
  if (version > LINK_VERSION)
    return fail(`the link was made by a newer version of the playground (link format v${version}; this page reads up to v${LINK_VERSION})`);
  if (version < 1) return fail(`there is no link format v${version}`);
  const bytes = fromBase64url(m[2] ?? '');
  if (!bytes.ok) return fail(`the link is damaged: ${bytes.message}`);
  if (bytes.bytes.length === 0) return fail('the link is cut short: it has no data after "v1."');
  const json = inflate(bytes.bytes);
  if (!json.ok) return json;
  let doc: unknown;
  try {
    doc = JSON.parse(json.text);
  } catch {
    return fail('the link is damaged: its data is not a scenario document (not JSON)');
  }
  const migrated = migrate(doc, version, LINK_VERSION, migrations);
  if (!migrated.ok) return fail(`the link cannot be read: ${migrated.message}`);
  return documentOf(migrated.doc);
}

function inflate(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  let out: Uint8Array;
  try {
    // A fixed output buffer: a compressed bomb stops at the cap instead of filling memory.
    out = inflateSync(bytes, { out: new Uint8Array(LINK_JSON_BYTES_MAX + 1) });
  } catch {
    return { ok: false, message: 'the link is damaged or cut short: its data does not decompress' };
  }
  if (out.length > LINK_JSON_BYTES_MAX)
    return { ok: false, message: `the link's scenario is too large (over ${LINK_JSON_BYTES_MAX} bytes)` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, message: 'the link is damaged: its data is not text' };
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function documentOf(doc: unknown): DecodedLink {
  if (!isRecord(doc)) return fail('the link is damaged: its data is not a scenario document');
  if (!('scenario' in doc)) return fail('the link has no scenario in it');
  const parsed = parseScenario(doc.scenario);
  if (!parsed.ok) return fail(`the link's scenario is not valid:\n${formatIssues(parsed.issues, 8)}`);
  const scenario = parsed.value;
  const cursorMs = doc.cursorMs ?? 0;
  if (typeof cursorMs !== 'number' || !Number.isFinite(cursorMs) || cursorMs < 0 || cursorMs > scenario.durationMs) {
    return fail(`the link's cursor time is not a time in the run (${JSON.stringify(cursorMs)}; the run lasts ${scenario.durationMs} ms)`);
  }
  const view = doc.view ?? {};
  if (!isRecord(view)) return fail("the link's view is not an object");
  const selected = view.selected ?? null;
  const processes = [...scenario.nodes.map((n) => n.id), ...scenario.clients.map((c) => c.id)];
  if (selected !== null && (typeof selected !== 'string' || !processes.includes(selected))) {
    return fail(`the link selects ${JSON.stringify(selected)}, which is not a node or client of its scenario (${processes.join(', ')})`);
  }
  const panel = view.panel ?? 'about';
  if (typeof panel !== 'string' || !(LINK_PANELS as readonly string[]).includes(panel)) {
    return fail(`the link opens a panel that does not exist: ${JSON.stringify(panel)} (panels: ${LINK_PANELS.join(', ')})`);
  }
  return { ok: true, value: { scenario, cursorMs: Math.round(cursorMs), view: { selected, panel: panel as LinkPanel } } };
}
