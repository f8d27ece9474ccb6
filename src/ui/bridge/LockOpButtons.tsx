import { useStore } from 'zustand';
import type { BridgeClient, LockOp } from './bridgeClient.ts';

const OPS: ReadonlyArray<{ op: LockOp; text: string; verb: string }> = [
  { op: 'acquire', text: 'Acquire', verb: 'Acquire the lock' },
  { op: 'release', text: 'Release', verb: 'Release the lock' },
  { op: 'extend', text: 'Extend', verb: 'Extend the lock' },
];

/**
 * One client's lock operations on real Redis (lock-op): during a run, the run's client does
 * it; outside a run, the bridge's own Redlock client of that name on nodes A–E. The answer is
 * a trace batch, shown on the timeline.
 */
export function LockOpButtons({ client, clientId }: { client: BridgeClient; clientId: string }) {
  const connected = useStore(client, (s) => s.connection.status === 'connected');
  if (!connected) return null;
  return (
    <fieldset className="real-lock-ops">
      <legend className="visually-hidden">Lock operations of {clientId} on real Redis</legend>
      {OPS.map(({ op, text, verb }) => (
        <button
          key={op}
          type="button"
          className="topo-action real-action"
          aria-label={`${verb} as ${clientId} on real Redis`}
          title={`${verb} as ${clientId} on real Redis, now`}
          onClick={() => client.getState().lockOp(clientId, op)}
        >
          {text}
        </button>
      ))}
    </fieldset>
  );
}
