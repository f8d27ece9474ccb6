import { useRef } from 'react';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { PartitionSide } from './faultDraft.ts';
import { FieldError } from './fields.tsx';
import { processLabel } from './faultTargets.ts';

/**
 * Which processes a partition cuts off: a disclosure (it does not fit in the bar) with a
 * checkbox per process for side B; every unticked process is side A. The summary names
 * side B, so the choice is visible while the panel is closed.
 */
export function PartitionSides({
  id,
  sides,
  scenario,
  error,
  onChange,
}: {
  id: string;
  sides: PartitionSide[];
  scenario: Scenario;
  error: string | undefined;
  onChange: (sides: PartitionSide[]) => void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const sideB = sides.filter((s) => s.onSideB).map((s) => s.process);
  const sideA = sides.filter((s) => !s.onSideB).map((s) => s.process);
  const errorId = `${id}-error`;
  return (
    <span className="fault-field">
      <details
        ref={details}
        className="fault-sides"
        onKeyDown={(e) => {
          // Space on the summary opens the disclosure: keep it from the page's play/pause shortcut (on window).
          if (e.key === ' ' && e.target instanceof HTMLElement && e.target.tagName === 'SUMMARY') e.stopPropagation();
          // Escape closes the panel and gives focus back to its summary, as a menu would.
          if (e.key === 'Escape' && details.current?.open) {
            e.preventDefault();
            e.stopPropagation();
            details.current.open = false;
            details.current.querySelector('summary')?.focus();
          }
        }}
      >
        <summary aria-describedby={error !== undefined ? errorId : undefined}>
          Side B: {sideB.length === 0 ? 'nobody' : sideB.join(', ')}
        </summary>
        <fieldset className="fault-sides-panel">
          <legend>Side B: cut off from side A</legend>
          {sides.map((s, i) => (
            <span key={s.process} className="fault-check">
              <input
                id={`${id}-${s.process}`}
                type="checkbox"
                checked={s.onSideB}
                onChange={(e) => onChange(sides.map((other, j) => (j === i ? { ...other, onSideB: e.target.checked } : other)))}
              />
              <label htmlFor={`${id}-${s.process}`}>{processLabel(s.process, scenario)}</label>
            </span>
          ))}
          <p className="fault-sides-rest">Side A: {sideA.length === 0 ? 'nobody' : sideA.join(', ')}</p>
        </fieldset>
      </details>
      <FieldError id={errorId} message={error} />
    </span>
  );
}
