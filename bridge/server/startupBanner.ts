import type { AnnouncedNode } from '../run/runTypes.ts';

export interface BannerInput {
  url: string;
  token: string;
  nodes: readonly AnnouncedNode[];
  origins: readonly string[];
  rateLimit: { burst: number; perSecond: number };
  /** True when the nodes are existing servers (--nodes), not started by this bridge. */
  external: boolean;
}

/**
 * What `npm run bridge` prints once it is ready: where to connect, the token, the servers,
 * and the one line a user needs (the playground URL that points the page at this bridge).
 * The `url` and `token` lines have a fixed shape; tests and scripts read them.
 */
export function startupBanner(input: BannerInput): string[] {
  const bridgeParam = input.url.replace(/\/$/, '');
  const page = input.origins.find((o) => o.startsWith('http')) ?? 'http://127.0.0.1:5173';
  const width = Math.max(...input.nodes.map((n) => n.id.length), 2);
  return [
    'Redlock Playground bridge',
    `  url:     ${input.url}`,
    `  token:   ${input.token}`,
    `  origins: ${input.origins.join(', ')}`,
    `  rate:    ${input.rateLimit.perSecond} messages/s per connection (bursts of ${input.rateLimit.burst})`,
    `  nodes${input.external ? ' (existing servers, not started here)' : ''}:`,
    ...input.nodes.map((n) => `    ${n.id.padEnd(width)}  ${n.host}:${n.port}  ${n.role}`),
    '',
    `Open ${page}/?bridge=${bridgeParam} and paste the token.`,
    'Stop with Ctrl-C (the redis-servers stop with the bridge).',
  ];
}
