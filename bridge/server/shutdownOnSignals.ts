import { onShutdown, REPEATED_SIGNAL_WINDOW_MS } from '../redis/shutdownHooks.ts';

export { REPEATED_SIGNAL_WINDOW_MS };

export interface ShutdownOptions {
  /** The orderly stop: close the WebSocket server, then the backend (runs, then the redis-servers). */
  stop(): Promise<void>;
  /** Synchronous last resort for process.on('exit'), e.g. SIGKILL of every server still running. */
  killNow?: () => void;
  /** How long the orderly stop may take before the process exits anyway. */
  graceMs?: number;
  log?: (line: string) => void;
}

/**
 * `npm run bridge`'s way out: bridge/redis/shutdownHooks.ts's hooks around the WebSocket
 * server and the backend, except that Ctrl-C, SIGTERM or a closed terminal exit 0 — being
 * asked to stop is the normal end of a bridge, and scripts that start and stop it should not
 * see a failure. An uncaught error, or a stop that fails, exits 1.
 */
export function shutdownOnSignals(opts: ShutdownOptions): () => void {
  return onShutdown({ ...opts, signalExitCode: () => 0 });
}
