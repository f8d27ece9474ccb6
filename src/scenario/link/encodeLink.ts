import { deflateSync, strToU8 } from 'fflate';
import { toBase64url } from './base64url.ts';
import { LINK_VERSION, type LinkDocument } from './linkFormat.ts';

/** The fragment (without '#') that carries this document: `v1.<base64url(deflate(JSON))>`. */
export function encodeLink(doc: LinkDocument): string {
  const json = JSON.stringify({ scenario: doc.scenario, cursorMs: doc.cursorMs, view: doc.view });
  return `v${LINK_VERSION}.${toBase64url(deflateSync(strToU8(json), { level: 9 }))}`;
}
