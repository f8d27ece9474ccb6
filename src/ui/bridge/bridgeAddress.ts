/**
 * Where the bridge listens. `npm run bridge` prints a link to the playground with the
 * bridge's address in it (`?bridge=ws://127.0.0.1:8787`), so the user only pastes the token.
 * The token never travels in the address: it would end up in the history and in shared links.
 */

/** The bridge URL the page's address carries (`?bridge=ws://…`), or null when there is none or it is not a WebSocket URL. */
export function bridgeUrlFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get('bridge');
  if (value === null) return null;
  const url = value.trim();
  return bridgeUrlProblem(url) === null ? url : null;
}

/** Why `text` is not a bridge address, in words for the field, or null when it is one (ws:// or wss://, with a host). */
export function bridgeUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the address the bridge printed, like ws://127.0.0.1:8787.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not an address; the bridge prints one like ws://127.0.0.1:8787.`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return `The bridge speaks WebSocket: the address starts with ws:// (not ${url.protocol}//).`;
  }
  if (url.hostname === '') return 'The address has no host; the bridge prints one like ws://127.0.0.1:8787.';
  return null;
}
