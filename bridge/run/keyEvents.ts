/**
 * What a lock command did to the lock key on a real node, read from its reply: the trace's
 * key-set / key-expire / key-del events, which the timeline draws as the node's key bar and the
 * checker uses to explain a violation. TTLs here are scenario ms (the command before realArgv).
 */
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import type { Reply } from '../../src/sim/redis/reply.ts';

type KeyEvent = Extract<TraceEvent, { kind: 'key-set' | 'key-expire' | 'key-del' }>;
/** A key event before it is stamped with a time. */
export type KeyEffect = KeyEvent extends infer E ? (E extends KeyEvent ? Omit<E, 't'> : never) : never;

const granted = (reply: Reply): boolean => (reply.t === 'status' && reply.v === 'OK') || (reply.t === 'int' && reply.v === 1);

/** The key change a scenario-time command made on `node` at `atMs`, or null when it changed nothing. */
export function keyEffect(node: string, argv: readonly string[], reply: Reply, atMs: number): KeyEffect | null {
  if (!granted(reply)) return null;
  const name = (argv[0] ?? '').toUpperCase();
  const key = argv[1] ?? '';
  if (name === 'SET') {
    const px = argv.findIndex((a, i) => i >= 3 && a.toUpperCase() === 'PX');
    const ttlMs = px >= 0 ? Number(argv[px + 1]) : -1;
    return { kind: 'key-set', node, key, value: argv[2] ?? '', expireAtMs: ttlMs >= 0 ? atMs + ttlMs : -1, via: 'command' };
  }
  if (name === 'SETNX') return { kind: 'key-set', node, key, value: argv[2] ?? '', expireAtMs: -1, via: 'command' };
  if (name === 'EXPIRE') return { kind: 'key-expire', node, key, expireAtMs: atMs + Number(argv[2]) * 1000, via: 'command' };
  if (name === 'DEL') return { kind: 'key-del', node, key, cause: 'command', via: 'command' };
  if (name === 'EVAL' && argv[1] === 'compare-and-delete') {
    return { kind: 'key-del', node, key: argv[3] ?? '', cause: 'command', via: 'command' };
  }
  if (name === 'EVAL' && argv[1] === 'compare-and-extend') {
    return { kind: 'key-expire', node, key: argv[3] ?? '', expireAtMs: atMs + Number(argv[5]), via: 'command' };
  }
  return null;
}
