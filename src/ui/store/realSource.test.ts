import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { createPlaygroundStore } from './playgroundStore.ts';

/** The simulator's trace, streamed as if it came from the bridge in batches (real runs look the same to the page). */
function batches(trace: readonly TraceEvent[], size: number): TraceEvent[][] {
  const out: TraceEvent[][] = [];
  for (let i = 0; i < trace.length; i += size) out.push(trace.slice(i, i + size));
  return out;
}

function startedReal(preset: string) {
  const store = createPlaygroundStore(preset);
  const simulated = store.getState().run;
  if (simulated === null) throw new Error('no run');
  store.getState().beginRealRun('c1-m2', 1);
  return { store, simulated };
}

/** The real run as the views show it: the same store fields a simulated run fills. */
describe('the store with a real run', () => {
  it('shows an empty live run at once, then the checker’s verdict on the trace as it grows, the cursor at the live end', () => {
    const { store, simulated } = startedReal('failover-loses-lock');
    let s = store.getState();
    expect(s.source).toBe('real');
    expect(s.real?.status).toBe('starting');
    expect(s.run?.trace.map((e) => e.kind)).toEqual(['run-start']);
    expect(s.run?.verdict.safe).toBe(true);

    const parts = batches(simulated.trace, 20);
    for (const part of parts.slice(0, 3)) store.getState().receiveRealEvents(part, 'run');
    s = store.getState();
    expect(s.real?.status).toBe('running');
    expect(s.followLive).toBe(true);
    expect(s.cursor.index).toBe((s.run?.trace.length ?? 0) - 1);
    expect(s.run?.verdict.safe).toBe(true); // the overlap at 31 s has not streamed in yet

    for (const part of parts.slice(3)) store.getState().receiveRealEvents(part, 'run');
    s = store.getState();
    expect(s.run?.trace).toHaveLength(simulated.trace.length); // the bridge's run-start is used, not a second one
    expect(s.run?.verdict.exclusionViolations.map((v) => [v.atMs, v.untilMs])).toEqual([[31020, 36022]]);
    expect(s.incidents.map((i) => i.kind)).toEqual(['exclusion', 'stale-write']);
    store.getState().endRealRun('completed', { safe: false, note: 'C1 and C2 overlapped' });
    expect(store.getState().real?.status).toBe('completed');
    expect(store.getState().real?.simulated?.safe).toBe(false);
  });

  it('stops following when the user moves the cursor back, and follows again from the live end', () => {
    const { store, simulated } = startedReal('failover-loses-lock');
    const [first, second, ...rest] = batches(simulated.trace, 30);
    store.getState().receiveRealEvents(first ?? [], 'run');
    store.getState().seek(100);
    store.getState().receiveRealEvents(second ?? [], 'run');
    expect(store.getState().cursor.t).toBe(100);
    expect(store.getState().followLive).toBe(false);
    store.getState().followLiveEnd();
    for (const part of rest) store.getState().receiveRealEvents(part, 'run');
    const s = store.getState();
    expect(s.followLive).toBe(true);
    expect(s.cursor.t).toBe(s.run?.endMs);
  });

  it('an edit shows the simulation again and keeps the real run; showing it again brings back the scenario it ran (undoable)', () => {
    const { store, simulated } = startedReal('failover-loses-lock');
    store.getState().receiveRealEvents(simulated.trace.slice(0, 50), 'run');
    const ran = store.getState().scenario;
    store.getState().setSeed(7);
    let s = store.getState();
    expect(s.source).toBe('simulated');
    expect(s.scenario?.seed).toBe(7);
    expect(s.run?.trace.length).toBeGreaterThan(50);
    // The real run keeps streaming in the background.
    store.getState().receiveRealEvents(simulated.trace.slice(50, 60), 'run');
    expect(store.getState().real?.events).toHaveLength(60);
    expect(store.getState().run).toBe(s.run);

    store.getState().showSource('real');
    s = store.getState();
    expect(s.source).toBe('real');
    expect(s.scenario).toEqual(ran);
    expect(s.past).toHaveLength(2); // the seed edit, then going back to the version that ran
    expect(s.run?.trace).toHaveLength(60);
    store.getState().showSource('simulated');
    expect(store.getState().run?.trace).toEqual(simulated.trace);
    store.getState().undo(); // back to seed 7, the edit before the real run was shown again
    expect(store.getState().scenario?.seed).toBe(7);
  });

  it('a run refused before any event goes back to the simulation; a dropped connection keeps what came', () => {
    const { store, simulated } = startedReal('failover-loses-lock');
    store.getState().realRunFailed('Starting the run on real Redis: refused by the bridge (conflict): a run is already going', 'refused');
    let s = store.getState();
    expect(s.source).toBe('simulated');
    expect(s.run).toBe(simulated);
    expect(s.real?.status).toBe('refused');

    store.getState().beginRealRun('c1-m5', 1);
    store.getState().receiveRealEvents(simulated.trace.slice(0, 40), 'run');
    store.getState().realRunFailed('The connection to the bridge dropped.', 'interrupted');
    s = store.getState();
    expect(s.real?.status).toBe('interrupted');
    expect(s.real?.problem).toBe('The connection to the bridge dropped.');
    expect(s.run?.trace).toHaveLength(40);
    store.getState().receiveRealEvents(simulated.trace.slice(40, 50), 'run'); // nothing more belongs to it
    expect(store.getState().run?.trace).toHaveLength(40);
  });

  it('lock operations outside a run start a session on the scenario’s lanes, in time order', () => {
    const store = createPlaygroundStore('happy-path');
    const acquired: TraceEvent[] = [
      { t: 12, kind: 'lock-attempt', client: 'C1', round: 1, attempt: 1, value: 'v1', clientMs: 12 },
      {
        t: 15,
        kind: 'lock-acquired',
        client: 'C1',
        value: 'v1',
        epoch: 1,
        votes: 5,
        nodes: ['A', 'B', 'C', 'D', 'E'],
        validityMs: 9990,
        validUntilMs: 10012,
        clientMs: 15,
      },
    ];
    store.getState().receiveRealEvents(acquired, 'session');
    const s = store.getState();
    expect(s.source).toBe('real');
    expect(s.real?.kind).toBe('session');
    expect(s.run?.trace[0]).toMatchObject({ kind: 'run-start', nodes: ['A', 'B', 'C', 'D', 'E'] });
    expect(s.run?.verdict.acquisitions).toBe(1);
    // An answer that comes late, stamped earlier, goes where it belongs.
    store.getState().receiveRealEvents([{ t: 13, kind: 'client-state', client: 'C1', state: 'acquiring' }], 'session');
    expect(store.getState().run?.trace.map((e) => e.t)).toEqual([0, 12, 13, 15]);
  });

  it('playback that catches up with a live run follows it', () => {
    const { store, simulated } = startedReal('failover-loses-lock');
    store.getState().receiveRealEvents(simulated.trace.slice(0, 60), 'run');
    store.getState().seek(0);
    store.getState().setAutoPause(false);
    store.getState().play();
    for (let i = 0; i < 10_000 && store.getState().playing; i++) store.getState().tick(1000);
    expect(store.getState().followLive).toBe(true);
    expect(store.getState().pausedFor).toBe('Caught up with the live run.');
  });
});
