import type { Frame } from './frame.ts';
import { laneY } from './laneLayout.ts';
import { wallAt } from './localClockMarks.ts';
import type { ClockTrace } from './timelineModel.ts';

/**
 * Each deviating process clock as a line in its lane: local time minus true time, scaled so
 * the largest deviation of any clock fills ±38% of a lane; a dotted line at the lane's centre
 * is true time. A jump is a vertical step; a drift a slope. The value at the right edge is labelled.
 */
export function drawClocks(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  if (model.clocks.length === 0 || model.clockRangeMs <= 0) return;
  ctx.save();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const clock of model.clocks) drawClock(ctx, f, clock);
  ctx.restore();

  function drawClock(c: CanvasRenderingContext2D, fr: Frame, clock: ClockTrace): void {
    const box = g.boxes[clock.row];
    if (box === undefined) return;
    const centre = laneY(box);
    const scale = (box.height * 0.38) / model.clockRangeMs;
    c.strokeStyle = p.muted;
    c.lineWidth = 1;
    c.setLineDash([1, 3]);
    c.beginPath();
    c.moveTo(0, centre);
    c.lineTo(g.widthPx, centre);
    c.stroke();
    c.setLineDash([]);
    c.strokeStyle = p.fault;
    c.lineWidth = 1.5;
    c.beginPath();
    clock.points.forEach((pt, i) => {
      const x = fr.x(pt.t);
      const y = centre - pt.offsetMs * scale;
      if (i === 0) c.moveTo(x, y);
      else c.lineTo(x, y);
    });
    c.stroke();
    const rightMs = Math.min(fr.toMs, model.endMs);
    const atRight = wallAt(clock, rightMs) - rightMs;
    const text = `clock ${atRight >= 0 ? '+' : ''}${Math.round(atRight)} ms`;
    const w = c.measureText(text).width;
    const xr = Math.min(fr.x(rightMs), g.widthPx) - w - 4;
    c.fillStyle = p.fault;
    c.fillText(text, Math.max(4, xr), centre - atRight * scale + (atRight >= 0 ? -7 : 7));
  }
}
