/**
 * A client's anchored entries (src/protocol/clientAnchors.ts): each waits for the client to
 * enter its state for the n-th time and then happens `afterMs` later. A client that has not got
 * there ANCHOR_SLACK_MS after the entry's scenario time has taken another path than the
 * simulation's; the entry happens then, so a replay never silently drops a fault.
 */
import type { ClientAnchor } from '../../src/protocol/clientAnchors.ts';

/** How long past its scenario time an anchored entry waits for its anchor (scenario ms). */
export const ANCHOR_SLACK_MS = 250;

interface Pending {
  anchor: Pick<ClientAnchor, 'state' | 'occurrence' | 'afterMs'>;
  act: (atMs: number) => void;
  cancelFallback: () => void;
}

interface Clock {
  at(atMs: number, fn: () => void): () => void;
}

export class AnchorBook {
  private readonly counts = new Map<string, number>();
  private readonly pending: Pending[] = [];

  constructor(private readonly clock: Clock) {}

  /** Runs act(atMs) now for an entry without anchor, else at its anchor (or the fallback). */
  place(atMs: number, anchor: ClientAnchor | undefined, act: (atMs: number) => void): void {
    if (anchor === undefined) return act(atMs);
    const p: Pending = { anchor, act, cancelFallback: () => {} };
    this.pending.push(p);
    const fallbackMs = atMs + ANCHOR_SLACK_MS;
    p.cancelFallback = this.clock.at(fallbackMs, () => {
      if (this.take(p)) act(fallbackMs);
    });
  }

  /** The client entered `state` at atMs: entries anchored to this occurrence are placed from it. */
  entered(state: string, atMs: number): void {
    const occurrence = (this.counts.get(state) ?? 0) + 1;
    this.counts.set(state, occurrence);
    for (const p of [...this.pending]) {
      if (p.anchor.state !== state || p.anchor.occurrence !== occurrence || !this.take(p)) continue;
      p.cancelFallback();
      p.act(atMs + p.anchor.afterMs);
    }
  }

  private take(p: Pending): boolean {
    const i = this.pending.indexOf(p);
    if (i < 0) return false;
    this.pending.splice(i, 1);
    return true;
  }
}
