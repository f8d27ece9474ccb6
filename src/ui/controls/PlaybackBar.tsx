import { useStore } from 'zustand';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { CursorTimeField } from './CursorTimeField.tsx';
import { describeTraceEvent } from '../readout/describeTraceEvent.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { describeSpeed, SPEED_STEPS, sliderFromSpeed, speedFromSlider } from '../store/speed.ts';

const ms = (t: number) => `${Math.round(t).toLocaleString('en-US')} ms`;

/**
 * Play / pause, step, jump between violations, speed (logarithmic), auto-pause, and where the
 * cursor is: its time and the event it stands on, in words. Keys: see src/ui/keyboard.ts.
 */
export function PlaybackBar({ store }: { store: PlaygroundStore }) {
  const run = useStore(store, (s) => s.run);
  const cursor = useStore(store, (s) => s.cursor);
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  const autoPause = useStore(store, (s) => s.autoPause);
  const pausedFor = useStore(store, (s) => s.pausedFor);
  const incidents = useStore(store, (s) => s.incidents);
  const a = store.getState();
  if (run === null) return null;
  const event: TraceEvent | undefined = run.trace[cursor.index];
  const atStart = cursor.index < 0;
  const atEnd = cursor.index >= run.trace.length - 1;
  const hasNext = incidents.some((i) => i.atMs > cursor.t);
  const hasPrevious = incidents.some((i) => i.atMs < cursor.t);
  return (
    <section className="playback" aria-label="Playback">
      <div className="buttons">
        <button type="button" onClick={() => a.seekIndex(-1)} disabled={atStart} aria-label="Go to the start (Home)" title="Start (Home)">
          |◀
        </button>
        <button
          type="button"
          onClick={() => a.jumpToIncident(-1)}
          disabled={!hasPrevious}
          aria-label="Previous violation (Shift+Left)"
          title="Previous violation (Shift+←)"
        >
          ◀ Violation
        </button>
        <button type="button" onClick={() => a.step(-1)} disabled={atStart} aria-label="Step back one event (Left)" title="Step back (←)">
          ‹ Step
        </button>
        <button
          type="button"
          className="play"
          onClick={() => a.togglePlay()}
          aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button
          type="button"
          onClick={() => a.step(1)}
          disabled={atEnd}
          aria-label="Step forward one event (Right)"
          title="Step forward (→)"
        >
          Step ›
        </button>
        <button
          type="button"
          onClick={() => a.jumpToIncident(1)}
          disabled={!hasNext}
          aria-label="Next violation (Shift+Right)"
          title="Next violation (Shift+→)"
        >
          Violation ▶
        </button>
        <button
          type="button"
          onClick={() => a.seekIndex(run.trace.length - 1)}
          disabled={atEnd}
          aria-label="Go to the end (End)"
          title="End (End)"
        >
          ▶|
        </button>
      </div>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          min={0}
          max={SPEED_STEPS.length - 1}
          step={1}
          value={sliderFromSpeed(speed)}
          onChange={(e) => a.setSpeed(speedFromSlider(Number(e.target.value)))}
          aria-valuetext={`${describeSpeed(speed)}, ${speed} simulated ms per second`}
        />
        <output data-testid="speed">{describeSpeed(speed)}</output>
      </label>
      <label className="autopause">
        <input type="checkbox" checked={autoPause} onChange={(e) => a.setAutoPause(e.target.checked)} />
        Pause at violations
      </label>
      <div className="where">
        <CursorTimeField t={cursor.t} endMs={run.endMs} onSeek={(t) => a.seek(t)} />
        <div className="readout">
          <span className="of">ms of {ms(run.endMs)}</span>{' '}
          <span className="event" data-testid="cursor-event" title={event === undefined ? '' : describeTraceEvent(event)}>
            {event === undefined ? 'before the first event' : `#${cursor.index + 1}/${run.trace.length}: ${describeTraceEvent(event)}`}
          </span>
        </div>
        <p className="status" role="status" data-testid="playback-status">
          {pausedFor ?? (playing ? 'Playing' : 'Paused')}
        </p>
      </div>
    </section>
  );
}
