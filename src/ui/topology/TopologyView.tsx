import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { TimelineEntry } from '../../sim/model/scenario.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { snapshotAt } from './snapshotAt.ts';
import { TopologyPanel } from './TopologyPanel.tsx';
import './topology.css';

/**
 * The topology at the cursor: Redis nodes, Sentinel, clients and the network's faults, following
 * the cursor as the user plays or scrubs. Clicking a card selects the process; each card's
 * quick faults add a timeline entry at the cursor's time.
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
  const onSelect = useCallback((id: string) => store.getState().select(id), [store]);
  const onFault = useCallback((entry: TimelineEntry) => store.getState().injectFault(entry), [store]);
  if (snapshot === null) {
    return (
      <div className="topology" data-testid="topology">
        <p className="topo-muted">No run to show.</p>
      </div>
    );
  }
  return <TopologyPanel snapshot={snapshot} selected={selected} atMs={Math.round(t)} onSelect={onSelect} onFault={onFault} />;
}
