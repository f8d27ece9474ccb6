/**
 * Watches the Sentinel of a failover group and writes what it decides into the trace: when the
 * master it names changes, a `failover` event and the new roles, as the engine's Sentinel does.
 * It asks over a fresh connection each time (rawCommand), so a paused Sentinel only delays it.
 */
import { rawCommand } from '../redis/rawCommand.ts';
import type { RunTrace } from './runTrace.ts';

export interface SentinelWatchOptions {
  sentinelPort: number;
  masterName: string;
  /** The run's nodes with their ports, to turn Sentinel's address into a node id. */
  nodePorts: ReadonlyMap<number, string>;
  initialMaster: string | null;
  trace: RunTrace;
  periodWallMs?: number;
}

export class SentinelWatch {
  private current: string | null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly opts: SentinelWatchOptions) {
    this.current = opts.initialMaster;
    this.schedule();
  }

  get master(): string | null {
    return this.current;
  }

  /** The master Sentinel names now (a node id), asking it once. */
  async ask(): Promise<string | null> {
    const reply = await rawCommand(this.opts.sentinelPort, ['SENTINEL', 'get-master-addr-by-name', this.opts.masterName], 500);
    if (!Array.isArray(reply)) return null;
    const port = Number(reply[1]);
    return this.opts.nodePorts.get(port) ?? null;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.opts.periodWallMs ?? 50);
  }

  private async poll(): Promise<void> {
    try {
      const master = await this.ask();
      if (!this.stopped && master !== null && master !== this.current) this.record(master);
    } catch {
      // A paused or busy Sentinel: ask again next time.
    }
    this.schedule();
  }

  private record(master: string): void {
    const old = this.current;
    this.current = master;
    const trace = this.opts.trace;
    if (old !== null) trace.emit({ kind: 'failover', from: old, to: master });
    trace.emit({ kind: 'role', node: master, role: 'master', master: null });
  }
}
