import type { Persistence } from '../model/scenario.ts';
import type { Change } from './change.ts';
import type { Entry } from './keyspace.ts';

/**
 * The append-only file (R9). Every change is appended; `syncedLength` is how much of
 * the file has reached the disk. `aof-always` fsyncs before the reply, `aof-everysec`
 * once per second (see node.ts), and a power loss keeps only the synced prefix.
 * When the file grows well past the dataset it is rewritten (BGREWRITEAOF).
 */
export class Aof {
  private entries: Change[] = [];
  private syncedLength = 0;

  constructor(readonly mode: Persistence) {}

  get enabled(): boolean {
    return this.mode !== 'none';
  }

  get unsyncedCount(): number {
    return this.entries.length - this.syncedLength;
  }

  append(change: Change): void {
    if (!this.enabled) return;
    this.entries.push(change);
    if (this.mode === 'aof-always') this.syncedLength = this.entries.length;
  }

  /** fsync: everything written so far is durable. Returns how many entries it flushed. */
  fsync(): number {
    const flushed = this.entries.length - this.syncedLength;
    this.syncedLength = this.entries.length;
    return flushed;
  }

  /** A power loss: the unsynced tail is gone. A clean shutdown fsyncs first. */
  crash(clean: boolean): void {
    if (clean) this.fsync();
    this.entries.length = this.syncedLength;
  }

  /** Rewrites the file as the given dataset, fully synced (after a full sync or as compaction). */
  rewrite(items: ReadonlyArray<readonly [string, Entry]>): void {
    if (!this.enabled) return;
    this.entries = items.map(([key, e]) => ({ kind: 'set', key, value: e.value, expireAtMs: e.expireAtMs }));
    this.syncedLength = this.entries.length;
  }

  /** Compacts when the log is much longer than the dataset and nothing is pending. */
  maybeCompact(datasetSize: number, snapshot: () => ReadonlyArray<readonly [string, Entry]>): void {
    if (this.unsyncedCount === 0 && this.entries.length > 4 * datasetSize + 64) this.rewrite(snapshot());
  }

  /** Replays the durable log into a dataset, as loading the AOF at startup does. */
  load(): Array<[string, Entry]> {
    const data = new Map<string, Entry>();
    for (let i = 0; i < this.syncedLength; i++) {
      const c = this.entries[i] as Change;
      if (c.kind === 'set') data.set(c.key, { value: c.value, expireAtMs: c.expireAtMs });
      else if (c.kind === 'del') data.delete(c.key);
      else {
        const e = data.get(c.key);
        if (e !== undefined) e.expireAtMs = c.expireAtMs;
      }
    }
    return [...data.entries()];
  }
}
