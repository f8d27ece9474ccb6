import { memo, useId } from 'react';
import type { Statechart } from '../../lock/statechart.ts';
import { chartIndex } from './chartIndex.ts';
import { type ChartEdge, LABEL_FONT_PX, type Point, type StateBox, type StatechartLayout } from './layoutStatechart.ts';

export interface StatechartDrawingProps {
  chart: Statechart;
  layout: StatechartLayout;
  /** State ids to light (ancestors included). */
  active: ReadonlySet<string>;
  /** Edge keys of the transition(s) just taken. */
  taken: ReadonlySet<string>;
  /** Draw every transition; otherwise only those out of the active states and the taken ones. */
  allEdges: boolean;
  /** What a screen reader hears for the whole drawing. */
  label: string;
}

/** A box's tooltip: its path, kind, entry/exit actions and its transitions. */
function tooltip(chart: Statechart, box: StateBox): string {
  const entry = chartIndex(chart).get(box.id);
  if (entry === undefined) return box.label;
  const { state, path } = entry;
  const lines = [`${path === '' ? state.key : path} (${state.type})`];
  if (state.entry.length > 0) lines.push(`entry: ${state.entry.join(', ')}`);
  if (state.exit.length > 0) lines.push(`exit: ${state.exit.join(', ')}`);
  for (const t of state.transitions) {
    const on = t.event === 'always' ? 'always' : `on ${t.event}`;
    const guard = t.guard === null ? '' : ` [${t.guard}]`;
    const to = t.targets.length === 0 ? ' (stays)' : ` → ${t.targets.map((id) => chartIndex(chart).get(id)?.path ?? id).join(', ')}`;
    lines.push(`${on}${guard}${to}`);
  }
  return lines.join('\n');
}

function boxClass(box: StateBox, active: boolean): string {
  return ['state', box.type, box.region ? 'region' : '', active ? 'active' : ''].filter((c) => c !== '').join(' ');
}

function Box({ chart, box, active }: { chart: Statechart; box: StateBox; active: boolean }) {
  const leaf = box.type === 'atomic' || box.type === 'final';
  return (
    <g className={boxClass(box, active)} data-state={box.id}>
      <title>{tooltip(chart, box)}</title>
      <rect x={box.x + 0.5} y={box.y + 0.5} width={box.w - 1} height={box.h - 1} rx={leaf ? 6 : 8} />
      {box.type === 'final' && <rect className="final-inner" x={box.x + 3.5} y={box.y + 3.5} width={box.w - 7} height={box.h - 7} rx={4} />}
      {leaf ? (
        <text x={box.x + box.w / 2} y={box.y + box.h / 2} textAnchor="middle" dominantBaseline="central">
          {box.label}
        </text>
      ) : (
        <text className="heading" x={box.x + 7} y={box.y + 13}>
          {box.label}
        </text>
      )}
    </g>
  );
}

/**
 * SVG path data: three points are a smooth curve from the first through the middle one to the
 * last (two cubic pieces, Catmull-Rom style: at the middle point it runs parallel to first→last,
 * so it does not swing wide of it); more points are a polyline.
 */
export function pathData(points: readonly Point[]): string {
  const [a, m, b] = points;
  if (points.length === 3 && a !== undefined && m !== undefined && b !== undefined) {
    const n = (v: number) => Math.round(v * 10) / 10;
    const at = (p: Point) => `${n(p.x)},${n(p.y)}`;
    const tx = (b.x - a.x) / 6;
    const ty = (b.y - a.y) / 6;
    const c1 = { x: a.x + (m.x - a.x) / 3, y: a.y + (m.y - a.y) / 3 };
    const c2 = { x: m.x - tx, y: m.y - ty };
    const c3 = { x: m.x + tx, y: m.y + ty };
    const c4 = { x: b.x - (b.x - m.x) / 3, y: b.y - (b.y - m.y) / 3 };
    return `M${at(a)} C${at(c1)} ${at(c2)} ${at(m)} C${at(c3)} ${at(c4)} ${at(b)}`;
  }
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

function EdgeLine({ edge, taken, markerId }: { edge: ChartEdge; taken: boolean; markerId: string }) {
  return (
    <g className={taken ? 'edge taken' : 'edge'} data-edge={edge.key}>
      <title>{`${edge.label === '' ? 'always' : edge.label}`}</title>
      <path className="edge-line" d={pathData(edge.points)} markerEnd={`url(#${markerId})`} />
    </g>
  );
}

/** An arrow's label, at the size the layout made room for; a shortened one keeps the whole label as its tooltip. */
function EdgeLabel({ edge, taken }: { edge: ChartEdge; taken: boolean }) {
  const { x, y } = edge.labelAt;
  return (
    <text
      className={taken ? 'edge-label taken' : 'edge-label'}
      x={x}
      y={y}
      fontSize={LABEL_FONT_PX}
      textAnchor="middle"
      dominantBaseline="central"
      transform={edge.labelAngle === 0 ? undefined : `rotate(${edge.labelAngle} ${x} ${y})`}
    >
      {edge.text !== edge.label && <title>{edge.label}</title>}
      {edge.text}
    </text>
  );
}

/**
 * The chart as SVG: nested state boxes (active ones lit), dashed region separators, the
 * initial dot-arrows, and transition arrows (the ones just taken highlighted). Colours come
 * from statechart.css, so both themes apply without re-rendering.
 */
export const StatechartDrawing = memo(function StatechartDrawing({
  chart,
  layout,
  active,
  taken,
  allEdges,
  label,
}: StatechartDrawingProps) {
  // useId's punctuation is not safe inside url(#…); the counter alone keeps ids unique.
  const id = `statechart${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const arrow = `${id}-arrow`;
  const arrowTaken = `${id}-arrow-taken`;
  const shown = layout.edges.filter((e) => allEdges || taken.has(e.key) || active.has(e.from));
  // The taken ones last, so they are drawn on top.
  const ordered = [...shown.filter((e) => !taken.has(e.key)), ...shown.filter((e) => taken.has(e.key))];
  const isLeaf = (box: StateBox) => box.type === 'atomic' || box.type === 'final';
  const containers = layout.boxes.filter((b) => !isLeaf(b));
  const leaves = layout.boxes.filter(isLeaf);
  return (
    <svg
      className="statechart-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={label}
    >
      <defs>
        <marker
          id={arrow}
          className="arrowhead"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path className="arrowhead-tip" d="M0,0 L10,5 L0,10 z" />
        </marker>
        <marker
          id={arrowTaken}
          className="arrowhead taken"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path className="arrowhead-tip" d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {/* Containers first, then the arrows, then the leaf states over them: an arrow that has to
          cross a state passes behind it instead of striking its name out. Labels go on top. */}
      {containers.map((box) => (
        <Box key={box.id} chart={chart} box={box} active={active.has(box.id)} />
      ))}
      {layout.separators.map((s) => (
        <line key={`${s.x1},${s.y1}`} className="region-separator" x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
      ))}
      {ordered.map((e) => (
        <EdgeLine key={e.key} edge={e} taken={taken.has(e.key)} markerId={taken.has(e.key) ? arrowTaken : arrow} />
      ))}
      {leaves.map((box) => (
        <Box key={box.id} chart={chart} box={box} active={active.has(box.id)} />
      ))}
      {layout.initials.map((m) => (
        <g key={m.of} className="initial">
          <circle cx={m.dot.x} cy={m.dot.y} r={3} />
          <line x1={m.dot.x} y1={m.dot.y} x2={m.tip.x} y2={m.tip.y} markerEnd={`url(#${arrow})`} />
        </g>
      ))}
      {ordered
        .filter((e) => e.text !== '')
        .map((e) => (
          <EdgeLabel key={e.key} edge={e} taken={taken.has(e.key)} />
        ))}
    </svg>
  );
});
