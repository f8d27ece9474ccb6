import type { BridgeMessage, BridgeMessageOf } from '../../protocol/bridgeMessages.ts';
import { describeRefusal, type Refusal } from './describeRefusal.ts';
import { type PendingRequest, type Topic, takePending } from './requests.ts';

/** What the client knows when a message arrives: what it asked for and whether a run is streaming. */
export interface RouteContext {
  pending: readonly PendingRequest[];
  /** The start-run message's id of the run this connection started, or null. */
  runId: string | null;
  /** Whether that run has not ended yet. */
  runLive: boolean;
}

/**
 * Where one bridge message goes. Trace batches belong to the run while it streams (its own
 * events, its faults' effects, its lock operations' answers), else to the connection's lock
 * session (lock operations outside a run). An error goes to the part of the page where the
 * user asked for what it refuses.
 */
export type Route =
  | { kind: 'welcome'; welcome: BridgeMessageOf<'welcome'> }
  | { kind: 'trace'; to: 'run' | 'session'; events: unknown[]; answers: PendingRequest | null }
  | { kind: 'refused'; topic: Topic; request: PendingRequest | null; refusal: Refusal; endsRun: boolean }
  | { kind: 'run-ended'; reason: BridgeMessageOf<'run-ended'>['reason']; hint: { safe: boolean; note: string } | null }
  | { kind: 'ignored'; why: string };

export interface Routed {
  route: Route;
  /** The pending requests once this message's answer is taken out. */
  pending: PendingRequest[];
}

export function routeBridgeMessage(m: BridgeMessage, ctx: RouteContext): Routed {
  const { request, rest } = takePending(ctx.pending, m.inReplyTo);
  switch (m.type) {
    case 'welcome':
      return { route: { kind: 'welcome', welcome: m }, pending: rest };
    case 'pong':
      return { route: { kind: 'ignored', why: 'pong' }, pending: rest };
    case 'trace': {
      // The start-run stays pending until its run ends: a later error about the run still names it.
      const keep = request !== null && request.type === 'start-run';
      return {
        route: { kind: 'trace', to: ctx.runLive ? 'run' : 'session', events: m.events, answers: request },
        pending: keep ? ctx.pending.slice() : rest,
      };
    }
    case 'error': {
      const refusal = describeRefusal(m.code, m.message, request);
      // A refused (or failed) start-run means no run: the page stops waiting for one.
      const aboutRun = m.inReplyTo !== undefined && m.inReplyTo === ctx.runId;
      return {
        route: { kind: 'refused', topic: aboutRun ? 'run' : (request?.topic ?? 'connection'), request, refusal, endsRun: aboutRun },
        pending: rest,
      };
    }
    case 'run-ended': {
      // The end of an earlier run (one a new start-run replaced) is not the end of this one.
      if (ctx.runId === null || (m.inReplyTo !== undefined && m.inReplyTo !== ctx.runId)) {
        return { route: { kind: 'ignored', why: `run-ended of another run (${m.inReplyTo ?? 'no id'})` }, pending: rest };
      }
      return { route: { kind: 'run-ended', reason: m.reason, hint: m.verdictHint ?? null }, pending: rest };
    }
  }
}
