import net from 'node:net';
import { LOOPBACK } from './freePort.ts';

/** An error reply (`-ERR ...`), kept as a value: the caller decides whether it matters. */
export class RespError {
  constructor(readonly message: string) {}
}

export type RespValue = string | number | null | RespError | RespValue[];

/**
 * Sends one command over a fresh socket and resolves with the parsed reply. No client
 * library: while a server starts, or is paused, a library would retry, queue and log; here a
 * refused connection rejects and a silent server rejects with "timeout" after `timeoutMs`.
 */
export function rawCommand(port: number, argv: readonly string[], timeoutMs = 1000, host = LOOPBACK): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | null, value?: RespValue) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error === null) resolve(value ?? null);
      else reject(error);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`timeout: no reply from ${host}:${port} within ${timeoutMs} ms`)));
    socket.on('error', (e) => finish(e));
    socket.on('close', () => finish(new Error(`${host}:${port} closed the connection before replying`)));
    socket.on('connect', () => socket.write(encodeCommand(argv)));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      try {
        const parsed = parseResp(data, 0);
        if (parsed !== undefined) finish(null, parsed.value);
      } catch (e) {
        finish(e as Error);
      }
    });
  });
}

export function encodeCommand(argv: readonly string[]): string {
  return `*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Parses one RESP2 value starting at `at`; undefined while it is incomplete. */
export function parseResp(data: Buffer, at: number): { value: RespValue; end: number } | undefined {
  const eol = data.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(data[at] ?? 0);
  const line = data.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new RespError(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (data.length < next + length + 2) return undefined;
      return { value: data.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parseResp(data, end);
        if (item === undefined) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error(`not a RESP reply: ${JSON.stringify(data.toString('utf8', at, Math.min(data.length, at + 40)))}`);
  }
}

/** One field of an INFO reply (`role`, `master_link_status`, `process_id`, ...), or undefined. */
export async function infoField(port: number, section: string, field: string, timeoutMs = 1000): Promise<string | undefined> {
  const reply = await rawCommand(port, ['INFO', section], timeoutMs);
  if (typeof reply !== 'string') return undefined;
  const line = reply.split('\r\n').find((l) => l.startsWith(`${field}:`));
  return line?.slice(field.length + 1);
}
