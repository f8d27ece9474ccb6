import type { TraceEvent } from '../../sim/trace/events.ts';

/** The machine event a message becomes when it reaches a lock client (src/sim/client/lockClient.ts). */
export type ArrivalEvent = 'REPLY' | 'MASTER';

/** For each client, the true times at which a reply (REPLY) or a Sentinel answer (MASTER) reached it. */
export type Arrivals = ReadonlyMap<string, ReadonlyMap<number, ArrivalEvent>>;

// One pass per trace (a run's trace never changes), shared by every cursor position.
const cache = new WeakMap<readonly TraceEvent[], Arrivals>();

/**
 * When each message to a client arrived. The trace does not name the event that moved a
 * machine, but a node's reply is a `send` due at deliverAtMs, unless it was dropped or held
 * back by a pause (then a `deliver` event says when it really arrived).
 */
export function arrivalsOf(trace: readonly TraceEvent[]): Arrivals {
  const cached = cache.get(trace);
  if (cached !== undefined) return cached;
  const first = trace[0];
  const clients = new Set(first !== undefined && first.kind === 'run-start' ? first.clients : []);
  const inFlight = new Map<number, { to: string; event: ArrivalEvent; atMs: number }>();
  const arrivals = new Map<string, Map<number, ArrivalEvent>>();
  const arrive = (to: string, atMs: number, event: ArrivalEvent) => {
    const times = arrivals.get(to) ?? new Map<number, ArrivalEvent>();
    times.set(atMs, event);
    arrivals.set(to, times);
  };
  for (const e of trace) {
    if (e.kind === 'send' && clients.has(e.to) && (e.type === 'reply' || e.type === 'sentinel')) {
      inFlight.set(e.msg, { to: e.to, event: e.type === 'reply' ? 'REPLY' : 'MASTER', atMs: e.deliverAtMs });
    } else if (e.kind === 'drop') {
      inFlight.delete(e.msg);
    } else if (e.kind === 'deliver') {
      const m = inFlight.get(e.msg);
      if (m !== undefined) arrive(m.to, e.t, m.event);
      inFlight.delete(e.msg);
    }
  }
  // Whatever was neither dropped nor held back arrived on time.
  for (const m of inFlight.values()) arrive(m.to, m.atMs, m.event);
  cache.set(trace, arrivals);
  return arrivals;
}

/** The message that reached `client` at true time `t`, or null if none did (a timer moved it). */
export function arrivalAt(trace: readonly TraceEvent[], client: string, t: number): ArrivalEvent | null {
  return arrivalsOf(trace).get(client)?.get(t) ?? null;
}
