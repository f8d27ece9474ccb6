import { useStore } from 'zustand';
import type { RealRun } from '../store/realRun.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import { latestNotice } from './notices.ts';
import { NoticeLine } from './NoticeLine.tsx';

/** What the badge says about a real run: that it IS real, and where it stands. */
export function realBadgeText(real: RealRun): string {
  if (real.kind === 'session') return real.status === 'running' ? 'REAL REDIS — lock operations, live' : 'REAL REDIS — lock operations';
  switch (real.status) {
    case 'starting':
      return 'REAL REDIS — starting…';
    case 'running':
      return 'REAL REDIS — live';
    case 'completed':
      return 'REAL REDIS — run completed';
    case 'stopped':
      return 'REAL REDIS — run stopped';
    case 'failed':
      return 'REAL REDIS — run failed';
    case 'interrupted':
      return 'REAL REDIS — connection lost';
    case 'refused':
      return 'REAL REDIS — refused';
  }
}

/**
 * The strip over the workspace while a real run exists: a loud badge when the views show
 * it, the switch between it and the simulation, "Follow live", Stop, and what went wrong.
 */
export function RealRunStrip({ store, client }: { store: PlaygroundStore; client: BridgeClient }) {
  const real = useStore(store, (s) => s.real);
  const source = useStore(store, (s) => s.source);
  const followLive = useStore(store, (s) => s.followLive);
  const runLive = useStore(client, (s) => s.runLive);
  const runNotice = useStore(client, (s) => latestNotice(s.notices, 'run'));
  const lockNotice = useStore(client, (s) => latestNotice(s.notices, 'lock'));
  const connected = useStore(client, (s) => s.connection.status === 'connected');
  if (real === null && !connected) return null;
  const live = real !== null && (real.status === 'starting' || real.status === 'running');
  const shown = source === 'real' && real !== null;
  return (
    <section className={`real-strip${shown ? ' real-strip--shown' : ''}`} aria-label="Real Redis run" data-testid="real-strip">
      {shown ? (
        <strong className={`real-badge${live ? ' real-badge--live' : ''}`} data-testid="real-badge">
          {realBadgeText(real)}
        </strong>
      ) : (
        <span className="real-sim-label" data-testid="sim-badge">
          Simulation{real !== null && live ? ' — a real run is streaming' : ''}
        </span>
      )}
      {real !== null && real.status !== 'refused' && (
        <fieldset className="real-switch">
          <legend className="visually-hidden">Show the run of</legend>
          <button
            type="button"
            aria-label="Show the simulation"
            aria-pressed={source === 'simulated'}
            onClick={() => store.getState().showSource('simulated')}
          >
            Simulation
          </button>
          <button
            type="button"
            aria-label="Show the run on real Redis"
            aria-pressed={source === 'real'}
            onClick={() => store.getState().showSource('real')}
          >
            Real Redis
          </button>
        </fieldset>
      )}
      {shown && live && !followLive && (
        <button type="button" onClick={() => store.getState().followLiveEnd()}>
          Follow live
        </button>
      )}
      {runLive && (
        <button type="button" onClick={() => client.getState().stopRun()}>
          Stop the real run
        </button>
      )}
      {/* A refusal or a failure is the notice below; a dropped connection has only this. */}
      {real?.status === 'interrupted' && real.problem !== null && (
        <span role="alert" className="bridge-problem" data-testid="real-problem">
          {real.problem}
        </span>
      )}
      {real?.checkError != null && <span className="bridge-problem">{real.checkError}</span>}
      <NoticeLine
        notice={runNotice ?? lockNotice}
        onDismiss={() => client.getState().dismiss(runNotice === null ? 'lock' : 'run')}
        testId="real-notice"
      />
    </section>
  );
}
