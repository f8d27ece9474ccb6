import { parseArgs } from 'node:util';
import { DEFAULT_RATE_LIMIT } from '../../src/protocol/rateLimiter.ts';
import { isLoopback } from './isLoopback.ts';

/** The playground's dev (npm start) and preview (npm run preview) origins. */
export const DEFAULT_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'];
export const DEFAULT_BRIDGE_PORT = 8787;

export interface CliOptions {
  port: number;
  host: string;
  origins: string[];
  /** undefined: generate one. */
  token: string | undefined;
  nodesFile: string | undefined;
  stateFile: string | undefined;
  rateLimit: { burst: number; perSecond: number };
  /** Set when the host is not loopback (and --allow-remote was given): print it. */
  warning: string | undefined;
}

export type CliArgsResult = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'bad'; error: string };

export const USAGE = `Usage: npm run bridge -- [options]

Runs real redis-server processes on 127.0.0.1 and lets the playground drive them.

Options:
  --port N          port to listen on (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1); anything else needs --allow-remote
  --allow-remote    allow a --host that is not loopback (anyone who can reach it and has the token can drive Redis)
  --origin URL      a page allowed to connect, exactly as the browser sends it (repeatable;
                    default ${DEFAULT_ORIGINS.join(', ')})
  --token T         the token pages must send (default: 32 random bytes, printed at start)
  --nodes FILE      use the existing Redis servers listed in FILE (JSON) instead of starting them
  --state-file F    where the started servers are recorded for cleanup (default: under the temp dir)
  --rate N/s        messages per second per connection (default ${DEFAULT_RATE_LIMIT.refillPerSecond}/s, bursts of twice that)
  --help            print this`;

/** `npm run bridge` flags → options, or why they are wrong. Pure: no I/O, so it is testable as is. */
export function parseCliArgs(argv: readonly string[]): CliArgsResult {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (e) {
    return { kind: 'bad', error: (e as Error).message };
  }
  if (values.help === true) return { kind: 'help' };

  const port = values.port === undefined ? DEFAULT_BRIDGE_PORT : Number(values.port);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) return { kind: 'bad', error: `--port ${values.port}: expected 0-65535` };

  const host = values.host ?? '127.0.0.1';
  let warning: string | undefined;
  if (!isLoopback(host)) {
    if (values['allow-remote'] !== true) {
      return {
        kind: 'bad',
        error: `--host ${host} is not loopback: other machines could reach the bridge; add --allow-remote if you mean it`,
      };
    }
    warning = `WARNING: listening on ${host}, not loopback: anyone who can reach this port and has the token can drive the Redis servers`;
  }

  const origins = values.origin ?? DEFAULT_ORIGINS;
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem !== undefined) return { kind: 'bad', error: `--origin ${origin}: ${problem}` };
  }

  const token = values.token;
  if (token !== undefined && !(token.length >= 16 && token.length <= 256 && /^[\x21-\x7e]+$/.test(token))) {
    return { kind: 'bad', error: '--token: use 16-256 printable characters without spaces (a short token can be guessed)' };
  }

  let rateLimit = { burst: DEFAULT_RATE_LIMIT.burst, perSecond: DEFAULT_RATE_LIMIT.refillPerSecond };
  if (values.rate !== undefined) {
    const match = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(values.rate);
    const perSecond = Number(match?.[1]);
    if (match === null || !(perSecond >= 1 && perSecond <= 100_000)) {
      return { kind: 'bad', error: `--rate ${values.rate}: expected messages per second, 1-100000, like 50/s` };
    }
    rateLimit = { burst: Math.ceil(2 * perSecond), perSecond };
  }

  return {
    kind: 'run',
    options: { port, host, origins: [...origins], token, nodesFile: values.nodes, stateFile: values['state-file'], rateLimit, warning },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      origin: { type: 'string', multiple: true },
      token: { type: 'string' },
      nodes: { type: 'string' },
      'state-file': { type: 'string' },
      rate: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** An origin is scheme://host[:port], exactly what a browser sends: no path, no trailing slash. */
function originProblem(origin: string): string | undefined {
  if (origin === 'null') return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'not a URL; expected e.g. http://127.0.0.1:5173';
  }
  if (url.origin !== origin) return `a browser would send ${JSON.stringify(url.origin)}; give exactly that (no path, no trailing slash)`;
  return undefined;
}
