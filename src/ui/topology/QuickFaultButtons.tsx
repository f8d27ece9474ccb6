import type { TimelineEntry } from '../../sim/model/scenario.ts';
import type { QuickFault } from './quickFaults.ts';
import { useRealActions } from './realActions.ts';

/** The one-click faults of a card; each button's accessible name says what, to whom and when. */
export function QuickFaultButtons({ faults, onFault }: { faults: readonly QuickFault[]; onFault: (entry: TimelineEntry) => void }) {
  const real = useRealActions();
  if (faults.length === 0) return null;
  // On real Redis each button injects now (or says why it cannot).
  const shown = real === null ? faults : faults.map((f) => real.adapt(f));
  return (
    <span className="topo-actions">
      {shown.map((f) => (
        <button
          key={f.entry.kind}
          type="button"
          className="topo-action"
          aria-label={f.label}
          title={f.disabledReason ?? f.label}
          disabled={f.disabledReason !== undefined}
          onClick={() => onFault(f.entry)}
        >
          {f.text}
        </button>
      ))}
    </span>
  );
}
