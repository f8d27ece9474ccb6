/** Where a card sits on screen (its bounding box's top-left corner, in px). */
export interface CardSpot {
  leftPx: number;
  topPx: number;
}

/** Cards whose tops differ by less than this are on the same row (sub-pixel layout, borders). */
const SAME_ROW_PX = 4;

/**
 * Which card an arrow key moves to in the gallery's grid of cards (in reading order):
 * left/right to the previous/next card, up/down to the nearest card of the row above/below
 * (the next group's first row included), Home/End to the first/last. Null: nowhere to go,
 * or not a navigation key. Pure, so the geometry is testable without a browser.
 */
export function neighbourCard(spots: readonly CardSpot[], from: number, key: string): number | null {
  const here = spots[from];
  if (here === undefined || spots.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return from + 1 < spots.length ? from + 1 : null;
    case 'ArrowLeft':
      return from > 0 ? from - 1 : null;
    case 'Home':
      return 0;
    case 'End':
      return spots.length - 1;
    case 'ArrowDown':
      return nearestInRow(spots, here, (top) => top > here.topPx + SAME_ROW_PX, Math.min);
    case 'ArrowUp':
      return nearestInRow(spots, here, (top) => top < here.topPx - SAME_ROW_PX, Math.max);
    default:
      return null;
  }
}

/** The card closest to `here` horizontally in the nearest row on one side. */
function nearestInRow(
  spots: readonly CardSpot[],
  here: CardSpot,
  onSide: (topPx: number) => boolean,
  nearest: (...tops: number[]) => number,
): number | null {
  const candidates = spots.map((s, i) => ({ s, i })).filter(({ s }) => onSide(s.topPx));
  if (candidates.length === 0) return null;
  const rowTopPx = nearest(...candidates.map(({ s }) => s.topPx));
  let best: number | null = null;
  let bestDistancePx = Number.POSITIVE_INFINITY;
  for (const { s, i } of candidates) {
    if (Math.abs(s.topPx - rowTopPx) >= SAME_ROW_PX) continue;
    const distancePx = Math.abs(s.leftPx - here.leftPx);
    if (distancePx < bestDistancePx) {
      best = i;
      bestDistancePx = distancePx;
    }
  }
  return best;
}
