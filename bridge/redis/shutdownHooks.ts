import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Fleet } from './fleet.ts';

export interface ShutdownPlan {
  /** The orderly stop (a fleet, or the WebSocket server and then the backend that owns the fleet). */
  stop(): Promise<void>;
  /** Synchronous last resort for process.on('exit'): SIGKILL every server still running. */
  killNow?: () => void;
  /** The exit code after a signal; the default is 128 + the signal's number, as a shell reports it. */
  signalExitCode?: (signal: NodeJS.Signals) => number;
  /** What is being stopped, for the log line ("3 redis-server process(es)"). */
  describeStop?: () => string;
  /** How long the orderly stop may take before the process exits anyway (the exit hook then SIGKILLs). */
  graceMs?: number;
  log?: (message: string) => void;
}

export interface ShutdownHookOptions {
  graceMs?: number;
  log?: (message: string) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A signal this soon after the first is the same request delivered twice, not an impatient
 * user: Ctrl-C reaches every process of the terminal's group (npm, tsx, node), and npm and
 * tsx also relay it to their child, so `npm run bridge` sees each Ctrl-C two or three times.
 */
export const REPEATED_SIGNAL_WINDOW_MS = 1_000;

/**
 * Makes sure nothing the bridge started outlives it. On SIGINT, SIGTERM or SIGHUP (a closed
 * terminal), an uncaught exception or an unhandled rejection, it runs the orderly stop and
 * exits (signalExitCode, or 1 after an error or a failed stop); a second signal (after the
 * repeat window) exits at once. On 'exit', where only synchronous work runs, it calls killNow:
 * the last resort when process.exit() is called elsewhere, or the orderly stop took too long.
 * Only SIGKILL of the bridge itself escapes all this; the next start's cleanupOrphans handles
 * it. Returns a function that removes the hooks.
 */
export function onShutdown(plan: ShutdownPlan): () => void {
  const log = plan.log ?? ((message: string) => console.error(message));
  const graceMs = plan.graceMs ?? 15_000;
  const signalExitCode = plan.signalExitCode ?? ((signal: NodeJS.Signals) => 128 + (os.constants.signals[signal] ?? 0));
  let exitCode: number | undefined;
  let firstSignalMs: number | undefined;

  const shutdown = (code: number, why: string): void => {
    if (exitCode !== undefined) {
      log(`bridge: ${why} while stopping; exiting now`);
      plan.killNow?.();
      process.exit(Math.max(exitCode, code));
    }
    exitCode = code;
    log(`bridge: ${why}; stopping${plan.describeStop ? ` ${plan.describeStop()}` : ''}`);
    const timer = setTimeout(() => {
      log(`bridge: still stopping after ${graceMs} ms; exiting anyway`);
      process.exit(code === 0 ? 1 : code);
    }, graceMs);
    plan
      .stop()
      .catch((e: unknown) => {
        log(`bridge: while stopping: ${describe(e)}`);
        if (code === 0) code = 1;
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
    shutdown(signalExitCode(signal), `received ${signal}`);
  };
  const onException = (error: unknown): void => {
    log(`bridge: uncaught exception: ${describe(error)}`);
    shutdown(1, 'crashed');
  };
  const onRejection = (reason: unknown): void => {
    log(`bridge: unhandled promise rejection: ${describe(reason)}`);
    shutdown(1, 'crashed');
  };
  const onExit = (): void => plan.killNow?.();

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

/** The hooks for a bare Fleet: stop it in order, exit 128 + signal (or 1 after an error). */
export function installShutdownHooks(fleet: Fleet, opts: ShutdownHookOptions = {}): () => void {
  return onShutdown({
    stop: () => fleet.stop(),
    killNow: () => fleet.killNow(),
    describeStop: () => `${fleet.livePids().length} redis-server process(es)`,
    ...opts,
  });
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
