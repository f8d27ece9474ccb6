import type { QuickFault } from '../topology/quickFaults.ts';
import type { BridgeCapabilities } from './connection.ts';
import { realFaultUnavailable } from './realFaults.ts';

/**
 * A card's one-click fault as real Redis offers it: it happens now, not at the cursor ("Kill
 * node A now on real Redis"), or it is disabled with the reason (no real equivalent, no fake
 * clock, no run to inject into).
 */
export function realQuickFault(fault: QuickFault, capabilities: BridgeCapabilities, problem: string | null): QuickFault {
  const label = `${fault.label.replace(/ at -?\d+ ms$/, '')} now on real Redis`;
  const reason = realFaultUnavailable(fault.entry.kind, capabilities) ?? problem;
  return reason === null ? { ...fault, label } : { ...fault, label, disabledReason: reason };
}
