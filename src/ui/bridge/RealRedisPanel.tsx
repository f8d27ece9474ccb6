import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import { BridgeNodes } from './BridgeNodes.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import { RunControls } from './RunControls.tsx';
import './bridge.css';

import { REAL_PANEL_ID } from './realPanelId.ts';

export { REAL_PANEL_ID };

/**
 * The Real Redis panel: connect to the bridge (`npm run bridge`), see the redis-servers it
 * runs, replay the scenario on them and, while that run streams, resume, restart or fail over
 * its nodes. Not modal: the timeline stays usable under it.
 */
export function RealRedisPanel({ store, client, onClose }: { store: PlaygroundStore; client: BridgeClient; onClose: () => void }) {
  const connection = useStore(client, (s) => s.connection);
  return (
    <section
      id={REAL_PANEL_ID}
      className="real-panel"
      aria-label="Real Redis"
      data-testid="real-panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="real-panel-head">
        <h2>Real Redis</h2>
        <button type="button" onClick={onClose} aria-label="Close the Real Redis panel">
          ×
        </button>
      </header>
      <p className="muted">
        Run <code>npm run bridge</code>: it starts redis-servers on this machine and prints an address and a token. The token is never saved
        or put in links.
      </p>
      <ConnectionForm client={client} />
      {connection.status === 'connected' && (
        <>
          <BridgeNodes store={store} client={client} nodes={connection.nodes} capabilities={connection.capabilities} />
          <RunControls store={store} client={client} />
        </>
      )}
    </section>
  );
}
