import { LOOPBACK } from './freePort.ts';

/** The engine's three persistence modes (src/scenario/schema.ts), as a real server runs them. */
export type Persistence = 'none' | 'aof-everysec' | 'aof-always';

export interface RedisConfigOptions {
  port: number;
  /** The server's private directory: its AOF lives here, so a restart in the same dir reloads it. */
  dir: string;
  persistence: Persistence;
  /** The master this server replicates (a loopback port). */
  replicaOfPort?: number;
  /** More `name value` lines, for what the bridge needs beyond this (trusted: never from the browser). */
  extraLines?: readonly string[];
}

/** The text of a redis.conf for one node. */
export function redisConfigText(opts: RedisConfigOptions): string {
  const aof = opts.persistence !== 'none';
  const lines = [
    '# Written by the Redlock Playground bridge (bridge/redis/redisConfig.ts); rewritten on restart.',
    ...commonLines(opts.port, opts.dir),
    // No RDB snapshots: persistence is only what the scenario asks for, as in the engine.
    'save ""',
    `appendonly ${aof ? 'yes' : 'no'}`,
    `appendfsync ${opts.persistence === 'aof-always' ? 'always' : 'everysec'}`,
    // A replica's first sync would otherwise wait 5 s for more replicas to join it.
    'repl-diskless-sync-delay 0',
    ...(opts.replicaOfPort === undefined ? [] : [`replicaof ${LOOPBACK} ${opts.replicaOfPort}`]),
    ...(opts.extraLines ?? []),
  ];
  return `${lines.join('\n')}\n`;
}

export interface SentinelConfigOptions {
  port: number;
  dir: string;
  /** The name clients ask Sentinel about (SENTINEL get-master-addr-by-name). */
  masterName: string;
  masterPort: number;
  /** How long the master must be silent before Sentinel calls it down (Redis's default is 30 s). */
  downAfterMs: number;
  /** Sentinel's failover-timeout: bounds a failover and spaces out retries (2x). */
  failoverTimeoutMs: number;
}

/** The text of a sentinel.conf: one Sentinel, so quorum 1 (it alone decides). Sentinel rewrites this file. */
export function sentinelConfigText(opts: SentinelConfigOptions): string {
  const name = opts.masterName;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid Sentinel master name ${JSON.stringify(name)}`);
  const lines = [
    '# Written by the Redlock Playground bridge (bridge/redis/redisConfig.ts); Sentinel rewrites it as it learns.',
    ...commonLines(opts.port, opts.dir),
    `sentinel monitor ${name} ${LOOPBACK} ${opts.masterPort} 1`,
    `sentinel down-after-milliseconds ${name} ${opts.downAfterMs}`,
    `sentinel failover-timeout ${name} ${opts.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`,
  ];
  return `${lines.join('\n')}\n`;
}

function commonLines(port: number, dir: string): string[] {
  return [
    `port ${port}`,
    `bind ${LOOPBACK}`,
    // Loopback only, and the bridge is the only client it expects: no password to manage.
    'protected-mode no',
    'daemonize no',
    // Keep /proc/<pid>/cmdline the exact command we ran: the orphan cleanup matches it before
    // it signals a recorded pid. By default Redis rewrites it to "redis-server 127.0.0.1:port".
    'set-proc-title no',
    `dir ${quote(dir)}`,
  ];
}

/** A config-file string: Redis reads double-quoted values with backslash escapes. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
