import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import { useBridgeClient } from './bridgeContext.ts';
import { type BridgeCapabilities, DISCONNECTED } from './connection.ts';
import { realInjectProblem } from './realMode.ts';

/** How the fault tools act while the views show a real run. */
export interface RealFaults {
  client: BridgeClient;
  /** What this bridge can do (a clock jump needs a fake clock); nothing until connected. */
  capabilities: BridgeCapabilities;
  /** Why nothing can be injected now, or null. */
  problem: string | null;
}

const NONE: BridgeCapabilities = { clockJump: false, reason: 'not connected to the bridge' };

/** Stands in where there is no client (the embed view, component tests): hooks must always subscribe to something. */
const NO_CLIENT = createStore(() => ({ connection: DISCONNECTED, runLive: false })) as unknown as BridgeClient;

/** The bridge client, or a stand-in that is never connected, for `useStore`. */
export function useClientStore(): BridgeClient {
  return useBridgeClient() ?? NO_CLIENT;
}

/** Non-null while the views show the real run: the fault bar and the topology's faults then go to the bridge, now. */
export function useRealFaults(store: PlaygroundStore): RealFaults | null {
  const client = useBridgeClient();
  const source = useStore(store, (s) => s.source);
  const connection = useStore(client ?? NO_CLIENT, (s) => s.connection);
  const runLive = useStore(client ?? NO_CLIENT, (s) => s.runLive);
  if (client === null || source !== 'real') return null;
  return {
    client,
    capabilities: connection.status === 'connected' ? connection.capabilities : NONE,
    problem: realInjectProblem(connection, runLive),
  };
}
