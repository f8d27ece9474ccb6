import { isIP } from 'node:net';

/** Whether binding `host` keeps the bridge reachable from this machine only. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '::1' || /^::ffff:127\./i.test(bare);
}
