import { formatPath, quoteInput } from './describeValue.ts';

/**
 * Names that mean "run this Redis command" (or reach Redis's admin surface). The bridge
 * runs only its fixed operations; a message that names one of these — as its `type`, as a
 * lock-op's `op`, or as a field anywhere in it, the scenario included — is refused as
 * `forbidden` rather than merely "invalid", so the answer says plainly that raw commands
 * are not a feature that is missing but one that will not exist. Compared ignoring case.
 * Chosen not to collide with the protocol's or the scenario format's own field names
 * (`key`, `client`, `replicaOf`, `argv` stay allowed).
 */
export const FORBIDDEN_NAMES: readonly string[] = [
  'command',
  'commands',
  'cmd',
  'raw',
  'eval',
  'evalsha',
  'fcall',
  'script',
  'function',
  'flushall',
  'flushdb',
  'config',
  'shutdown',
  'keys',
  'debug',
  'monitor',
  'module',
  'acl',
  'slaveof',
  'migrate',
  'bgsave',
  'bgrewriteaof',
];

const FORBIDDEN = new Set(FORBIDDEN_NAMES);

export interface ForbiddenName {
  /** Where it was found, e.g. `type`, `op` or `scenario.nodes[0].config`. */
  path: string;
  /** The name as the message spelled it, quoted for a message. */
  quoted: string;
}

function isForbidden(name: string): boolean {
  return FORBIDDEN.has(name.toLowerCase());
}

/**
 * The first forbidden name in a parsed message, or null: the top-level `type` and `op`
 * values, then every field name, breadth-first. Iterative, so a deep value cannot
 * overflow the stack (readFrame has bounded the depth anyway).
 */
export function findForbiddenName(message: unknown): ForbiddenName | null {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return null;
  for (const field of ['type', 'op'] as const) {
    const value = (message as Record<string, unknown>)[field];
    if (typeof value === 'string' && isForbidden(value)) return { path: field, quoted: quoteInput(value) };
  }
  const queue: Array<{ value: object; path: Array<string | number> }> = [{ value: message, path: [] }];
  // An index, not shift(): shifting a queue of 40,000 objects would be quadratic.
  for (let head = 0; head < queue.length; head++) {
    const { value, path } = queue[head] as (typeof queue)[number];
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') queue.push({ value: item, path: [...path, i] });
      });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (isForbidden(key)) return { path: formatPath([...path, key]), quoted: quoteInput(key) };
      if (item !== null && typeof item === 'object') queue.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
