import { createContext, type ReactNode, useContext } from 'react';
import type { QuickFault } from './quickFaults.ts';

/**
 * How the topology's cards act on real Redis (the Real Redis mode provides it; without it
 * the cards edit the scenario): quick faults sent now, or disabled with the reason, and the
 * clients' lock operations.
 */
export interface RealActions {
  adapt(fault: QuickFault): QuickFault;
  lockOps(client: string): ReactNode;
}

export const RealActionsContext = createContext<RealActions | null>(null);

export function useRealActions(): RealActions | null {
  return useContext(RealActionsContext);
}
