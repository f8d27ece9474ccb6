import { isGone } from './procStatus.ts';
import { waitFor } from './waitFor.ts';

export interface StopOptions {
  /** How long SIGTERM gets before SIGKILL. A master waits about a second for its replicas. */
  termDeadlineMs?: number;
  /** How long SIGKILL gets before we give up with an error (the kernel should need far less). */
  killDeadlineMs?: number;
  /**
   * Whether the process is gone. Defaults to /proc (no entry or a zombie); a parent passes
   * its child's exit state, and the orphan cleanup passes "no longer the process we recorded".
   */
  gone?: () => boolean;
}

export type StopOutcome = 'already-gone' | 'terminated' | 'killed';

/**
 * Stops a process and waits until it has exited: SIGTERM (with SIGCONT, because a paused
 * process would not act on it), then SIGKILL once the deadline passes.
 */
export async function stopProcess(pid: number, opts: StopOptions = {}): Promise<StopOutcome> {
  const gone = opts.gone ?? (() => isGone(pid));
  if (gone()) return 'already-gone';
  signal(pid, 'SIGTERM');
  signal(pid, 'SIGCONT');
  try {
    await waitFor(gone, opts.termDeadlineMs ?? 5000, () => 'still running');
    return 'terminated';
  } catch {
    // It ignored or is slow on SIGTERM: fall through to SIGKILL.
  }
  if (gone()) return 'terminated';
  signal(pid, 'SIGKILL');
  await waitFor(gone, opts.killDeadlineMs ?? 5000, () => `process ${pid} survived SIGKILL`);
  return 'killed';
}

/** Sends a signal, ignoring "no such process" (it exited between our check and the signal). */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}
