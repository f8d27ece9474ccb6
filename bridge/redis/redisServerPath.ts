import { existsSync } from 'node:fs';

/** Debian's redis-server (scripts/ensure-system-deps.sh installs it); REDIS_SERVER overrides it for other machines. */
export const REDIS_SERVER_PATH = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Fails with the fix in the message: the bridge runs real servers and has nothing to fall back on. */
export function requireRedisServer(): void {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new Error(
      `${REDIS_SERVER_PATH} not found. The bridge runs real redis-server processes: install them with ` +
        '`apt-get install -y --no-install-recommends redis-server` (or set REDIS_SERVER to its path).',
    );
  }
}
