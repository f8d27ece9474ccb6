import type { PlaygroundStore } from './store/playgroundStore.ts';

/**
 * The playback loop: while the store says `playing`, advance the cursor by the real time
 * between animation frames (the store turns it into simulated time at the chosen speed).
 * A frame gap longer than FRAME_GAP_MAX_MS (a background tab) is not played through.
 */
const FRAME_GAP_MAX_MS = 100;

export function startPlayer(store: PlaygroundStore): () => void {
  let frame = 0;
  let last: number | null = null;
  const loop = (now: number) => {
    if (last !== null) store.getState().tick(Math.min(now - last, FRAME_GAP_MAX_MS));
    last = now;
    frame = store.getState().playing ? requestAnimationFrame(loop) : 0;
    if (frame === 0) last = null;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing && frame === 0) frame = requestAnimationFrame(loop);
  });
  if (store.getState().playing) frame = requestAnimationFrame(loop);
  return () => {
    unsubscribe();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
