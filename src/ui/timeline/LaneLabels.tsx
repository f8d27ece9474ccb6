import type { LaneBox } from './laneLayout.ts';
import { captionAt, type TimelineModel } from './timelineModel.ts';

export interface LaneLabelsProps {
  model: TimelineModel;
  boxes: readonly LaneBox[];
  /** Owner colour per client slot (a client's keys on the node lanes have its colour). */
  ownerColours: readonly string[];
  clientSlots: ReadonlyMap<string, number>;
  cursorMs: number;
  selected: string | null;
  onSelect: (id: string) => void;
}

/** One button per lane, level with it: the process and its role or strategy (a node's role follows failovers). */
export function LaneLabels({ model, boxes, ownerColours, clientSlots, cursorMs, selected, onSelect }: LaneLabelsProps) {
  return (
    <div className="tl-labels">
      {model.lanes.map((lane) => {
        const box = boxes[lane.row];
        if (box === undefined) return null;
        const slot = clientSlots.get(lane.id);
        const caption = captionAt(model, lane, cursorMs);
        return (
          <button
            key={lane.id}
            type="button"
            className={`tl-label tl-label-${lane.kind}${selected === lane.id ? ' tl-selected' : ''}`}
            style={{ top: box.y, height: box.height }}
            aria-label={`Select ${lane.id}`}
            aria-pressed={selected === lane.id}
            title={`${lane.id}: ${caption}`}
            data-testid="lane-label"
            onClick={() => onSelect(lane.id)}
          >
            {slot !== undefined && <span className="tl-owner" style={{ background: ownerColours[slot % ownerColours.length] }} />}
            <span className="tl-id">{lane.id}</span>
            <span className="tl-caption">{caption}</span>
          </button>
        );
      })}
    </div>
  );
}
