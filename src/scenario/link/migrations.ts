/**
 * Link format migrations: each turns a document of version N into version N + 1, so a link
 * made by an older version of the playground keeps opening. Version 1 is the first format;
 * when the format changes, add `2: (v1) => v2` here, bump LINK_VERSION, and keep the pinned
 * v1 links in links.fixtures.test.ts opening with the same trace hash.
 */
export type Migration = (doc: unknown) => unknown;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type Migrated = { ok: true; doc: unknown } | { ok: false; message: string };

/** Brings `doc` from `version` up to `target` through the chain; says which step is missing. */
export function migrate(
  doc: unknown,
  version: number,
  target: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Migrated {
  let current = doc;
  for (let v = version + 1; v <= target; v++) {
    const step = migrations[v];
    if (step === undefined) return { ok: false, message: `no migration from link version ${v - 1} to ${v}` };
    current = step(current);
  }
  return { ok: true, doc: current };
}
