/** A RESP reply as the engine models it. `status` is a simple string (+OK), `bulk` a bulk string or nil. */
export type Reply =
  | { t: 'status'; v: string }
  | { t: 'bulk'; v: string | null }
  | { t: 'int'; v: number }
  | { t: 'err'; v: string };

export const OK: Reply = { t: 'status', v: 'OK' };
export const NIL: Reply = { t: 'bulk', v: null };

export const int = (v: number): Reply => ({ t: 'int', v });
export const bulk = (v: string | null): Reply => ({ t: 'bulk', v });
export const err = (v: string): Reply => ({ t: 'err', v });

/** Redis 7.0's error texts for the commands the engine implements. */
export const Errors = {
  syntax: 'ERR syntax error',
  notInteger: 'ERR value is not an integer or out of range',
  overflow: 'ERR increment or decrement would overflow',
  readonly: "READONLY You can't write against a read only replica.",
  arity: (name: string) => `ERR wrong number of arguments for '${name.toLowerCase()}' command`,
  invalidExpire: (name: string) => `ERR invalid expire time in '${name.toLowerCase()}' command`,
  numkeysNegative: "ERR Number of keys can't be negative",
  numkeysTooMany: "ERR Number of keys can't be greater than number of args",
  noScript: 'NOSCRIPT No matching script. Please use EVAL.',
  expireNxXx: 'ERR NX and XX, GT or LT options at the same time are not compatible',
  expireGtLt: 'ERR GT and LT options at the same time are not compatible',
  unsupportedOption: (opt: string) => `ERR Unsupported option ${opt}`,
  waitOnReplica:
    'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.',
  unknownCommand: (argv: readonly string[]) =>
    `ERR unknown command '${argv[0] ?? ''}', with args beginning with: ${argv
      .slice(1)
      .map((a) => `'${a}' `)
      .join('')}`,
} as const;

/** A compact, stable text form of a reply, as redis-cli would print it. */
export function formatReply(reply: Reply): string {
  switch (reply.t) {
    case 'status':
      return reply.v;
    case 'bulk':
      return reply.v === null ? '(nil)' : JSON.stringify(reply.v);
    case 'int':
      return `(integer) ${reply.v}`;
    case 'err':
      return `(error) ${reply.v}`;
  }
}
