/**
 * The protected resource of a real run: a storage service inside the bridge, with the
 * simulator's fencing rules (src/sim/storage/storage.ts), so a stale write is judged the same way:
 * - none: accepts everything;
 * - token: rejects a token lower than the highest it has accepted (Kleppmann's fencing);
 * - cas: keeps the lock value the newest holder claimed, and accepts only writes carrying it.
 * It lives in the bridge, not in Redis: the experiment is about the lock, not the storage.
 */
import type { Fencing } from '../../src/sim/model/scenario.ts';
import type { WriteVerdict } from '../../src/sim/trace/events.ts';
import type { RunTrace } from './runTrace.ts';

export class RealStorage {
  private highestToken: number | null = null;
  private currentValue: string | null = null;

  constructor(
    private readonly fencing: Fencing,
    private readonly trace: RunTrace,
  ) {}

  claim(client: string, value: string, epoch: number): void {
    this.currentValue = value;
    this.trace.emit({ kind: 'storage-claim', client, value, epoch });
  }

  write(client: string, w: { seq: number; epoch: number; token: number | null; value: string }): WriteVerdict {
    const verdict = this.judge(w.token, w.value);
    this.trace.emit({
      kind: 'storage-write',
      client,
      seq: w.seq,
      epoch: w.epoch,
      token: w.token,
      value: w.value,
      verdict,
      highestToken: this.fencing === 'token' ? this.highestToken : null,
      currentValue: this.fencing === 'cas' ? this.currentValue : null,
    });
    if (verdict === 'accepted' && w.token !== null) this.highestToken = Math.max(this.highestToken ?? w.token, w.token);
    return verdict;
  }

  private judge(token: number | null, value: string): WriteVerdict {
    if (this.fencing === 'token' && token !== null && this.highestToken !== null && token < this.highestToken) return 'token-too-old';
    if (this.fencing === 'cas' && this.currentValue !== value) return 'value-mismatch';
    return 'accepted';
  }
}
