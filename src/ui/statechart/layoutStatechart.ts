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
   * What is written on the arrow: the label, or its start and "…" where the room is too narrow
   * for all of it (the drawing keeps the whole label in a tooltip).
   */
  text: string;
  /**
   * The arrow's course: three points are a smooth curve from the first to the last through
   * the middle one (between neighbouring layers, the middle of its label); four are a polyline
   * through a side lane of the common parent (a transition back up, or one that skips layers,
   * goes around the boxes in between).
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

/** A rectangle in drawing coordinates. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Box text is 11px monospace, whose advance is 0.6em: widths are known without a DOM. */
export const CHAR_WIDTH_PX = 6.6;
/** Edge labels are 9.5px monospace (the drawing writes them at this size): 5.7 px a character. */
export const LABEL_FONT_PX = 9.5;
const LABEL_CHAR_PX = LABEL_FONT_PX * 0.6;
/** A label's halo (a 3px stroke in the card colour, so that lines under it do not strike it out). */
const LABEL_HALO_PX = 1.5;
/** A label's height, halo included. */
export const LABEL_HEIGHT_PX = 12;
/** Room around the root box, so that its border (wider when lit) and the arrows along it are not clipped. */
export const MARGIN_PX = 3;
const ATOMIC_H = 24;
const ATOMIC_MIN_W = 44;
const TEXT_PAD = 7;
const HEADER_H = 18;
/** Room left of the initial child for its dot-arrow. */
const INITIAL_W = 14;
const PAD = 7;
const GAP_X = 10;
/** Between layers: room for an arrow and one line of labels. */
const GAP_Y = 26;
/** Labels in a gap between layers: one line of them every LINE_PITCH, GAP_EDGE clear of the boxes above and below. */
const LINE_PITCH = 13;
const GAP_EDGE = (GAP_Y - LINE_PITCH) / 2;
/** Between two labels on one line. */
const LABEL_SEP = 4;
const REGION_GAP = 10;
/** Width of one side lane (a transition routed around the boxes), and of one whose label is written up along it. */
const LANE_W = 6;
const LANE_LABEL_W = LABEL_HEIGHT_PX + 2;
/** The lanes start this far inside their compound's border. */
const LANE_INSET = 2;
const EDGE_BEND = 10;
const EDGE_BEND_STEP = 14;
const LABEL_LINE_H = 11;
/** Below this a chart cannot be laid out legibly; the drawing scrolls instead. */
export const MIN_WIDTH_PX = 240;

/** The key of a transition's edge to one target. */
export function edgeKey(from: string, event: string, guard: string | null, to: string): string {
  return `${from}|${event}|${guard ?? ''}|${to}`;
}

/** How wide a label is drawn: its characters in 9.5px monospace, and its halo. */
export function labelWidth(text: string): number {
  return text.length * LABEL_CHAR_PX + 2 * LABEL_HALO_PX;
}

/** The rectangle an edge's label covers (a lane's label is written up, so it is tall and narrow). */
export function labelRect(edge: Pick<ChartEdge, 'text' | 'labelAt' | 'labelAngle'>): Rect {
  const along = labelWidth(edge.text);
  const w = edge.labelAngle === 0 ? along : LABEL_HEIGHT_PX;
  const h = edge.labelAngle === 0 ? LABEL_HEIGHT_PX : along;
  return { x: edge.labelAt.x - w / 2, y: edge.labelAt.y - h / 2, w, h };
}

/** The label, or as much of it as fits in `roomPx` followed by "…". */
function fitText(text: string, roomPx: number): string {
  if (labelWidth(text) <= roomPx) return text;
  const chars = Math.floor((roomPx - 2 * LABEL_HALO_PX) / LABEL_CHAR_PX);
  return chars <= 1 ? '…' : `${text.slice(0, chars - 1).trimEnd()}…`;
}

function edgeLabel(event: string, guard: string | null): string {
  if (event === 'always') return guard === null ? '' : `[${guard}]`;
  return guard === null ? event : `${event} [${guard}]`;
}

/** A transition between two different children of a compound: `from` and `to` are the children, `source` and `target` the states. */
interface Link {
  key: string;
  from: string;
  to: string;
  source: string;
  target: string;
  label: string;
}

/** How a compound's children are ranked: layer per child, and lanes for the transitions that go around. */
interface Ranking {
  layerOf: Map<string, number>;
  /** Transitions that skip a layer: routed down the left lanes, outermost (longest) first. */
  leftLanes: Link[];
  /** Transitions going back up: routed up the right lanes, outermost (longest) first. */
  rightLanes: Link[];
}

/** A side lane of a compound; x relative to the compound's left side. */
interface LaneSlot {
  key: string;
  side: 'left' | 'right';
  x: number;
}

/** A label in a gap between two rows of a compound's children; its middle relative to the compound's corner. */
interface GapLabel {
  key: string;
  text: string;
  x: number;
  y: number;
}

/** A laid-out subtree, positions relative to its own top-left corner. */
interface Placed {
  state: ChartState;
  w: number;
  h: number;
  region: boolean;
  children: { node: Placed; dx: number; dy: number }[];
  separators: Separator[];
  lanes: LaneSlot[];
  labels: GapLabel[];
}

function textWidth(text: string): number {
  return text.length * CHAR_WIDTH_PX + 2 * TEXT_PAD;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function descendants(state: ChartState): ChartState[] {
  return [state, ...state.states.flatMap(descendants)];
}

/** Each transition between two different children of `state` (from anywhere inside them), in chart order. */
function childLinks(state: ChartState): Link[] {
  const childOf = new Map<string, string>();
  for (const child of state.states) for (const d of descendants(child)) childOf.set(d.id, child.id);
  const links: Link[] = [];
  for (const child of state.states) {
    for (const d of descendants(child)) {
      for (const t of d.transitions) {
        for (const target of t.targets) {
          const to = childOf.get(target);
          if (to === undefined || to === child.id) continue;
          links.push({
            key: edgeKey(d.id, t.event, t.guard, target),
            from: child.id,
            to,
            source: d.id,
            target,
            label: edgeLabel(t.event, t.guard),
          });
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
function rank(state: ChartState, links: Link[]): Ranking {
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
  // A longer lane outside a shorter one: the short one's stubs then cross no other lane.
  const span = (l: Link) => Math.abs(layer(l.to) - layer(l.from));
  const outermostFirst = (a: Link, b: Link) => span(b) - span(a);
  return {
    layerOf,
    leftLanes: forward.filter((l) => layer(l.to) > layer(l.from) + 1).sort(outermostFirst),
    rightLanes: links.filter((l) => layer(l.to) < layer(l.from)).sort(outermostFirst),
  };
}

/** Children ids in rows, layer by layer top to bottom; a layer wider than `innerW` wraps into several rows. */
function rowsOf(state: ChartState, ranking: Ranking, links: Link[], footprint: (id: string) => number, innerW: number): string[][] {
  const layerCount = Math.max(0, ...ranking.layerOf.values()) + 1;
  const rows: string[][] = [];
  const order = new Map<string, number>();
  for (let layer = 0; layer < layerCount; layer++) {
    const inLayer = state.states.filter((s) => ranking.layerOf.get(s.id) === layer);
    // Under the states they come from, roughly: sort by the mean position of their predecessors.
    const weight = (id: string) => {
      const from = links.filter((l) => l.to === id && order.has(l.from)).map((l) => order.get(l.from) as number);
      return from.length === 0 ? Number.POSITIVE_INFINITY : sum(from) / from.length;
    };
    const sorted = inLayer.map((s, i) => ({ s, i, w: weight(s.id) })).sort((a, b) => (a.w === b.w ? a.i - b.i : a.w < b.w ? -1 : 1));
    let row: string[] = [];
    let rowW = 0;
    for (const { s } of sorted) {
      const w = footprint(s.id);
      if (row.length > 0 && rowW + GAP_X + w > innerW) {
        rows.push(row);
        row = [];
        rowW = 0;
      }
      rowW += (row.length > 0 ? GAP_X : 0) + w;
      row.push(s.id);
    }
    if (row.length > 0) rows.push(row);
    sorted.forEach(({ s }, i) => {
      order.set(s.id, i);
    });
  }
  return rows;
}

/** Where a state lies inside a laid-out subtree whose corner is at (x, y). */
function locate(node: Placed, id: string, x: number, y: number): Rect | null {
  if (node.state.id === id) return { x, y, w: node.w, h: node.h };
  for (const c of node.children) {
    const found = locate(c.node, id, x + c.dx, y + c.dy);
    if (found !== null) return found;
  }
  return null;
}

interface Want {
  key: string;
  text: string;
  /** Where the label would sit on its arrow. */
  desired: number;
}

/** How wide one line of labels must be to hold them all side by side. */
function lineWidth(texts: string[]): number {
  return texts.length === 0 ? 0 : sum(texts.map(labelWidth)) + LABEL_SEP * (texts.length - 1);
}

/**
 * The labels of one gap between rows, in lines between `lo` and `hi`: left to right as their
 * arrows come, as many on a line as fit (a label too long for the room is cut), and on each
 * line as near their arrows as they can be without touching — labels that would touch move
 * together, centred on where their arrows would have them.
 */
function pack(wants: Want[], lo: number, hi: number): { items: (Want & { x: number; line: number })[]; lines: number } {
  const sorted = wants
    .map((want, i) => ({ want: { ...want, text: fitText(want.text, hi - lo) }, i }))
    .sort((a, b) => a.want.desired - b.want.desired || a.i - b.i)
    .map(({ want }) => want);
  const lines: Want[][] = [];
  for (const want of sorted) {
    const last = lines[lines.length - 1];
    if (last !== undefined && lineWidth([...last, want].map((w) => w.text)) <= hi - lo) last.push(want);
    else lines.push([want]);
  }
  const items: (Want & { x: number; line: number })[] = [];
  lines.forEach((line, n) => {
    // Clusters of labels set side by side; each sits where its labels' arrows want it on average.
    const clusters: { wants: Want[]; left: number; width: number }[] = [];
    const settle = (c: { wants: Want[]; left: number; width: number }) => {
      let offset = 0;
      let total = 0;
      for (const w of c.wants) {
        total += w.desired - offset - labelWidth(w.text) / 2;
        offset += labelWidth(w.text) + LABEL_SEP;
      }
      c.left = Math.min(Math.max(total / c.wants.length, lo), hi - c.width);
    };
    for (const want of line) {
      let c = { wants: [want], left: 0, width: labelWidth(want.text) };
      settle(c);
      for (let prev = clusters[clusters.length - 1]; prev !== undefined && prev.left + prev.width + LABEL_SEP > c.left; ) {
        clusters.pop();
        c = { wants: [...prev.wants, ...c.wants], left: 0, width: prev.width + LABEL_SEP + c.width };
        settle(c);
        prev = clusters[clusters.length - 1];
      }
      clusters.push(c);
    }
    for (const c of clusters) {
      let x = c.left;
      for (const w of c.wants) {
        items.push({ ...w, x: x + labelWidth(w.text) / 2, line: n });
        x += labelWidth(w.text) + LABEL_SEP;
      }
    }
  });
  return { items, lines: lines.length };
}

function isLeaf(type: ChartState['type']): boolean {
  return type === 'atomic' || type === 'final';
}

/**
 * How a subtree is laid out in the room it is given: `tight`, as narrow as its states and its
 * longest label let it be; otherwise as wide as it would like, within the room, for the labels
 * of each gap side by side; with `fill`, as wide as the room.
 */
interface Fit {
  tight: boolean;
  fill: boolean;
}
const TIGHT: Fit = { tight: true, fill: false };
const ROOMY: Fit = { tight: false, fill: false };

/**
 * Children in layers top to bottom, each layer in rows (wrapped where a row of tight children
 * would be wider than the room). The labels of the arrows between two rows get lines of their
 * own in the gap between them, clear of every box. Room left over in a row goes first to the
 * compound children in it that would like to be wider, then between the states: shared out
 * evenly when filling, else on both sides.
 */
function layered(state: ChartState, maxW: number, region: boolean, fit: Fit): Placed {
  const links = childLinks(state);
  const ranking = rank(state, links);
  const slotW = (l: Link) => (l.label === '' ? LANE_W : LANE_LABEL_W);
  const leftW = PAD + sum(ranking.leftLanes.map(slotW));
  const rightW = PAD + sum(ranking.rightLanes.map(slotW));
  const innerW = Math.max(ATOMIC_MIN_W, maxW - leftW - rightW);
  const nodes = new Map(state.states.map((s) => [s.id, place(s, innerW, false, TIGHT)]));
  const nodeOf = (id: string) => nodes.get(id) as Placed;
  const roomy = new Map(fit.tight ? [] : state.states.filter((s) => !isLeaf(s.type)).map((s) => [s.id, place(s, innerW, false, ROOMY)]));
  // The initial child takes its dot-arrow along: room for it on the left, clear of its neighbours.
  const initialW = (id: string) => (id === state.initial ? INITIAL_W : 0);
  const footprint = (id: string) => nodeOf(id).w + initialW(id);
  const rows = rowsOf(state, ranking, links, footprint, innerW);
  const rowWidth = (row: string[], width = footprint) => sum(row.map(width)) + GAP_X * (row.length - 1);
  const rowOf = new Map(rows.flatMap((row, r) => row.map((id) => [id, r] as const)));

  // Each arrow between rows (not around them, along a lane) is labelled in the gap below its source's row.
  const laneKeys = new Set([...ranking.leftLanes, ...ranking.rightLanes].map((l) => l.key));
  const gapLinks: Link[][] = rows.map(() => []);
  for (const l of links) {
    const ra = rowOf.get(l.from);
    const rb = rowOf.get(l.to);
    if (l.label === '' || laneKeys.has(l.key) || ra === undefined || rb === undefined || ra === rb) continue;
    gapLinks[Math.min(ra, rb)]?.push(l);
  }
  const liked = fit.tight
    ? gapLinks.flat().map((l) => labelWidth(l.label))
    : [
        ...gapLinks.map((ls) => lineWidth(ls.map((l) => l.label))),
        ...rows.map((row) => rowWidth(row, (id) => (roomy.get(id) ?? nodeOf(id)).w + initialW(id))),
      ];
  const contentW = Math.max(
    fit.fill ? innerW : 0,
    textWidth(state.key) - leftW - rightW,
    ...rows.map((row) => rowWidth(row)),
    Math.min(innerW, Math.max(0, ...liked)),
  );
  const w = leftW + contentW + rightW;

  const children: Placed['children'] = [];
  const at = new Map<string, Placed['children'][number]>();
  for (const row of rows) {
    const room = contentW - rowWidth(row);
    const growing = row.filter((id) => (roomy.get(id)?.w ?? 0) > nodeOf(id).w);
    const wanted = sum(growing.map((id) => (roomy.get(id) as Placed).w - nodeOf(id).w));
    if (room > 0 && wanted > 0) {
      for (const id of growing) {
        const grown = roomy.get(id) as Placed;
        const tight = nodeOf(id);
        nodes.set(id, wanted <= room ? grown : place(tight.state, tight.w + (room * (grown.w - tight.w)) / wanted, false, ROOMY));
      }
    }
    const extra = Math.max(0, contentW - rowWidth(row));
    const lead = fit.fill ? extra / (row.length + 1) : extra / 2;
    let x = leftW + lead;
    for (const id of row) {
      x += initialW(id);
      const child = { node: nodeOf(id), dx: x, dy: 0 };
      children.push(child);
      at.set(id, child);
      x += child.node.w + GAP_X + (fit.fill ? lead : 0);
    }
  }
  const centreX = (child: string, id: string) => {
    const c = at.get(child);
    const found = c === undefined ? null : locate(c.node, id, c.dx, 0);
    return found === null ? 0 : found.x + found.w / 2;
  };

  const labels: GapLabel[] = [];
  let y = HEADER_H;
  rows.forEach((row, r) => {
    for (const id of row) (at.get(id) as Placed['children'][number]).dy = y;
    y += Math.max(...row.map((id) => nodeOf(id).h));
    if (r === rows.length - 1) return;
    const wants = (gapLinks[r] ?? []).map((l) => ({
      key: l.key,
      text: l.label,
      desired: (centreX(l.from, l.source) + centreX(l.to, l.target)) / 2,
    }));
    const { items, lines } = pack(wants, leftW, leftW + contentW);
    for (const item of items) labels.push({ key: item.key, text: item.text, x: item.x, y: y + GAP_EDGE + LINE_PITCH * (item.line + 0.5) });
    y += lines === 0 ? GAP_Y : 2 * GAP_EDGE + lines * LINE_PITCH;
  });
  const h = y + PAD;

  const lanes: LaneSlot[] = [];
  let left = LANE_INSET;
  for (const l of ranking.leftLanes) {
    lanes.push({ key: l.key, side: 'left', x: left + slotW(l) / 2 });
    left += slotW(l);
  }
  let right = w - LANE_INSET;
  for (const l of ranking.rightLanes) {
    lanes.push({ key: l.key, side: 'right', x: right - slotW(l) / 2 });
    right -= slotW(l);
  }
  return { state, w, h, region, children, separators: [], lanes, labels };
}

/**
 * Regions side by side, all as tall as the tallest. Each gets the width it would like, or,
 * when they do not all fit (or are to fill `maxW`), a share of the room in proportion to it.
 */
function regions(state: ChartState, maxW: number, fit: Fit): Placed {
  const room = maxW - 2 * PAD - REGION_GAP * (state.states.length - 1);
  const wanted = state.states.map((s) => place(s, room, true, { tight: fit.tight, fill: false }));
  const least = state.states.map((s) => place(s, 0, true, TIGHT).w);
  const total = sum(wanted.map((node) => node.w));
  const spare = room - sum(least);
  // Each region at least as wide as its widest row of states; what is left over goes where it was wanted.
  const share = (i: number) => {
    const want = (wanted[i] as Placed).w;
    const min = least[i] as number;
    if (spare <= 0) return min;
    return total <= room ? (room * want) / total : min + (spare * (want - min)) / (total - sum(least));
  };
  const nodes =
    total <= room && !fit.fill
      ? wanted
      : state.states.map((s, i) => place(s, share(i), true, { tight: fit.tight, fill: fit.fill && total <= room }));
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
  return { state, w, h: HEADER_H + h + PAD, region: false, children, separators, lanes: [], labels: [] };
}

function place(state: ChartState, maxW: number, region: boolean, fit: Fit): Placed {
  if (state.type === 'parallel') return regions(state, maxW, fit);
  if (state.type === 'compound') return layered(state, maxW, region, fit);
  const w = Math.max(ATOMIC_MIN_W, textWidth(state.key));
  return { state, w, h: ATOMIC_H, region, children: [], separators: [], lanes: [], labels: [] };
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
  const y = isLeaf(b.type) ? b.y + b.h / 2 : b.y + HEADER_H / 2 + 2;
  return { x: side === 'left' ? b.x : b.x + b.w, y };
}

type Course = Pick<ChartEdge, 'points' | 'labelAt' | 'labelAngle'>;

/** A curve from box to box through the middle of its label. */
function through(from: StateBox, to: StateBox, label: Point): Course {
  const points = [borderPoint(from, label), label, borderPoint(to, label)];
  return { points: points.map(round), labelAt: round(label), labelAngle: 0 };
}

/**
 * A curve between two boxes, bent to one side so that A→B and B→A (and repeats) stay apart:
 * for the arrows that have no place kept for their label (none of the machines' labelled ones).
 */
function curve(from: StateBox, to: StateBox, nth: number): Course {
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
  // Bent by the control point c: halfway along, the curve passes through m.
  const [a, c, b] = points;
  const m = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y };
  return { points: [a, m, b].map(round), labelAt: round({ x: m.x, y: m.y + nth * LABEL_LINE_H }), labelAngle: 0 };
}

/**
 * A polyline out of a side of the source, along a lane of the common parent, into the same
 * side of the target. The label is written up along the lane, in the lane's own slot, as near
 * the middle of the lane as the parent's heading and bottom allow (cut if the parent is too short).
 */
function lane(
  from: StateBox,
  to: StateBox,
  laneX: number,
  side: 'left' | 'right',
  owner: StateBox,
  label: string,
): Course & { text: string } {
  const a = sidePoint(from, side);
  const b = sidePoint(to, side);
  const points = [a, { x: laneX, y: a.y }, { x: laneX, y: b.y }, b].map(round);
  const top = owner.y + HEADER_H + 1;
  const bottom = owner.y + owner.h - 2;
  const text = fitText(label, bottom - top);
  const half = labelWidth(text) / 2;
  const y = Math.min(Math.max((a.y + b.y) / 2, top + half), bottom - half);
  return { points, labelAt: round({ x: laneX, y }), labelAngle: -90, text };
}

/**
 * Lays a chart out to fill `widthPx` (at least MIN_WIDTH_PX), margin included: each compound
 * state is a box whose children are ranked in layers top to bottom along its transitions,
 * parallel regions sit side by side, and each transition is an arrow — a curve to the next
 * layer, its label on a line of its own in the gap between the layers, or a lane down the left
 * (skipping layers) or up the right (going back), its label written up along the lane. No label
 * covers a state or another label. Deterministic and DOM-free; the component memoises it per
 * machine and width.
 */
export function layoutStatechart(chart: Statechart, widthPx: number): StatechartLayout {
  const root = place(chart.root, Math.max(MIN_WIDTH_PX, widthPx) - 2 * MARGIN_PX, false, { tight: false, fill: true });
  const boxes: StateBox[] = [];
  const separators: Separator[] = [];
  const initials: InitialMark[] = [];
  const byId = new Map<string, StateBox>();
  /** For each transition routed through a lane: the lane's x, side and compound. */
  const lanes = new Map<string, { x: number; side: 'left' | 'right'; owner: StateBox }>();
  /** For each transition labelled in a gap between rows: where, and what. */
  const gapLabels = new Map<string, { at: Point; text: string }>();
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
    for (const l of node.lanes) lanes.set(l.key, { x: x + l.x, side: l.side, owner: box });
    for (const l of node.labels) gapLabels.set(l.key, { at: { x: x + l.x, y: y + l.y }, text: l.text });
    for (const { node: child, dx, dy } of node.children) {
      emit(child, x + dx, y + dy, depth + 1);
      if (child.state.id === node.state.initial) {
        const mid = y + dy + (isLeaf(child.state.type) ? child.h / 2 : HEADER_H / 2 + 2);
        initials.push({ of: child.state.id, dot: { x: x + dx - 12, y: mid }, tip: { x: x + dx - 1, y: mid } });
      }
    }
  };
  emit(root, MARGIN_PX, MARGIN_PX, 0);
  const index = chartIndex(chart);
  const edges: ChartEdge[] = [];
  const pairCount = new Map<string, number>();
  for (const box of boxes) {
    for (const t of index.get(box.id)?.state.transitions ?? []) {
      for (const to of t.targets) {
        const target = byId.get(to);
        if (target === undefined) continue;
        const key = edgeKey(box.id, t.event, t.guard, to);
        const label = edgeLabel(t.event, t.guard);
        const pair = `${box.id}|${to}`;
        const nth = pairCount.get(pair) ?? 0;
        pairCount.set(pair, nth + 1);
        const gap = gapLabels.get(key);
        const routed = lanes.get(key);
        const course =
          gap !== undefined
            ? { ...through(box, target, gap.at), text: gap.text }
            : routed !== undefined
              ? lane(box, target, routed.x, routed.side, routed.owner, label)
              : { ...curve(box, target, nth), text: label };
        edges.push({ key, from: box.id, to, event: t.event, guard: t.guard, label, ...course });
      }
    }
  }
  const size = (px: number) => Math.ceil(px + 2 * MARGIN_PX);
  return { width: size(root.w), height: size(root.h), boxes, edges, separators, initials };
}
