import { laneY } from './laneLayout.ts';
import type { CauseMark } from './overlayMarks.ts';
import type { PlotGeometry } from './plotGeometry.ts';

export interface CauseMarkersProps {
  marks: readonly CauseMark[];
  geometry: PlotGeometry;
  x: (t: number) => number;
  label: string;
}

/** The events behind a "jump to cause", ringed and joined in time order. */
export function CauseMarkers({ marks, geometry: g, x, label }: CauseMarkersProps) {
  const points = marks.map((m) => {
    const box = m.row === null ? undefined : g.boxes[m.row];
    return { m, px: x(m.t), py: box === undefined ? g.topRow.y + g.topRow.height / 2 : laneY(box) };
  });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.px.toFixed(1)},${p.py.toFixed(1)}`).join('');
  return (
    <g className="tl-causes" aria-label={`Causes: ${label}`}>
      {points.length > 1 && <path className="tl-cause-path" d={path} />}
      {points.map(({ m, px, py }) => (
        <circle key={m.index} data-testid="cause-marker" className="tl-cause" cx={px} cy={py} r={8}>
          <title>{m.text}</title>
        </circle>
      ))}
    </g>
  );
}
