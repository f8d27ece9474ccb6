import { clampX, type Frame } from './frame.ts';
import { visibleRange } from './timeIndex.ts';
import type { AttemptBar, BeliefBar, WriteDot } from './timelineModel.ts';

function drawAttempts(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const [lo, hi] = visibleRange(model.attempts, f.fromMs, f.toMs);
  ctx.fillStyle = p.attempt;
  for (let i = lo; i < hi; i++) {
    const a = model.attempts.items[i] as AttemptBar;
    const box = g.boxes[a.row];
    if (box === undefined || a.toMs < f.fromMs) continue;
    const x0 = clampX(f.x(a.fromMs), g.widthPx);
    const x1 = clampX(f.x(a.toMs), g.widthPx);
    ctx.globalAlpha = a.outcome === 'failed' ? 0.5 : 1;
    ctx.fillRect(x0, box.y + box.height * 0.14, Math.max(1.5, x1 - x0), Math.max(2, box.height * 0.14));
  }
  ctx.globalAlpha = 1;
}

/** Belief bars; past the lease's end on the client's own clock the bar is hatched: it believes, but its lease has run out. */
function drawBeliefs(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, palette: p, model } = f;
  const w = g.widthPx;
  const [lo, hi] = visibleRange(model.beliefs, f.fromMs, f.toMs);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = lo; i < hi; i++) {
    const b = model.beliefs.items[i] as BeliefBar;
    const box = g.boxes[b.row];
    if (box === undefined) continue;
    const y = box.y + box.height * 0.36;
    const h = Math.max(4, box.height * 0.34);
    const x0 = clampX(f.x(b.startMs), w);
    // A client paused through its lease's expiry still acts as the holder when it wakes: draw on to then.
    const x1 = clampX(f.x(Math.max(b.endMs, b.actsUntilMs)), w);
    const xl = clampX(f.x(b.leaseEndMs), w);
    ctx.fillStyle = p.belief;
    ctx.fillRect(x0, y, Math.max(1.5, Math.min(x1, xl) - x0), h);
    if (xl < x1) {
      ctx.globalAlpha = 0.35;
      ctx.fillRect(xl, y, x1 - xl, h);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = p.writeStale;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect(xl, y + 0.5, x1 - xl, h - 1);
      ctx.setLineDash([]);
      if (x1 - xl > 110 && h >= 9) {
        ctx.fillStyle = p.writeStale;
        ctx.fillText('lease expired, still acting', xl + 3, y + h / 2, x1 - xl - 6);
      }
    } else if (Number.isFinite(b.leaseEndMs) && b.endReason !== 'released') {
      // A belief that ended without a release (crash, loss, end of run): where its lease would have run out.
      ctx.strokeStyle = p.belief;
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(x1, y + h / 2);
      ctx.lineTo(xl, y + h / 2);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(xl, y);
      ctx.lineTo(xl, y + h);
      ctx.stroke();
    }
    if (x1 - x0 > 70 && h >= 9) {
      ctx.fillStyle = p.bg;
      ctx.fillText(`holds, epoch ${b.epoch}`, Math.max(x0, 0) + 3, y + h / 2, Math.max(0, Math.min(x1, w) - Math.max(x0, 0) - 6));
    }
  }
}

function writeGlyph(ctx: CanvasRenderingContext2D, f: Frame, wr: WriteDot, x: number, y: number): void {
  const p = f.palette;
  if (wr.outcome === 'accepted') {
    ctx.fillStyle = p.writeOk;
    ctx.beginPath();
    ctx.arc(x, y, 3, 0, Math.PI * 2);
    ctx.fill();
  } else if (wr.outcome === 'stale') {
    ctx.fillStyle = p.writeStale;
    ctx.beginPath();
    ctx.moveTo(x, y - 5);
    ctx.lineTo(x + 5, y + 4);
    ctx.lineTo(x - 5, y + 4);
    ctx.closePath();
    ctx.fill();
  } else {
    ctx.strokeStyle = p.writeRejected;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - 4, y - 4);
    ctx.lineTo(x + 4, y + 4);
    ctx.moveTo(x - 4, y + 4);
    ctx.lineTo(x + 4, y - 4);
    ctx.stroke();
  }
}

/** Writes to the protected resource: on the writer's lane and on the storage lane. */
function drawWrites(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { geometry: g, model } = f;
  const [lo, hi] = visibleRange(model.writes, f.fromMs, f.toMs);
  for (let i = lo; i < hi; i++) {
    const wr = model.writes.items[i] as WriteDot;
    const x = f.x(wr.t);
    const box = g.boxes[wr.row];
    if (box !== undefined) writeGlyph(ctx, f, wr, x, box.y + box.height * 0.84);
    const storage = g.boxes[wr.storageRow];
    if (storage !== undefined) writeGlyph(ctx, f, wr, x, storage.y + storage.height / 2);
  }
}

/** The client lanes: attempts (thin, top), beliefs (thick, middle), writes (glyphs, bottom). */
export function drawClients(ctx: CanvasRenderingContext2D, f: Frame): void {
  ctx.save();
  drawAttempts(ctx, f);
  drawBeliefs(ctx, f);
  drawWrites(ctx, f);
  ctx.restore();
}
