import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { TimelineEntry } from '../../sim/model/scenario.ts';
import { useBridgeClient } from '../bridge/bridgeContext.ts';
import { LockOpButtons } from '../bridge/LockOpButtons.tsx';
import { realQuickFault } from '../bridge/realQuickFault.ts';
import { useClientStore, useRealFaults } from '../bridge/useRealFaults.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { type RealActions, RealActionsContext } from './realActions.ts';
import { snapshotAt } from './snapshotAt.ts';
import { TopologyPanel } from './TopologyPanel.tsx';
import './topology.css';

/**
 * The topology at the cursor: Redis nodes, Sentinel, clients and the network's faults, following
 * the cursor as the user plays or scrubs. Clicking a card selects the process; each card's
 * quick faults add a timeline entry at the cursor's time — or, while the views show a run on
 * real Redis, inject the fault there now. Connected to the bridge, lock clients get Acquire /
 * Release / Extend buttons.
 */
export function TopologyView({ store }: { store: PlaygroundStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const run = useStore(store, (s) => s.run);
  const index = useStore(store, (s) => s.cursor.index);
  const t = useStore(store, (s) => s.cursor.t);
  const selected = useStore(store, (s) => s.selected);
  const snapshot = useMemo(
    () => (scenario === null || run === null ? null : snapshotAt(scenario, run.trace, run.verdict, index, t)),
    [scenario, run, index, t],
  );
  const client = useBridgeClient();
  const connected = useStore(useClientStore(), (s) => s.connection.status === 'connected');
  const realFaults = useRealFaults(store);
  const capabilities = realFaults?.capabilities;
  const problem = realFaults?.problem ?? null;
  const actions = useMemo<RealActions | null>(() => {
    if (client === null || (!connected && capabilities === undefined)) return null;
    return {
      adapt: (f) => (capabilities === undefined ? f : realQuickFault(f, capabilities, problem)),
      lockOps: (id) => <LockOpButtons client={client} clientId={id} />,
    };
  }, [client, connected, capabilities, problem]);
  const onSelect = useCallback((id: string) => store.getState().select(id), [store]);
  const sendsNow = realFaults !== null;
  const onFault = useCallback(
    (entry: TimelineEntry) => {
      if (sendsNow && client !== null) client.getState().injectFault(entry);
      else store.getState().injectFault(entry);
    },
    [store, client, sendsNow],
  );
  if (snapshot === null) {
    return (
      <div className="topology" data-testid="topology">
        <p className="topo-muted">No run to show.</p>
      </div>
    );
  }
  return (
    <RealActionsContext.Provider value={actions}>
      <TopologyPanel snapshot={snapshot} selected={selected} atMs={Math.round(t)} onSelect={onSelect} onFault={onFault} />
    </RealActionsContext.Provider>
  );
}
