import type { Connection } from './connection.ts';

/**
 * Why a fault cannot be injected on real Redis right now, or null when it can: the views show
 * the real run, so the fault bar acts on it — which needs the connection and a run streaming.
 */
export function realInjectProblem(connection: Connection, runLive: boolean): string | null {
  if (connection.status !== 'connected')
    return 'Not connected to the bridge: connect in the Real Redis panel, or show the simulation to edit the scenario.';
  if (!runLive) return 'The real run is over: run it on real Redis again to inject faults, or show the simulation to edit the scenario.';
  return null;
}
