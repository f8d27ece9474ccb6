import type { ChartState, Statechart } from '../../lock/statechart.ts';
import { chartIndex } from './chartIndex.ts';

export interface Point {
  x: number;
  y: number;
}

/** A state drawn as a box; a compound or parallel state's box contains its children's. */
export interface StateBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  /** The state's key, as written in its box. */
  label: string;
  type: ChartState['type'];
  /** A region of a parallel state: drawn without a border, regions split by dashed lines. */
  region: boolean;
}

/** A transition drawn as an arrow from the source box to the target box. */
export interface ChartEdge {
  /** Unique per transition and target (see edgeKey). */
  key: string;
  from: string;
  to: string;
  event: string;
  guard: string | null;
  /** What the arrow says: "REPLY [isCurrentReply]"; an eventless one shows only its guard. */
  label: string;
  /**
   * The arrow's course: three points are a quadratic curve (start, control, end) between
   * neighbouring layers; four are a polyline through a side lane of the common parent (a
   * transition back up, or one that skips layers, goes around the boxes in between).
   */
  points: Point[];
  /** The middle of the label. */
  labelAt: Point;
  /** 0, or -90 for a label written up along a lane (it would cover the boxes beside the lane otherwise). */
  labelAngle: 0 | -90;
}

/** The dashed line between two regions of a parallel state. */
export interface Separator {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A compound state's initial child: a dot with an arrow into the child's box. */
export interface InitialMark {
  of: string;
  dot: Point;
  tip: Point;
}

export interface StatechartLayout {
  width: number;
  height: number;
  /** Every state of the chart, parents before children. */
  boxes: StateBox[];
  /** Every transition with a target, one edge per target. */
  edges: ChartEdge[];
  separators: Separator[];
  initials: InitialMark[];
}

/** Box text is 11px monospace, whose advance is 0.6em: widths are known without a DOM. */
export const CHAR_WIDTH_PX = 6.6;
const ATOMIC_H = 24;
const ATOMIC_MIN_W = 44;
const TEXT_PAD = 7;
const HEADER_H = 18;
/** Room left of the initial child for its dot-arrow. */
const INITIAL_W = 14;
const PAD = 7;
const GAP_X = 10;
/** Between layers: room for an arrow and its label. */
const GAP_Y = 26;
const REGION_GAP = 10;
/** Width of one side lane (a transition routed around the boxes). */
const LANE_W = 6;
const EDGE_BEND = 10;
const EDGE_BEND_STEP = 14;
const LABEL_LINE_H = 11;
const LANE_LABEL_AT = [0.5, 0.25, 0.75];
/** Below this a chart cannot be laid out legibly; the drawing scrolls instead. */
export const MIN_WIDTH_PX = 240;

/** The key of a transition's edge to one target. */
export function edgeKey(from: string, event: string, guard: string | null, to: string): string {
  return `${from}|${event}|${guard ?? ''}|${to}`;
}

/** How a compound's children are ranked: layer per child, and lanes for the transitions that go around. */
interface Ranking {
  layerOf: Map<string, number>;
  /** Transitions (edge keys) that skip a layer: routed down the left lanes, in lane order. */
  leftLanes: string[];
  /** Transitions going back up: routed up the right lanes. */
  rightLanes: string[];
}

/** A laid-out subtree, positions relative to its own top-left corner. */
interface Placed {
  state: ChartState;
  w: number;
  h: number;
  region: boolean;
  children: { node: Placed; dx: number; dy: number }[];
  separators: Separator[];
  ranking: Ranking | null;
}

function textWidth(text: string): number {
  return text.length * CHAR_WIDTH_PX + 2 * TEXT_PAD;
}

function descendants(state: ChartState): ChartState[] {
  return [state, ...state.states.flatMap(descendants)];
}

/** Each transition between two different children of `state` (from anywhere inside them), in chart order. */
function childLinks(state: ChartState): { key: string; from: string; to: string }[] {
  const childOf = new Map<string, string>();
  for (const child of state.states) for (const d of descendants(child)) childOf.set(d.id, child.id);
  const links: { key: string; from: string; to: string }[] = [];
  for (const child of state.states) {
    for (const d of descendants(child)) {
      for (const t of d.transitions) {
        for (const target of t.targets) {
          const to = childOf.get(target);
          if (to !== undefined && to !== child.id) links.push({ key: edgeKey(d.id, t.event, t.guard, target), from: child.id, to });
        }
      }
    }
  }
  return links;
}

/**
 * Ranks a compound's children top to bottom: a depth-first walk from the initial child finds
 * the transitions that go back (retry loops), and every other transition points down; a
 * child's layer is its longest path from the top (idle, acquiring, deciding, holding, …).
 */
function rank(state: ChartState): Ranking {
  const links = childLinks(state);
  const ids = state.states.map((s) => s.id);
  const back = new Set<string>();
  const status = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    status.set(id, 'open');
    for (const link of links.filter((l) => l.from === id)) {
      const s = status.get(link.to);
      if (s === 'open') back.add(link.key);
      else if (s === undefined) visit(link.to);
    }
    status.set(id, 'done');
  };
  const initial = state.initial ?? ids[0];
  for (const id of [...(initial === undefined ? [] : [initial]), ...ids]) if (!status.has(id)) visit(id);
  const forward = links.filter((l) => !back.has(l.key));
  const layerOf = new Map(ids.map((id) => [id, 0]));
  // Longest path over the acyclic forward links: relax until stable (at most one pass per child).
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const l of forward) {
      const next = (layerOf.get(l.from) ?? 0) + 1;
      if (next > (layerOf.get(l.to) ?? 0)) {
        layerOf.set(l.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const layer = (id: string) => layerOf.get(id) ?? 0;
  return {
    layerOf,
    leftLanes: forward.filter((l) => layer(l.to) > layer(l.from) + 1).map((l) => l.key),
    rightLanes: links.filter((l) => layer(l.to) < layer(l.from)).map((l) => l.key),
  };
}

/** Children in layers top to bottom, each layer centred (and wrapped if wider than the room). */
function layered(state: ChartState, maxW: number, region: boolean): Placed {
  const ranking = rank(state);
  const lanesW = PAD + LANE_W * ranking.leftLanes.length;
  const rightW = PAD + LANE_W * ranking.rightLanes.length;
  const wide = layeredIn(state, ranking, Math.max(ATOMIC_MIN_W, maxW - lanesW - rightW), lanesW, rightW, region);
  // The initial dot-arrow needed room on the left that was not there: lay out again in less.
  if (wide.w <= maxW) return wide;
  return layeredIn(state, ranking, Math.max(ATOMIC_MIN_W, maxW - lanesW - rightW - INITIAL_W), lanesW, rightW, region);
}

function layeredIn(state: ChartState, ranking: Ranking, innerW: number, lanesW: number, rightW: number, region: boolean): Placed {
  const nodes = new Map(state.states.map((s) => [s.id, place(s, innerW, false)]));
  const layerCount = Math.max(0, ...ranking.layerOf.values()) + 1;
  // Rows of nodes; a layer wider than the room wraps into several rows.
  const rows: Placed[][] = [];
  const order = new Map<string, number>();
  const links = childLinks(state);
  for (let layer = 0; layer < layerCount; layer++) {
    const inLayer = state.states.filter((s) => ranking.layerOf.get(s.id) === layer);
    // Under the states they come from, roughly: sort by the mean position of their predecessors.
    const weight = (id: string) => {
      const from = links.filter((l) => l.to === id && order.has(l.from)).map((l) => order.get(l.from) as number);
      return from.length === 0 ? Number.POSITIVE_INFINITY : from.reduce((a, b) => a + b, 0) / from.length;
    };
    const sorted = inLayer.map((s, i) => ({ s, i, w: weight(s.id) })).sort((a, b) => (a.w === b.w ? a.i - b.i : a.w < b.w ? -1 : 1));
    let row: Placed[] = [];
    let rowW = 0;
    for (const { s } of sorted) {
      const node = nodes.get(s.id) as Placed;
      if (row.length > 0 && rowW + GAP_X + node.w > innerW) {
        rows.push(row);
        row = [];
        rowW = 0;
      }
      rowW += (row.length > 0 ? GAP_X : 0) + node.w;
      row.push(node);
    }
    if (row.length > 0) rows.push(row);
    sorted.forEach(({ s }, i) => {
      order.set(s.id, i);
    });
  }
  const rowWidth = (row: Placed[]) => row.reduce((sum, n) => sum + n.w, 0) + GAP_X * (row.length - 1);
  const contentW = Math.max(0, ...rows.map(rowWidth));
  // The initial child sits first in its row; centred, it has room for its dot-arrow unless its row is (nearly) the widest.
  const initialRow = rows.find((row) => row.some((n) => n.state.id === state.initial));
  const initialOffset = initialRow === undefined ? INITIAL_W : (contentW - rowWidth(initialRow)) / 2;
  const leftW = lanesW + Math.max(0, INITIAL_W - initialOffset);
  const children: Placed['children'] = [];
  let y = HEADER_H;
  for (const row of rows) {
    let x = leftW + (contentW - rowWidth(row)) / 2;
    const rowH = Math.max(...row.map((n) => n.h));
    for (const node of row) {
      children.push({ node, dx: x, dy: y });
      x += node.w + GAP_X;
    }
    y += rowH + GAP_Y;
  }
  const h = rows.length === 0 ? HEADER_H + PAD : y - GAP_Y + PAD;
  const w = Math.max(leftW + contentW + rightW, textWidth(state.key));
  return { state, w, h, region, children, separators: [], ranking };
}

/**
 * Regions side by side, all as tall as the tallest. Each gets the width it would like, or,
 * when they do not all fit, a share of the room in proportion to it.
 */
function regions(state: ChartState, maxW: number): Placed {
  const room = maxW - 2 * PAD - REGION_GAP * (state.states.length - 1);
  const wanted = state.states.map((s) => place(s, room, true).w);
  const total = wanted.reduce((a, b) => a + b, 0);
  const nodes = state.states.map((s, i) => place(s, total <= room ? room : (room * (wanted[i] as number)) / total, true));
  const h = Math.max(...nodes.map((node) => node.h));
  const children: Placed['children'] = [];
  const separators: Separator[] = [];
  let x = PAD;
  nodes.forEach((node, i) => {
    node.h = h;
    if (i > 0) {
      const mid = x - REGION_GAP / 2;
      separators.push({ x1: mid, y1: HEADER_H + 4, x2: mid, y2: HEADER_H + h });
    }
    children.push({ node, dx: x, dy: HEADER_H });
    x += node.w + REGION_GAP;
  });
  const w = Math.max(x - REGION_GAP + PAD, textWidth(state.key));
  return { state, w, h: HEADER_H + h + PAD, region: false, children, separators, ranking: null };
}

function place(state: ChartState, maxW: number, region: boolean): Placed {
  if (state.type === 'parallel') return regions(state, maxW);
  if (state.type === 'compound') return layered(state, maxW, region);
  return { state, w: Math.max(ATOMIC_MIN_W, textWidth(state.key)), h: ATOMIC_H, region, children: [], separators: [], ranking: null };
}

function center(b: StateBox): Point {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the ray from the box's centre towards `toward` leaves the box. */
function borderPoint(b: StateBox, toward: Point): Point {
  const c = center(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : b.w / 2 / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : b.h / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * Math.min(1, scale), y: c.y + dy * Math.min(1, scale) };
}

function contains(outer: StateBox, inner: StateBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

function round(p: Point): Point {
  return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
}

/** The middle of a box's side, on a compound at its heading (so the arrow meets the box, not its children). */
function sidePoint(b: StateBox, side: 'left' | 'right'): Point {
  const y = b.type === 'atomic' || b.type === 'final' ? b.y + b.h / 2 : b.y + HEADER_H / 2 + 2;
  return { x: side === 'left' ? b.x : b.x + b.w, y };
}

/** A curve between two boxes, bent to one side so that A→B and B→A (and repeats) stay apart. */
function curve(from: StateBox, to: StateBox, nth: number): Pick<ChartEdge, 'points' | 'labelAt' | 'labelAngle'> {
  const bend = EDGE_BEND + nth * EDGE_BEND_STEP;
  let points: [Point, Point, Point];
  if (contains(to, from) || contains(from, to)) {
    // Into an ancestor (or a descendant): a loop out of the inner box's right side to the outer box's right border.
    const inner = contains(to, from) ? from : to;
    const outer = inner === from ? to : from;
    const a = sidePoint(inner, 'right');
    const b = { x: outer.x + outer.w, y: a.y + bend };
    const c = { x: (a.x + b.x) / 2 + bend, y: a.y - bend };
    points = inner === from ? [a, c, b] : [b, c, a];
  } else {
    const start = borderPoint(from, center(to));
    const end = borderPoint(to, center(from));
    const dx = end.x - start.x;
    const dy = end.y - start.y;
    const len = Math.hypot(dx, dy) || 1;
    points = [start, { x: (start.x + end.x) / 2 - (dy / len) * bend, y: (start.y + end.y) / 2 + (dx / len) * bend }, end];
  }
  const [a, c, b] = points;
  // Repeated transitions between the same two boxes stack their labels, one line each.
  const labelAt = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y + nth * LABEL_LINE_H };
  return { points: points.map(round), labelAt: round(labelAt), labelAngle: 0 };
}

/** A polyline out of a side of the source, along a lane of the common parent, into the same side of the target. */
function lane(
  from: StateBox,
  to: StateBox,
  laneX: number,
  side: 'left' | 'right',
  nth: number,
): Pick<ChartEdge, 'points' | 'labelAt' | 'labelAngle'> {
  const a = sidePoint(from, side);
  const b = sidePoint(to, side);
  const points = [a, { x: laneX, y: a.y }, { x: laneX, y: b.y }, b].map(round);
  // Neighbouring lanes are closer than a line of text is tall: stagger their labels along the lane.
  const along = LANE_LABEL_AT[nth % LANE_LABEL_AT.length] as number;
  return { points, labelAt: round({ x: laneX, y: a.y + (b.y - a.y) * along }), labelAngle: -90 };
}

function edgeLabel(event: string, guard: string | null): string {
  if (event === 'always') return guard === null ? '' : `[${guard}]`;
  return guard === null ? event : `${event} [${guard}]`;
}

/**
 * Lays a chart out to fit `widthPx` (at least MIN_WIDTH_PX): each compound state is a box
 * whose children are ranked in layers top to bottom along its transitions, parallel regions
 * sit side by side, and each transition is an arrow — a short curve to the next layer, or a
 * lane down the left (skipping layers) or up the right (going back). Deterministic and
 * DOM-free; the component memoises it per machine and width.
 */
export function layoutStatechart(chart: Statechart, widthPx: number): StatechartLayout {
  const root = place(chart.root, Math.max(MIN_WIDTH_PX, widthPx), false);
  const boxes: StateBox[] = [];
  const separators: Separator[] = [];
  const initials: InitialMark[] = [];
  const byId = new Map<string, StateBox>();
  /** For each transition routed through a lane: the lane's x and side. */
  const lanes = new Map<string, { x: number; side: 'left' | 'right'; nth: number }>();
  const emit = (node: Placed, x: number, y: number, depth: number) => {
    const box: StateBox = {
      id: node.state.id,
      x,
      y,
      w: node.w,
      h: node.h,
      depth,
      label: node.state.key,
      type: node.state.type,
      region: node.region,
    };
    boxes.push(box);
    byId.set(box.id, box);
    for (const s of node.separators) separators.push({ x1: x + s.x1, y1: y + s.y1, x2: x + s.x2, y2: y + s.y2 });
    node.ranking?.leftLanes.forEach((key, i) => {
      lanes.set(key, { x: x + PAD / 2 + 2 + LANE_W * i, side: 'left', nth: i });
    });
    node.ranking?.rightLanes.forEach((key, i) => {
      lanes.set(key, { x: x + node.w - PAD / 2 - 2 - LANE_W * i, side: 'right', nth: i });
    });
    for (const { node: child, dx, dy } of node.children) {
      emit(child, x + dx, y + dy, depth + 1);
      if (child.state.id === node.state.initial) {
        const mid = y + dy + (child.state.type === 'atomic' || child.state.type === 'final' ? child.h / 2 : HEADER_H / 2 + 2);
        initials.push({ of: child.state.id, dot: { x: x + dx - 12, y: mid }, tip: { x: x + dx - 1, y: mid } });
      }
    }
  };
  emit(root, 0, 0, 0);
  const index = chartIndex(chart);
  const edges: ChartEdge[] = [];
  const pairCount = new Map<string, number>();
  for (const box of boxes) {
    for (const t of index.get(box.id)?.state.transitions ?? []) {
      for (const to of t.targets) {
        const target = byId.get(to);
        if (target === undefined) continue;
        const key = edgeKey(box.id, t.event, t.guard, to);
        const pair = `${box.id}|${to}`;
        const nth = pairCount.get(pair) ?? 0;
        pairCount.set(pair, nth + 1);
        const routed = lanes.get(key);
        const course = routed === undefined ? curve(box, target, nth) : lane(box, target, routed.x, routed.side, routed.nth);
        edges.push({ key, from: box.id, to, event: t.event, guard: t.guard, label: edgeLabel(t.event, t.guard), ...course });
      }
    }
  }
  return { width: Math.ceil(root.w), height: Math.ceil(root.h), boxes, edges, separators, initials };
}
