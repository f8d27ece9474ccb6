import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { BridgeNode } from '../../protocol/bridgeMessages.ts';
import type { ClientMessageInput } from '../../protocol/clientMessages.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import { type NodeAction, type NodeRow, nodeRows } from './nodeActions.ts';
import { latestNotice } from './notices.ts';
import { requestLabel } from './requests.ts';

/**
 * The node rows of a run on real Redis while it streams, read from the events received so
 * far; null outside a live run (the bridge answers a fault without a run with "no run").
 */
export function useLiveNodeRows(store: PlaygroundStore, client: BridgeClient, nodes: readonly BridgeNode[]): NodeRow[] | null {
  const runLive = useStore(client, (s) => s.runLive);
  const real = useStore(store, (s) => s.real);
  const run = runLive && real !== null && real.kind === 'run' ? real : null;
  return useMemo(() => (run === null ? null : nodeRows(nodes, { scenario: run.origin.scenario, events: run.events })), [run, nodes]);
}

/** What the pending list calls this action's message ("Resume node B"): while it is there, the bridge has not answered. */
function pendingLabel(action: NodeAction): string {
  return requestLabel({ ...action.fault, id: 'pending' } as ClientMessageInput);
}

/** One node's actions on real Redis, now: each sends its fault message and waits for the bridge's answer. */
export function NodeActionButtons({ client, actions }: { client: BridgeClient; actions: readonly NodeAction[] }) {
  const pending = useStore(client, (s) => s.pending);
  return (
    <span className="bridge-node-actions">
      {actions.map((action) => {
        const waiting = pending.some((p) => p.label === pendingLabel(action));
        return (
          <button
            key={action.kind}
            type="button"
            className="bridge-node-action"
            aria-label={action.label}
            title={action.disabledReason ?? (waiting ? `${action.title} (waiting for the bridge)` : action.title)}
            disabled={action.disabledReason !== null || waiting}
            onClick={() => client.getState().sendFault(action.fault)}
          >
            {action.text}
          </button>
        );
      })}
    </span>
  );
}

/**
 * The bridge's answer to the last fault when it refused it, in the panel too: the fault bar
 * shows it only while the views show the real run, and the panel may cover it. Polite, not an
 * alert: the fault bar's copy already is one.
 */
export function NodeActionsNotice({ client }: { client: BridgeClient }) {
  const notice = useStore(client, (s) => latestNotice(s.notices, 'fault'));
  return (
    <p
      role="status"
      className={`bridge-notice${notice === null ? '' : ` bridge-notice--${notice.tone}`}`}
      data-testid="node-actions-notice"
    >
      {notice !== null && (
        <>
          <span>{notice.text}</span>
          {notice.advice !== null && <span className="bridge-advice"> {notice.advice}</span>}{' '}
          <button type="button" className="link" onClick={() => client.getState().dismiss('fault')} aria-label="Dismiss this message">
            ×
          </button>
        </>
      )}
    </p>
  );
}
