import type { SocketLike } from '../bridgeClient.ts';

/**
 * A WebSocket the test plays the bridge's part on: it records what the page sends and
 * delivers what the test says the bridge answers. (The bridge itself is tested on real
 * sockets in bridge/server; this is the page's half.)
 */
export class ScriptedSocket implements SocketLike {
  binaryType = 'blob';
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  open(): void {
    this.onopen?.({});
  }
  /** A frame from the bridge: an object is sent as JSON text, anything else as is. */
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' || frame instanceof ArrayBuffer ? frame : JSON.stringify(frame) });
  }
  drop(code: number, reason = ''): void {
    this.onclose?.({ code, reason });
  }
  last(): Record<string, unknown> {
    const m = this.sent[this.sent.length - 1];
    if (m === undefined) throw new Error('nothing sent');
    return m;
  }
}
