import type { Frame } from './frame.ts';

/** How strongly the future (right of the cursor) is faded: play "reveals" the run. */
const GHOST_ALPHA = 0.62;

/** Fades everything after the cursor with a veil of the background colour. */
export function drawGhost(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p } = f;
  if (f.cursorMs >= f.toMs) return;
  const x = Math.max(0, f.x(f.cursorMs));
  ctx.save();
  ctx.globalAlpha = GHOST_ALPHA;
  ctx.fillStyle = p.bg;
  ctx.fillRect(x, 0, g.widthPx - x, g.lanesBottom);
  ctx.restore();
}
