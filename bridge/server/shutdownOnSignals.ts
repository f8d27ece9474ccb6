export interface ShutdownOptions {
  /** The orderly stop: close the WebSocket server, then the backend (runs, then the redis-servers). */
  stop(): Promise<void>;
  /** Synchronous last resort for process.on('exit'), e.g. SIGKILL of every server still running. */
  killNow?: () => void;
  /** How long the orderly stop may take before the process exits anyway. */
  graceMs?: number;
  log?: (line: string) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A signal this soon after the first is the same request delivered twice, not an impatient
 * user: Ctrl-C reaches every process of the terminal's group (npm, tsx, node), and npm and
 * tsx also relay it to their child, so `npm run bridge` sees each Ctrl-C two or three times.
 */
export const REPEATED_SIGNAL_WINDOW_MS = 1_000;

/**
 * `npm run bridge`'s way out. Ctrl-C, SIGTERM or a closed terminal stop everything in order
 * and exit 0 (being asked to stop is the normal end of a bridge, and scripts that start and
 * stop it should not see a failure); an uncaught error does the same and exits 1. A second
 * signal exits at once. Like bridge/redis/shutdownHooks.ts (which stops a bare Fleet and
 * exits 128 + signal), but it stops the WebSocket server and the backend, which owns the
 * fleet. Returns a function that removes the hooks.
 */
export function shutdownOnSignals(opts: ShutdownOptions): () => void {
  const log = opts.log ?? ((line: string) => console.error(line));
  const graceMs = opts.graceMs ?? 15_000;
  let exitCode: number | undefined;
  let firstSignalMs: number | undefined;

  const shutdown = (code: number, why: string): void => {
    if (exitCode !== undefined) {
      log(`bridge: ${why} while stopping; exiting now`);
      opts.killNow?.();
      process.exit(Math.max(exitCode, code));
    }
    exitCode = code;
    log(`bridge: ${why}; stopping`);
    const timer = setTimeout(() => {
      log(`bridge: still stopping after ${graceMs} ms; exiting anyway`);
      process.exit(code === 0 ? 1 : code);
    }, graceMs);
    opts
      .stop()
      .catch((e: unknown) => {
        log(`bridge: while stopping: ${describe(e)}`);
        code = 1;
      })
      .finally(() => {
        clearTimeout(timer);
        process.exit(code);
      });
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    const nowMs = performance.now();
    if (firstSignalMs !== undefined && nowMs - firstSignalMs < REPEATED_SIGNAL_WINDOW_MS) return;
    firstSignalMs ??= nowMs;
    shutdown(0, `received ${signal}`);
  };
  const onException = (error: unknown): void => {
    log(`bridge: uncaught exception: ${describe(error)}`);
    shutdown(1, 'crashed');
  };
  const onRejection = (reason: unknown): void => {
    log(`bridge: unhandled promise rejection: ${describe(reason)}`);
    shutdown(1, 'crashed');
  };
  const onExit = (): void => opts.killNow?.();

  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  process.on('exit', onExit);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
    process.off('exit', onExit);
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
