import type { StatechartLayout } from './layoutStatechart.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Viewport {
  scrollLeft: number;
  scrollTop: number;
  clientWidth: number;
  clientHeight: number;
}

/** Breathing room kept around the focused states when scrolling to them. */
const MARGIN_PX = 16;

function union(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * What the panel should keep in view: the active leaf states, plus the state the last
 * transition came from when both fit in `viewHeight`.
 */
export function focusRect(
  layout: StatechartLayout,
  active: ReadonlySet<string>,
  takenFrom: readonly string[],
  viewHeight: number,
): Rect | null {
  const leaves = layout.boxes.filter((b) => active.has(b.id) && (b.type === 'atomic' || b.type === 'final'));
  const now = union(leaves);
  if (now === null) return null;
  const withSource = union([now, ...layout.boxes.filter((b) => takenFrom.includes(b.id))]);
  return withSource !== null && withSource.h + 2 * MARGIN_PX <= viewHeight ? withSource : now;
}

/** Where to scroll so that `rect` is visible (centred on the axis it was off), or null if it already is. */
export function scrollTarget(rect: Rect, view: Viewport): { left: number; top: number } | null {
  const axis = (start: number, size: number, scroll: number, client: number): number => {
    if (start - MARGIN_PX >= scroll && start + size + MARGIN_PX <= scroll + client) return scroll;
    return Math.max(0, Math.round(start + size / 2 - client / 2));
  };
  const top = axis(rect.y, rect.h, view.scrollTop, view.clientHeight);
  const left = axis(rect.x, rect.w, view.scrollLeft, view.clientWidth);
  return top === view.scrollTop && left === view.scrollLeft ? null : { left, top };
}
