/**
 * `npm run bridge`: starts the redis-servers (or uses the ones in --nodes), then the
 * WebSocket server the playground connects to, and prints the URL and the token. Ctrl-C
 * stops both and exits 0; nothing it started outlives it (see shutdownOnSignals).
 */
import { randomBytes } from 'node:crypto';
import { createBackend } from './run/backend.ts';
import type { BridgeBackend } from './run/runTypes.ts';
import { parseCliArgs, USAGE } from './server/cliArgs.ts';
import { readNodesFile } from './server/nodesFile.ts';
import { shutdownOnSignals } from './server/shutdownOnSignals.ts';
import { type BridgeServer, startBridgeServer } from './server/startBridgeServer.ts';
import { startupBanner } from './server/startupBanner.ts';

const EXIT_BAD_USAGE = 2;
let hooksInstalled = false;

async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  if (args.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (args.kind === 'bad') return badUsage(args.error);
  const opts = args.options;
  const nodes = opts.nodesFile === undefined ? undefined : readNodesFile(opts.nodesFile);
  if (nodes !== undefined && !nodes.ok) return badUsage(nodes.error);
  if (opts.warning !== undefined) console.error(opts.warning);

  const log = (line: string) => console.error(line);
  hooksInstalled = true;
  let backend: Promise<BridgeBackend> | undefined;
  let server: BridgeServer | undefined;
  let ready: BridgeBackend | undefined;
  // Installed before anything starts: a Ctrl-C while the servers start still stops them.
  shutdownOnSignals({
    log,
    killNow: () => killNowOf(ready)?.(),
    stop: async () => {
      await server?.close();
      const started = await backend?.catch(() => undefined);
      await started?.close();
    },
  });

  backend = createBackend({ external: nodes?.nodes, stateFile: opts.stateFile, log });
  ready = await backend;
  const token = opts.token ?? randomBytes(32).toString('hex');
  server = await startBridgeServer({
    backend: ready,
    host: opts.host,
    port: opts.port,
    token,
    allowedOrigins: opts.origins,
    rateLimit: opts.rateLimit,
    log,
  }).catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${opts.port} on ${opts.host} is in use (another bridge?); pick one with --port`);
    throw e;
  });
  const banner = startupBanner({
    url: server.url,
    token,
    nodes: ready.nodes(),
    origins: opts.origins,
    rateLimit: opts.rateLimit,
    external: nodes !== undefined,
  });
  console.log(banner.join('\n'));
}

/**
 * The backend's synchronous last resort (SIGKILL every redis-server it started), for
 * process.on('exit') and a second Ctrl-C. Not part of BridgeBackend yet, so it is used when
 * the backend has one.
 */
function killNowOf(backend: BridgeBackend | undefined): (() => void) | undefined {
  const candidate = (backend as { killNow?: unknown } | undefined)?.killNow;
  return typeof candidate === 'function' ? () => candidate.call(backend) : undefined;
}

function badUsage(error: string): void {
  console.error(`${error}\n\n${USAGE}`);
  process.exit(EXIT_BAD_USAGE);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const error = e instanceof Error ? e : new Error(String(e));
  // Through the shutdown hook, which stops whatever did start and exits 1.
  if (hooksInstalled) process.emit('uncaughtException', error);
  else {
    console.error(`bridge: ${error.stack ?? error.message}`);
    process.exit(1);
  }
});
