/**
 * A stand-in for CanvasRenderingContext2D (and Path2D) in Node tests: it records the shapes
 * drawn, with the fill or stroke style in force, so a test can check what a user would see —
 * which bars, where, in which colour.
 */
export interface DrawnRect {
  x: number;
  y: number;
  width: number;
  height: number;
  style: string;
  alpha: number;
}

export interface DrawnPath {
  style: string;
  op: 'fill' | 'stroke';
  /** Number of moveTo calls: one per separate line or shape. */
  moves: number;
  rects: number;
}

export class RecordingPath {
  moves = 0;
  rects = 0;
  moveTo(): void {
    this.moves++;
  }
  lineTo(): void {}
  closePath(): void {}
  arc(): void {}
  rect(): void {
    this.rects++;
  }
}

export class RecordingContext {
  fillStyle = '#000';
  strokeStyle = '#000';
  globalAlpha = 1;
  lineWidth = 1;
  font = '10px sans-serif';
  textBaseline = 'alphabetic';
  rects: DrawnRect[] = [];
  paths: DrawnPath[] = [];
  texts: string[] = [];
  private current = new RecordingPath();
  private stack: { fillStyle: string; strokeStyle: string; globalAlpha: number }[] = [];

  fillRect(x: number, y: number, width: number, height: number): void {
    this.rects.push({ x, y, width, height, style: this.fillStyle, alpha: this.globalAlpha });
  }
  strokeRect(): void {}
  clearRect(): void {}
  beginPath(): void {
    this.current = new RecordingPath();
  }
  moveTo(): void {
    this.current.moveTo();
  }
  lineTo(): void {}
  closePath(): void {}
  arc(): void {
    this.current.moves++;
  }
  rect(): void {
    this.current.rect();
  }
  fill(path?: RecordingPath): void {
    const p = path ?? this.current;
    this.paths.push({ style: this.fillStyle, op: 'fill', moves: p.moves, rects: p.rects });
  }
  stroke(path?: RecordingPath): void {
    const p = path ?? this.current;
    this.paths.push({ style: this.strokeStyle, op: 'stroke', moves: p.moves, rects: p.rects });
  }
  fillText(text: string): void {
    this.texts.push(text);
  }
  measureText(text: string): { width: number } {
    return { width: text.length * 6 };
  }
  setLineDash(): void {}
  setTransform(): void {}
  save(): void {
    this.stack.push({ fillStyle: this.fillStyle, strokeStyle: this.strokeStyle, globalAlpha: this.globalAlpha });
  }
  restore(): void {
    const top = this.stack.pop();
    if (top !== undefined) Object.assign(this, top);
  }
}

/** The recorder, typed as what the draw functions take. */
export function recordingContext(): { ctx: CanvasRenderingContext2D; record: RecordingContext } {
  const record = new RecordingContext();
  return { ctx: record as unknown as CanvasRenderingContext2D, record };
}

/** Makes `new Path2D()` work in Node for the draw functions that batch into paths. */
export function installPath2D(): void {
  (globalThis as { Path2D?: unknown }).Path2D = RecordingPath;
}
