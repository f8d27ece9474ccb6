import { drawOverview } from './drawOverview.ts';
import { drawTimeline } from './drawTimeline.ts';
import { timeScale } from './frame.ts';
import { type Palette, readPalette } from './palette.ts';
import type { PlotGeometry } from './plotGeometry.ts';
import type { TimelineModel } from './timelineModel.ts';
import type { Domain } from './viewDomain.ts';

export interface PaintInput {
  model: TimelineModel;
  geometry: PlotGeometry;
  domain: Domain;
  cursorMs: number;
  selected: string | null;
  theme: 'light' | 'dark';
  overviewWidthPx: number;
  overviewHeightPx: number;
}

/** Sizes a canvas's backing store to its CSS size × devicePixelRatio; true if it changed. */
function fitCanvas(canvas: HTMLCanvasElement, widthPx: number, heightPx: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(widthPx * dpr));
  const h = Math.max(1, Math.round(heightPx * dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  canvas.style.width = `${widthPx}px`;
  canvas.style.height = `${heightPx}px`;
  return true;
}

/**
 * Draws the plot and the overview on their canvases, at most once per animation frame and
 * only after something changed (the view, the cursor, the size, the theme, the run). Lives
 * outside React so a zoom gesture redraws without waiting for a render.
 */
export class PlotPainter {
  private input: PaintInput | null = null;
  private frameId = 0;
  private plotDirty = false;
  private overviewDirty = false;
  private palette: Palette | null = null;
  /** Redraws of the plot so far and the time they took (the frame-rate script reads them off the canvas). */
  private paints = 0;
  private paintMs = 0;
  private paletteTheme: string | null = null;

  constructor(
    private readonly plot: HTMLCanvasElement,
    private readonly overview: HTMLCanvasElement,
  ) {}

  /** New inputs; redraws what they affect on the next frame. */
  update(next: PaintInput): void {
    const prev = this.input;
    this.input = next;
    this.plotDirty = true;
    if (
      prev === null ||
      prev.model !== next.model ||
      prev.theme !== next.theme ||
      prev.overviewWidthPx !== next.overviewWidthPx ||
      prev.overviewHeightPx !== next.overviewHeightPx
    ) {
      this.overviewDirty = true;
    }
    if (this.frameId === 0) this.frameId = requestAnimationFrame(() => this.paint());
  }

  dispose(): void {
    if (this.frameId !== 0) cancelAnimationFrame(this.frameId);
    this.frameId = 0;
  }

  private paint(): void {
    this.frameId = 0;
    const input = this.input;
    if (input === null) return;
    // Read the colours inside the frame: the theme attribute is set before React renders, so by now it is current.
    if (this.palette === null || this.paletteTheme !== input.theme) {
      this.palette = readPalette(this.plot, input.theme);
      this.paletteTheme = input.theme;
    }
    const dpr = window.devicePixelRatio || 1;
    if (this.plotDirty) {
      this.plotDirty = false;
      const { geometry } = input;
      fitCanvas(this.plot, geometry.widthPx, geometry.heightPx, dpr);
      const ctx = this.plot.getContext('2d');
      if (ctx !== null) {
        const started = performance.now();
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        const [fromMs, toMs] = input.domain;
        drawTimeline(ctx, {
          model: input.model,
          geometry,
          palette: this.palette,
          fromMs,
          toMs,
          x: timeScale(fromMs, toMs, geometry.widthPx),
          cursorMs: input.cursorMs,
          selected: input.selected,
        });
        this.paints++;
        this.paintMs += performance.now() - started;
        this.plot.dataset.paints = String(this.paints);
        this.plot.dataset.paintMs = this.paintMs.toFixed(1);
      }
    }
    if (this.overviewDirty) {
      this.overviewDirty = false;
      fitCanvas(this.overview, input.overviewWidthPx, input.overviewHeightPx, dpr);
      const ctx = this.overview.getContext('2d');
      if (ctx !== null) {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawOverview(ctx, input.model, input.overviewWidthPx, input.overviewHeightPx, this.palette);
      }
    }
  }
}
