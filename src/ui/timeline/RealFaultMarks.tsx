import type { PlotGeometry } from './plotGeometry.ts';
import type { RealFaultMark } from './realFaultMarks.ts';

/** The real run's faults on their lanes, in the DOM (tests and screen readers find them); not draggable: they have happened. */
export function RealFaultMarks({
  marks,
  geometry: g,
  rowOf,
  x,
  cursorMs,
}: {
  marks: readonly RealFaultMark[];
  geometry: PlotGeometry;
  rowOf: ReadonlyMap<string, number>;
  x: (t: number) => number;
  cursorMs: number;
}) {
  return (
    <g className="tl-real-faults">
      {marks.map((m) => {
        const row = m.process === null ? undefined : rowOf.get(m.process);
        const box = row === undefined ? undefined : g.boxes[row];
        const top = box === undefined ? g.topRow.y : box.y;
        const height = box === undefined ? g.topRow.height : box.height;
        return (
          <g
            key={m.index}
            aria-label={m.label}
            data-testid="real-fault-mark"
            className={`tl-fault tl-real-fault${m.t > cursorMs ? ' tl-future' : ''}`}
            transform={`translate(${x(m.t).toFixed(1)},0)`}
          >
            <title>{m.label}</title>
            <line className="tl-fault-line" x1={0} x2={0} y1={top} y2={top + height} />
            <path className="tl-fault-handle" d={`M0,${top}l5,5l-5,5l-5,-5z`} />
          </g>
        );
      })}
    </g>
  );
}
