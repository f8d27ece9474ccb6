export interface OriginOptions {
  /** Allow a request with no Origin header (a non-browser client such as a test); off by default. */
  allowMissing?: boolean;
}

/**
 * Whether a WebSocket upgrade's Origin header is on the allowlist. Exact string matches
 * only: no wildcards, no prefixes, no case folding, no trailing-slash forgiveness, so
 * `http://localhost:5173.evil.example` or `http://LOCALHOST:5173` never pass for
 * `http://localhost:5173`. Browsers always send Origin on a WebSocket upgrade, so a
 * missing one is refused unless asked for. The opaque origin "null" (a sandboxed iframe,
 * a file:// page) is just a string here: refused unless the allowlist lists "null".
 */
export function originAllowed(origin: string | null | undefined, allowlist: readonly string[], options: OriginOptions = {}): boolean {
  if (origin === undefined || origin === null || origin === '') return options.allowMissing === true;
  return allowlist.includes(origin);
}
