import { existsSync, rmSync } from 'node:fs';

/**
 * A fake wall clock under redis-server, for the clock-jump fault: libfaketime (Debian package
 * `faketime`, which scripts/ensure-system-deps.sh installs) preloaded into the process, reading
 * its offset from a file that the bridge rewrites (clockOffsetFile.ts). What was found on
 * Debian 12 (libfaketime 0.9.10, redis-server 7.0.15), and why the environment below is as it is:
 *
 * - libfaketime alone hangs redis-server before main(): Debian's redis-server is linked with
 *   jemalloc, whose first malloc calls clock_gettime; libfaketime initialises on that call, its
 *   dlsym() calls malloc again, and jemalloc deadlocks on its own init lock (libfaketime issue
 *   #130, unfixed). glibc's malloc-debug shim preloaded first (GLIBC_MALLOC_PATH) gives the
 *   process glibc's malloc, so libfaketime initialises without entering jemalloc. redis-server
 *   still asks jemalloc for its statistics (mallctl), so INFO memory's allocator_* fields are
 *   meaningless on these nodes; used_memory is right (it is counted with malloc_usable_size).
 * - Key expiry reads the wall clock (mstime()), which follows the file at once with
 *   FAKETIME_NO_CACHE=1 (libfaketime otherwise re-reads it every 10 s).
 * - FAKETIME_DONT_FAKE_MONOTONIC=1 keeps Redis's own timers (ae timers, serverCron: active
 *   expiry, replication pings) on the real monotonic clock. Without it a jump backwards stalls
 *   serverCron for as long as the jump: a key past its expiry stays in memory untouched.
 */

function multiarch(): string {
  return process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
}

/** libfaketime's thread-safe build: redis-server runs threads (bio, jemalloc's) that read the clock too. */
export const LIBFAKETIME_PATH = process.env.LIBFAKETIME ?? `/usr/lib/${multiarch()}/faketime/libfaketimeMT.so.1`;

/** glibc's malloc-debug shim (package libc6, always installed); see above for why it is needed. */
export const GLIBC_MALLOC_PATH = process.env.GLIBC_MALLOC ?? `/lib/${multiarch()}/libc_malloc_debug.so.0`;

export type FakeClockSupport = { available: true } | { available: false; reason: string };

/** Whether this machine can run redis-server with a fake clock; the reason is for the user. */
export function fakeClockSupport(): FakeClockSupport {
  if (!existsSync(LIBFAKETIME_PATH)) {
    return {
      available: false,
      reason:
        `libfaketime is not installed (${LIBFAKETIME_PATH} is missing), so the bridge cannot move a node's clock: ` +
        'install it with `apt-get install -y faketime` (scripts/ensure-system-deps.sh does)',
    };
  }
  if (!existsSync(GLIBC_MALLOC_PATH)) {
    return {
      available: false,
      reason:
        `glibc's ${GLIBC_MALLOC_PATH} is missing (glibc 2.34 or later has it); without it libfaketime ` +
        "deadlocks inside redis-server's jemalloc at start-up, so the bridge cannot move a node's clock",
    };
  }
  return { available: true };
}

/** Throws the reason when the fake clock cannot work here. */
export function requireFakeClock(): void {
  const support = fakeClockSupport();
  if (!support.available) throw new Error(support.reason);
}

/** The environment changes that put redis-server's wall clock `offsetFile`'s offset away from the host's. */
export function fakeClockEnv(offsetFile: string): Record<string, string | undefined> {
  return {
    LD_PRELOAD: `${GLIBC_MALLOC_PATH} ${LIBFAKETIME_PATH}`,
    FAKETIME_TIMESTAMP_FILE: offsetFile,
    FAKETIME_NO_CACHE: '1',
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    // Only the clock is fake: file times (stat) stay real.
    NO_FAKE_STAT: '1',
    // Newer libfaketime (0.9.11+) skips the per-process shared memory below; 0.9.10 ignores it.
    FAKETIME_DISABLE_SHM: '1',
    // FAKETIME would take priority over the file; FAKETIME_SHARED would tie the node to another process's state.
    FAKETIME: undefined,
    FAKETIME_SHARED: undefined,
  };
}

/**
 * libfaketime 0.9.10 creates /dev/shm/faketime_shm_<pid> and /dev/shm/sem.faketime_sem_<pid>
 * for each process and removes them only on a clean exit; a crash fault (SIGKILL) leaves them.
 * Called once the process is ready (it has them open and mapped, so unlinking them changes
 * nothing for it or its forks) and again once it is gone.
 */
export function removeFakeClockLeftovers(pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) return;
  for (const file of [`/dev/shm/faketime_shm_${pid}`, `/dev/shm/sem.faketime_sem_${pid}`]) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Not ours to worry about: another user's file, or no /dev/shm.
    }
  }
}
