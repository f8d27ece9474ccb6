import { Clock } from '../clock/clock.ts';
import { type Fencing, STORAGE_ID } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { Message } from '../process/message.ts';
import { Proc } from '../process/proc.ts';
import type { WriteVerdict } from '../trace/events.ts';

/**
 * The resource the lock protects: a storage service that records every write with its
 * writer, lock epoch and time (in the trace), and applies the scenario's fencing:
 * - none: accepts everything;
 * - token: rejects a token lower than the highest it has accepted (Kleppmann's fencing);
 * - cas: keeps the current lock value, set by each new holder's claim, and accepts a write
 *   only while it still matches (antirez's check-and-set proposal).
 * It never crashes: the experiment is about the lock, not the storage.
 */
export class Storage extends Proc {
  private highestToken: number | null = null;
  private currentValue: string | null = null;

  constructor(
    private readonly fencing: Fencing,
    private readonly host: Host,
  ) {
    super(STORAGE_ID, new Clock({ offsetMs: 0, rate: 1 }));
  }

  onMessage(msg: Message): void {
    const body = msg.body;
    if (body.type === 'claim') {
      this.currentValue = body.value;
      this.host.emit({ t: this.host.nowMs, kind: 'storage-claim', client: msg.from, value: body.value, epoch: body.epoch });
      return;
    }
    if (body.type !== 'write') return;
    const verdict = this.judge(body.token, body.value);
    this.host.emit({
      t: this.host.nowMs,
      kind: 'storage-write',
      client: msg.from,
      seq: body.seq,
      epoch: body.epoch,
      token: body.token,
      value: body.value,
      verdict,
      highestToken: this.fencing === 'token' ? this.highestToken : null,
      currentValue: this.fencing === 'cas' ? this.currentValue : null,
    });
    if (verdict === 'accepted' && body.token !== null) this.highestToken = Math.max(this.highestToken ?? body.token, body.token);
    this.host.send(this.id, msg.from, { type: 'write-reply', seq: body.seq, accepted: verdict === 'accepted' }, verdict);
  }

  private judge(token: number | null, value: string): WriteVerdict {
    if (this.fencing === 'token' && token !== null && this.highestToken !== null && token < this.highestToken) return 'token-too-old';
    if (this.fencing === 'cas' && this.currentValue !== value) return 'value-mismatch';
    return 'accepted';
  }

  onCrash(): void {}
}
