import type { TimelineEntry } from '../../sim/model/scenario.ts';
import type { QuickFault } from './quickFaults.ts';

/** The one-click faults of a card; each button's accessible name says what, to whom and when. */
export function QuickFaultButtons({ faults, onFault }: { faults: readonly QuickFault[]; onFault: (entry: TimelineEntry) => void }) {
  if (faults.length === 0) return null;
  return (
    <span className="topo-actions">
      {faults.map((f) => (
        <button
          key={f.entry.kind}
          type="button"
          className="topo-action"
          aria-label={f.label}
          title={f.label}
          onClick={() => onFault(f.entry)}
        >
          {f.text}
        </button>
      ))}
    </span>
  );
}
