import { bandUpTo } from './overlayMarks.ts';
import type { PlotGeometry } from './plotGeometry.ts';
import type { TimelineModel } from './timelineModel.ts';

export interface ViolationBandsProps {
  model: TimelineModel;
  geometry: PlotGeometry;
  x: (t: number) => number;
  cursorMs: number;
}

/**
 * Each exclusion violation the cursor has reached, as a band across every lane (up to the
 * cursor while it is inside it), with the two clients' lanes outlined. In the DOM, so tests
 * and screen readers can find them.
 */
export function ViolationBands({ model, geometry: g, x, cursorMs }: ViolationBandsProps) {
  return (
    <g className="tl-violations">
      {model.violations.map((v, i) => {
        const shown = bandUpTo(v, cursorMs);
        if (shown === null) return null;
        const x0 = x(shown.fromMs);
        const width = Math.max(4, x(shown.toMs) - x0);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: violations are in a fixed order for a run
          <g key={i}>
            <rect
              data-testid="violation-band"
              aria-label={v.label}
              className="tl-band"
              x={x0}
              y={g.lanesTop}
              width={width}
              height={g.lanesBottom - g.lanesTop}
            >
              <title>{`${v.label}. ${v.explanation}`}</title>
            </rect>
            {v.rows.map((row) => {
              const box = g.boxes[row];
              return box === undefined ? null : (
                <rect key={row} className="tl-band-lane" x={x0} y={box.y + 1} width={width} height={box.height - 2} />
              );
            })}
          </g>
        );
      })}
    </g>
  );
}
