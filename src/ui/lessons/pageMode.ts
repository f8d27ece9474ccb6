/**
 * How the page is shown, from its query string: `?present` (presenter mode: large type, high
 * contrast, no editor, PageDown / PageUp step through the lesson) and `?embed` (only the
 * timeline and playback, for an iframe). Neither changes the default page.
 */
export interface PageMode {
  present: boolean;
  embed: boolean;
}

/** A flag is on when present without a value or with any value but "0" / "false" / "no". */
function flag(params: URLSearchParams, name: string): boolean {
  if (!params.has(name)) return false;
  const value = (params.get(name) ?? '').toLowerCase();
  return value !== '0' && value !== 'false' && value !== 'no';
}

export function pageModeOf(search: string): PageMode {
  const params = new URLSearchParams(search);
  return { present: flag(params, 'present'), embed: flag(params, 'embed') };
}

/** The query string with `name` set (as a bare flag) or removed, other parameters kept in order (flags stay bare). */
export function searchWithFlag(search: string, name: string, on: boolean): string {
  const params = new URLSearchParams(search);
  params.delete(name);
  const parts = [...params].map(([k, v]) => (v === '' ? encodeURIComponent(k) : new URLSearchParams([[k, v]]).toString()));
  if (on) parts.push(encodeURIComponent(name));
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The full playground's address for an embedded page: the same path and fragment, without `?embed`. */
export function fullPageUrl(location: { origin: string; pathname: string; search: string }, fragment: string): string {
  const search = searchWithFlag(location.search, 'embed', false);
  return `${location.origin}${location.pathname}${search}${fragment === '' ? '' : `#${fragment}`}`;
}
