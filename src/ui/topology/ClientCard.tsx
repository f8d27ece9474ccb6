import { useRef } from 'react';
import type { TimelineEntry } from '../../sim/model/scenario.ts';
import { clientLabel, clientStateText, clockText, leaseText } from './describe.ts';
import { QuickFaultButtons } from './QuickFaultButtons.tsx';
import { clientQuickFaults } from './quickFaults.ts';
import { useRealActions } from './realActions.ts';
import type { ClientSnapshot } from './snapshotAt.ts';
import { useFocusAfterFault } from './useFocusAfterFault.ts';

export interface ClientCardProps {
  client: ClientSnapshot;
  selected: boolean;
  /** Another client holds the lock at the same time: this card is part of a violation. */
  conflicting: boolean;
  atMs: number;
  onSelect: (id: string) => void;
  onFault: (entry: TimelineEntry) => void;
}

/** A lock client at the cursor: strategy, statechart state, and — loudly — whether it believes it holds the lock. */
export function ClientCard({ client, selected, conflicting, atMs, onSelect, onFault }: ClientCardProps) {
  const main = useRef<HTMLButtonElement>(null);
  const fault = useFocusAfterFault(onFault, main);
  const real = useRealActions();
  const lease = client.lease;
  const holds = lease?.holds === true && !lease.expired;
  const stale = lease !== null && !holds;
  const classes = [
    'topo-card',
    'topo-client',
    `topo-status--${client.status}`,
    holds ? 'is-holding' : '',
    stale ? 'is-stale' : '',
    conflicting ? 'is-conflicting' : '',
    selected ? 'is-selected' : '',
  ]
    .filter((c) => c !== '')
    .join(' ');
  const validity = leaseText(client);
  return (
    <div className={classes} data-testid="client-card" data-client={client.id} data-status={client.status}>
      <button
        ref={main}
        type="button"
        className="topo-select"
        aria-pressed={selected}
        aria-label={clientLabel(client)}
        onClick={() => onSelect(client.id)}
      >
        <span className="topo-head">
          <span className="topo-id">{client.id}</span>
          <span className="topo-strategy">{client.strategy}</span>
        </span>
        <span className="topo-line topo-client-state" data-testid="client-state">
          {clientStateText(client)}
        </span>
        <span className="topo-line topo-lock">
          {holds && lease !== null && (
            <span className="topo-holds" data-testid="holds-lock">
              holds the lock · epoch {lease.epoch}
            </span>
          )}
          {stale && lease !== null && (
            <span className="topo-stale" data-testid="stale-lease">
              still believes it holds the lock · epoch {lease.epoch}
            </span>
          )}
          {lease === null && <span className="topo-muted">{client.strategyKind === 'script' ? 'no lock protocol' : 'no lock'}</span>}
        </span>
        {validity !== null && (
          <span className={`topo-line topo-validity${stale ? ' topo-validity--expired' : ''}`} data-testid="lease-validity">
            {validity}
          </span>
        )}
        <span className={`topo-line topo-clock${client.skewMs !== 0 || client.clockRate !== 1 ? ' topo-clock--skewed' : ''}`}>
          {clockText(client)}
        </span>
      </button>
      <QuickFaultButtons faults={clientQuickFaults(client, atMs)} onFault={fault} />
      {client.strategyKind !== 'script' && real?.lockOps(client.id)}
    </div>
  );
}
