import { drawAxis } from './drawAxis.ts';
import { drawClients } from './drawClients.ts';
import { drawClocks } from './drawClocks.ts';
import { drawGhost } from './drawGhost.ts';
import { drawKeys } from './drawKeys.ts';
import { drawLanes } from './drawLanes.ts';
import { drawMessages } from './drawMessages.ts';
import { drawPoints } from './drawPoints.ts';
import { drawSpans } from './drawSpans.ts';
import type { Frame } from './frame.ts';

/** One full redraw of the main plot, back to front; the future is veiled last (under the axis). */
export function drawTimeline(ctx: CanvasRenderingContext2D, f: Frame): void {
  drawLanes(ctx, f);
  drawSpans(ctx, f);
  drawKeys(ctx, f);
  drawClients(ctx, f);
  drawMessages(ctx, f);
  drawClocks(ctx, f);
  drawPoints(ctx, f);
  drawGhost(ctx, f);
  drawAxis(ctx, f);
}
