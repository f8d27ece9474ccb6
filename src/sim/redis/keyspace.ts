/** One key: a string value and an absolute expiry on the owning master's wall clock (-1 = none). */
export interface Entry {
  value: string;
  expireAtMs: number;
}

/** R2: a key is expired iff now > when (strict), with `now` the node's wall clock. */
export function isExpired(entry: Entry, nowMs: number): boolean {
  return entry.expireAtMs >= 0 && nowMs > entry.expireAtMs;
}

/** A Redis database: the keys and a count of keys with a TTL (active expiry's work list). */
export class Keyspace {
  readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: string, expireAtMs: number): void {
    this.entries.set(key, { value, expireAtMs });
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  volatileCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.expireAtMs >= 0) n++;
    return n;
  }

  /** A deep copy, for snapshots (full sync, AOF rewrite). */
  snapshot(): Array<[string, Entry]> {
    const out: Array<[string, Entry]> = [];
    for (const [k, e] of this.entries) out.push([k, { value: e.value, expireAtMs: e.expireAtMs }]);
    return out;
  }

  load(items: ReadonlyArray<readonly [string, Entry]>): void {
    this.entries.clear();
    for (const [k, e] of items) this.entries.set(k, { value: e.value, expireAtMs: e.expireAtMs });
  }
}
