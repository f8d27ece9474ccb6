import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import { DEFAULT_RUN_SPEED, RUN_SPEEDS, SPEED_NOTE, speedLabel, wallDurationText } from './runSpeeds.ts';

/** "Run on real Redis" at a chosen speed, and Stop; the run then shows in the timeline, topology and verdict. */
export function RunControls({ store, client }: { store: PlaygroundStore; client: BridgeClient }) {
  const id = useId();
  const [speed, setSpeed] = useState(DEFAULT_RUN_SPEED);
  const [refused, setRefused] = useState<string | null>(null);
  const runLive = useStore(client, (s) => s.runLive);
  const durationMs = useStore(store, (s) => s.scenario?.durationMs ?? 0);
  const name = useStore(store, (s) => s.scenario?.name ?? '');
  return (
    <div className="bridge-run">
      <div className="bridge-actions">
        <label htmlFor={`${id}-speed`}>Speed</label>
        <select id={`${id}-speed`} value={speed} disabled={runLive} onChange={(e) => setSpeed(Number(e.target.value))}>
          {RUN_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
        {runLive ? (
          <button type="button" onClick={() => client.getState().stopRun()}>
            Stop the run
          </button>
        ) : (
          <button type="button" className="bridge-run-button" onClick={() => setRefused(client.getState().startRun(speed))}>
            Run on real Redis
          </button>
        )}
      </div>
      <p className="muted bridge-note">
        Replays “{name}” (same seed) on the bridge’s redis-servers: {wallDurationText(durationMs, speed)}. {SPEED_NOTE}
      </p>
      {refused !== null && (
        <p role="alert" className="bridge-problem">
          {refused}
        </p>
      )}
    </div>
  );
}
