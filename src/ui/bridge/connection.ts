import type { BridgeMessageOf, BridgeNode } from '../../protocol/bridgeMessages.ts';
import { type CloseContext, type CloseInfo, type ConnectionProblem, describeClose } from './describeClose.ts';

/** What this bridge can do on its host (welcome.capabilities). */
export interface BridgeCapabilities {
  clockJump: boolean;
  reason?: string;
}

/**
 * The connection to the bridge, as the panel shows it. `connecting` has two phases: the
 * socket opening, then the hello waiting for its welcome. `closed` keeps what went wrong
 * (null when the user disconnected).
 */
export type Connection =
  | { status: 'disconnected' }
  | { status: 'connecting'; url: string; phase: 'opening' | 'greeting' }
  | { status: 'connected'; url: string; nodes: BridgeNode[]; capabilities: BridgeCapabilities }
  | { status: 'closed'; url: string; problem: ConnectionProblem | null };

export const DISCONNECTED: Connection = { status: 'disconnected' };

export function connecting(url: string): Connection {
  return { status: 'connecting', url, phase: 'opening' };
}

/** The socket is open: the hello is on its way. Any other state is left alone (a late event of an old socket). */
export function opened(c: Connection): Connection {
  return c.status === 'connecting' ? { ...c, phase: 'greeting' } : c;
}

/** The bridge welcomed the hello: the nodes it started and what it can do. */
export function welcomed(c: Connection, welcome: BridgeMessageOf<'welcome'>): Connection {
  if (c.status !== 'connecting') return c;
  return { status: 'connected', url: c.url, nodes: welcome.nodes, capabilities: welcome.capabilities };
}

/** The user's Disconnect: no problem to report. */
export function disconnected(c: Connection): Connection {
  return c.status === 'disconnected' ? c : { status: 'closed', url: c.url, problem: null };
}

/** The socket closed (or never opened): why, in words, with what to do. */
export function closed(c: Connection, close: CloseInfo, ctx: Omit<CloseContext, 'url' | 'opened' | 'welcomed'>): Connection {
  if (c.status === 'disconnected' || c.status === 'closed') return c;
  const problem = describeClose(close, {
    ...ctx,
    url: c.url,
    opened: c.status === 'connected' || c.phase === 'greeting',
    welcomed: c.status === 'connected',
  });
  return { status: 'closed', url: c.url, problem };
}

/** One line for the panel's status. */
export function statusText(c: Connection): string {
  switch (c.status) {
    case 'disconnected':
      return 'Not connected.';
    case 'connecting':
      return c.phase === 'opening' ? `Connecting to ${c.url}…` : `Connected to ${c.url}; checking the token…`;
    case 'connected':
      return `Connected to ${c.url}: ${c.nodes.filter((n) => n.role !== 'sentinel').length} redis-server nodes.`;
    case 'closed':
      // The problem itself is shown beside the status, with what to do.
      return c.problem === null ? 'Disconnected.' : 'Not connected.';
  }
}
