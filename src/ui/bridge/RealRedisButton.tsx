import { useStore } from 'zustand';
import type { BridgeClient } from './bridgeClient.ts';
import { REAL_PANEL_ID } from './realPanelId.ts';

const STATUS_WORDS = { connected: 'connected', connecting: 'connecting', closed: 'not connected', disconnected: 'not connected' } as const;

/**
 * The top bar's "Real Redis": opens the panel. Its colour shows whether the bridge is
 * connected (the words are in its tooltip and the panel), so it keeps one width in a full top bar.
 */
export function RealRedisButton({ client, open, onToggle }: { client: BridgeClient; open: boolean; onToggle: () => void }) {
  const status = useStore(client, (s) => s.connection.status);
  return (
    <button
      type="button"
      className={`gallery-button mode-button real-button real-button--${status}`}
      aria-expanded={open}
      aria-controls={REAL_PANEL_ID}
      onClick={onToggle}
      title={`Run the scenario on real redis-servers through the bridge (${STATUS_WORDS[status]})`}
    >
      Real Redis
    </button>
  );
}
