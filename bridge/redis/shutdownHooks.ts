import os from 'node:os';
import type { Fleet } from './fleet.ts';

export interface ShutdownHookOptions {
  /** How long the orderly stop may take before the process exits anyway (the exit hook then SIGKILLs). */
  graceMs?: number;
  log?: (message: string) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Makes sure no redis-server outlives the bridge. On SIGINT, SIGTERM or SIGHUP (a closed
 * terminal), an uncaught exception or an unhandled rejection, it stops the fleet in order
 * and exits (128 + signal number, or 1 after an error); a second signal exits at once. On
 * 'exit', where only synchronous work runs, it SIGKILLs whatever is still running: the last
 * resort when process.exit() is called elsewhere, or the orderly stop took too long. Only
 * SIGKILL of the bridge itself escapes all this; the next start's cleanupOrphans handles it.
 * Returns a function that removes the hooks.
 */
export function installShutdownHooks(fleet: Fleet, opts: ShutdownHookOptions = {}): () => void {
  const log = opts.log ?? ((message: string) => console.error(message));
  const graceMs = opts.graceMs ?? 15_000;
  let shuttingDown = false;

  const shutdown = (exitCode: number, why: string): void => {
    if (shuttingDown) {
      log(`bridge: ${why} while stopping; exiting now`);
      process.exit(exitCode);
    }
    shuttingDown = true;
    log(`bridge: ${why}; stopping ${fleet.livePids().length} redis-server process(es)`);
    const timer = setTimeout(() => {
      log(`bridge: servers still stopping after ${graceMs} ms; killing them`);
      process.exit(exitCode);
    }, graceMs);
    fleet
      .stop()
      .catch((e: unknown) => log(`bridge: ${describe(e)}`))
      .finally(() => {
        clearTimeout(timer);
        process.exit(exitCode);
      });
  };

  const onSignal = (signal: NodeJS.Signals): void => shutdown(128 + (os.constants.signals[signal] ?? 0), `received ${signal}`);
  const onException = (error: unknown): void => {
    log(`bridge: uncaught exception: ${describe(error)}`);
    shutdown(1, 'crashed');
  };
  const onRejection = (reason: unknown): void => {
    log(`bridge: unhandled promise rejection: ${describe(reason)}`);
    shutdown(1, 'crashed');
  };
  const onExit = (): void => fleet.killNow();

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
