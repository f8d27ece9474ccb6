import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { originAllowed } from '../../src/protocol/originAllowed.ts';
import { DEFAULT_RATE_LIMIT } from '../../src/protocol/rateLimiter.ts';
import type { BridgeBackend } from '../run/runTypes.ts';
import { BridgeConnection } from './bridgeConnection.ts';
import { CLOSE_CODES, WS_PAYLOAD_BYTES_MAX } from './closeCodes.ts';
import { refuseUpgrade } from './refuseUpgrade.ts';

export interface BridgeServerOptions {
  backend: BridgeBackend;
  /** Where to listen; 127.0.0.1 unless the user asked for more (bridge/cli.ts guards that). */
  host?: string;
  /** 0 (the default) picks a free port; `npm run bridge` uses 8787. */
  port?: number;
  /** What a browser must send in hello; compared in constant time. */
  token: string;
  /** The pages allowed to connect, exact origins (http://127.0.0.1:5173). */
  allowedOrigins: readonly string[];
  /** Lets a client with no Origin header in (tests, scripts); browsers always send one. */
  allowMissingOrigin?: boolean;
  /** Per-connection message rate; DEFAULT_RATE_LIMIT (bursts of 40, 20 a second) by default. */
  rateLimit?: { burst: number; perSecond: number };
  log?: (line: string) => void;
}

export interface BridgeServer {
  /** ws://host:port/ */
  url: string;
  port: number;
  /** Closes every connection (1001), stops their runs and sessions, stops listening. */
  close(): Promise<void>;
  /** Open WebSocket connections. */
  connections(): number;
}

/** How long close() lets peers answer the close handshake before cutting their sockets. */
const CLOSE_HANDSHAKE_MS = 1_000;

/**
 * The bridge's WebSocket server. Upgrades are checked for Origin before ws sees them (a
 * refused page gets HTTP 403 saying why); each accepted socket becomes a BridgeConnection
 * (token, rate limit, parser, operations). Plain HTTP requests get 426 with a hint.
 */
export async function startBridgeServer(opts: BridgeServerOptions): Promise<BridgeServer> {
  if (opts.token.length === 0) throw new Error('the bridge needs a token: with an empty one nobody could connect');
  const rate = opts.rateLimit ?? { burst: DEFAULT_RATE_LIMIT.burst, perSecond: DEFAULT_RATE_LIMIT.refillPerSecond };
  const rateLimit = { burst: rate.burst, refillPerSecond: rate.perSecond };
  if (!(rateLimit.burst >= 1 && rateLimit.refillPerSecond > 0)) throw new RangeError(`rate limit must have burst >= 1 and perSecond > 0`);
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const allowed = [...opts.allowedOrigins];
  const live = new Set<BridgeConnection>();
  const sockets = new Set<WebSocket>();
  let connectionCount = 0;
  let closing: Promise<void> | undefined;

  const http = createServer((_req, res) => {
    const body = 'This is the Redlock Playground bridge. Connect with a WebSocket from the playground (?bridge=ws://...).\n';
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket', Connection: 'close' });
    res.end(body);
  });
  // perMessageDeflate off: compression would let a small frame inflate past every size check.
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_PAYLOAD_BYTES_MAX, perMessageDeflate: false, clientTracking: false });

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    const n = ++connectionCount;
    const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    const connLog = (line: string) => log(`bridge: connection ${n} (${peer}): ${line}`);
    connLog(`opened from ${req.headers.origin ?? 'no origin'}`);
    const connection = new BridgeConnection(ws, { backend: opts.backend, token: opts.token, rateLimit, log: connLog });
    live.add(connection);
    sockets.add(ws);
    ws.on('close', () => {
      sockets.delete(ws);
      void connection.dispose().finally(() => live.delete(connection));
    });
    if (closing !== undefined) connection.shut(CLOSE_CODES.goingAway, 'bridge shutting down');
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = req.headers.origin;
    if (closing !== undefined) return refuseUpgrade(socket, 503, 'the bridge is shutting down');
    if (!originAllowed(origin, allowed, { allowMissing: opts.allowMissingOrigin === true })) {
      log(`bridge: refused a connection from origin ${JSON.stringify(origin ?? null)}`);
      return refuseUpgrade(socket, 403, originRefusal(origin, allowed));
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
  });
  // A peer that resets mid-handshake must not take the server down.
  http.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (e) => log(`bridge: server error: ${e.message}`));
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const closeAll = async (): Promise<void> => {
    const connections = [...live];
    for (const c of connections) c.shut(CLOSE_CODES.goingAway, 'bridge shutting down');
    await Promise.all(connections.map((c) => c.dispose()));
    // Peers that do not answer the close handshake lose their sockets after a grace period.
    const deadline = Date.now() + CLOSE_HANDSHAKE_MS;
    while (sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const ws of sockets) ws.terminate();
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
    wss.close();
  };

  return {
    url: `ws://${urlHost}:${port}/`,
    port,
    close: () => {
      closing ??= closeAll();
      return closing;
    },
    connections: () => sockets.size,
  };
}

function originRefusal(origin: string | undefined, allowed: readonly string[]): string {
  const list = allowed.length === 0 ? '(none)' : allowed.join(', ');
  if (origin === undefined || origin === '') {
    return `Forbidden: no Origin header; the bridge accepts only pages from ${list}`;
  }
  return `Forbidden: origin ${JSON.stringify(origin.slice(0, 200))} is not allowed; the bridge accepts pages from ${list} (start it with --origin ${origin.slice(0, 200)} to allow this page)`;
}
