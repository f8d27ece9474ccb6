import { createContext, useContext } from 'react';
import type { BridgeClient } from './bridgeClient.ts';

/** The page's bridge client, for the panels that act on real Redis (absent in tests and the embed view: they stay simulated). */
export const BridgeContext = createContext<BridgeClient | null>(null);

export function useBridgeClient(): BridgeClient | null {
  return useContext(BridgeContext);
}
