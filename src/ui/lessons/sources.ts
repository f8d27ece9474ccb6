import type { SourceId } from '../../lessons/model.ts';

/** A source a lesson cites: its key (as in /work/shared/redlock-spec.md's list), what it is, and where to read it. */
export interface SourceInfo {
  id: SourceId;
  title: string;
  url: string | null;
}

const SOURCES: Record<string, Omit<SourceInfo, 'id'>> = {
  DL: {
    title: 'Redis documentation, “Distributed Locks with Redis” (Redlock)',
    url: 'https://redis.io/docs/latest/develop/use/patterns/distributed-locks/',
  },
  MK: {
    title: 'Martin Kleppmann, “How to do distributed locking” (2016)',
    url: 'https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html',
  },
  AZ: { title: 'Salvatore Sanfilippo (antirez), “Is Redlock safe?” (2016)', url: 'http://antirez.com/news/101' },
  NR5: { title: 'node-redlock 5 (mike-marcacci/node-redlock), the Node.js client', url: 'https://github.com/mike-marcacci/node-redlock' },
  NR4: { title: 'node-redlock 4.2, the earlier Node.js client', url: 'https://github.com/mike-marcacci/node-redlock/tree/v4.2.0' },
  RS: { title: 'redsync, the Go client (go-redsync/redsync)', url: 'https://github.com/go-redsync/redsync' },
  RB: { title: 'redlock-rb, antirez’s Ruby reference client', url: 'https://github.com/antirez/redlock-rb' },
  RD: { title: 'Redisson, the Java client (source code)', url: 'https://github.com/redisson/redisson' },
  RDD: {
    title: 'Redisson documentation, “Locks and synchronizers”',
    url: 'https://github.com/redisson/redisson/blob/master/docs/data-and-services/locks-and-synchronizers.md',
  },
  SRC: { title: 'Redis 7.2 source code (expiry, SET, configuration)', url: 'https://github.com/redis/redis/tree/7.2.4/src' },
  EXP: {
    title: 'Redis documentation, the EXPIRE command (how keys expire)',
    url: 'https://github.com/redis/redis-doc/blob/master/commands/expire.md',
  },
  REPL: { title: 'Redis documentation, replication', url: 'https://github.com/redis/redis-doc/blob/master/docs/management/replication.md' },
  SEN: {
    title: 'Redis documentation, Sentinel (failover)',
    url: 'https://github.com/redis/redis-doc/blob/master/docs/management/sentinel.md',
  },
  PERS: {
    title: 'Redis documentation, persistence (RDB, AOF, fsync)',
    url: 'https://github.com/redis/redis-doc/blob/master/docs/management/persistence.md',
  },
  WAIT: { title: 'Redis documentation, the WAIT command', url: 'https://github.com/redis/redis-doc/blob/master/commands/wait.md' },
  EVAL: {
    title: 'Redis documentation, scripting with Lua (EVAL)',
    url: 'https://github.com/redis/redis-doc/blob/master/docs/interact/programmability/eval-intro.md',
  },
  SET: { title: 'Redis documentation, the SET and SETNX commands', url: 'https://github.com/redis/redis-doc/blob/master/commands/set.md' },
  RIA: {
    title: 'Redis in Action, §6.2.5 “Locks with timeouts”',
    url: 'https://redis.io/ebook/part-2-core-concepts/chapter-6-application-components-in-redis/6-2-distributed-locking/6-2-5-locks-with-timeouts/',
  },
};

/** What a source key stands for; an unknown key is shown as itself. */
export function sourceInfo(id: SourceId): SourceInfo {
  const known = SOURCES[id];
  return known === undefined ? { id, title: `Source ${id}`, url: null } : { id, ...known };
}
