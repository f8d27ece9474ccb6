import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from './playgroundStore.ts';

/** The page's behaviour without the page: load, play, step, inject, drag, undo — as a user drives it. */
describe('playground store', () => {
  it('opens a preset at the start of its run, paused, with the first lock client selected', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.cursor).toEqual({ index: -1, t: 0 });
    expect(s.playing).toBe(false);
    expect(s.selected).toBe('C1');
    expect(s.incidents.map((i) => i.kind)).toEqual(['exclusion', 'stale-write']);
  });

  it('reports an unknown scenario instead of crashing', () => {
    const store = createPlaygroundStore('no-such-thing');
    expect(store.getState().error).toContain('no-such-thing');
    expect(store.getState().run).toBeNull();
  });

  it('plays forward and pauses by itself at the first violation, then goes on to the next one', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().play();
    for (let i = 0; i < 1000 && store.getState().playing; i++) store.getState().tick(100);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.cursor.t).toBe(31020);
    expect(s.pausedFor).toContain('C1 and C2 both hold the lock');
    store.getState().play();
    for (let i = 0; i < 1000 && store.getState().playing; i++) store.getState().tick(100);
    expect(store.getState().cursor.t).toBe(40012); // the stale write
  });

  it('plays through to the end with auto-pause off', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().setAutoPause(false);
    store.getState().play();
    for (let i = 0; i < 1000 && store.getState().playing; i++) store.getState().tick(1000);
    expect(store.getState().cursor.t).toBe(45000);
    expect(store.getState().pausedFor).toBe('The run is over.');
  });

  it('steps one event at a time and jumps between violations in both directions', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().step(1);
    expect(store.getState().cursor.index).toBe(0);
    store.getState().jumpToIncident(1);
    expect(store.getState().cursor.t).toBe(31020);
    store.getState().jumpToIncident(1);
    expect(store.getState().cursor.t).toBe(40012);
    store.getState().jumpToIncident(-1);
    expect(store.getState().cursor.t).toBe(31020);
    const at = store.getState().cursor.index;
    store.getState().step(-1);
    expect(store.getState().cursor.index).toBe(at - 1);
  });

  it('jumps to the crash behind the failover violation and highlights the chain', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    const incident = store.getState().incidents[0];
    if (incident === undefined) throw new Error('expected a violation');
    store.getState().jumpToCause(incident);
    const s = store.getState();
    expect(s.cursor.t).toBe(200);
    expect(s.run?.trace[s.cursor.index]?.kind).toBe('crash');
    expect(s.highlight?.label).toBe('M crashed, 1 key in memory lost');
    expect(s.highlight?.indices.length).toBeGreaterThan(3);
  });

  it('injects "kill the master" at the cursor: the verdict changes; dragging it later changes it back; undo and redo follow', () => {
    const store = createPlaygroundStore('failover-happy-path');
    expect(store.getState().run?.verdict.safe).toBe(true);
    store.getState().seek(300);
    store.getState().injectFault({ atMs: 300, kind: 'kill-master', restartAfterMs: null });
    expect(store.getState().run?.verdict.safe).toBe(false);
    expect(store.getState().cursor.t).toBe(300); // the cursor stays where the user was
    store.getState().moveFault(0, 800, 'start');
    store.getState().moveFault(0, 2000, 'move');
    store.getState().moveFault(0, 2000, 'end');
    expect(store.getState().scenario?.timeline[0]?.atMs).toBe(2000);
    expect(store.getState().run?.verdict.safe).toBe(true);
    store.getState().undo(); // the whole drag is one step
    expect(store.getState().scenario?.timeline[0]?.atMs).toBe(300);
    expect(store.getState().run?.verdict.safe).toBe(false);
    store.getState().undo();
    expect(store.getState().scenario?.timeline).toHaveLength(0);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().scenario?.timeline[0]?.atMs).toBe(2000);
    expect(store.getState().future).toHaveLength(0);
  });

  it('refuses an invalid edit with a message and keeps the run as it was', () => {
    const store = createPlaygroundStore('failover-happy-path');
    const before = store.getState().run;
    store.getState().injectFault({ atMs: 100, kind: 'crash-node', node: 'Z', clean: false, restartAfterMs: null });
    expect(store.getState().editError).toContain('Z');
    expect(store.getState().run).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('re-runs with a new seed and a new fencing mode', () => {
    const store = createPlaygroundStore('gc-pause-after-acquire');
    expect(store.getState().run?.verdict.safe).toBe(false);
    store.getState().setFencing('token');
    expect(store.getState().run?.verdict.safe).toBe(true);
    expect(store.getState().run?.verdict.fencingRejections.length).toBeGreaterThan(0);
    const hash = store.getState().run?.summary.traceHash;
    store.getState().setSeed(12345);
    expect(store.getState().scenario?.seed).toBe(12345);
    expect(store.getState().run?.summary.traceHash).not.toBe(hash);
  });

  it('lands on the event that starts each finding, so the readout names it', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().jumpToIncident(1);
    const s = store.getState();
    const e = s.run?.trace[s.cursor.index];
    expect(e?.kind).toBe('lock-acquired');
    expect(e?.kind === 'lock-acquired' && e.client).toBe('C2');
    store.getState().jumpToIncident(1);
    expect(store.getState().run?.trace[store.getState().cursor.index]?.kind).toBe('storage-write');
  });

  it('switching presets and resetting are undoable: the faults you built come back', () => {
    const store = createPlaygroundStore('failover-happy-path');
    store.getState().injectFault({ atMs: 300, kind: 'kill-master', restartAfterMs: null });
    store.getState().load('clock-jump');
    expect(store.getState().exampleId).toBe('clock-jump');
    expect(store.getState().selected).toBe('C1');
    store.getState().undo();
    expect(store.getState().exampleId).toBe('failover-happy-path');
    expect(store.getState().scenario?.timeline).toHaveLength(1);
    expect(store.getState().run?.verdict.safe).toBe(false);
    store.getState().reset();
    expect(store.getState().scenario?.timeline).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().scenario?.timeline).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().scenario?.timeline).toHaveLength(0);
  });

  it('opens a document from outside (a file, a link) as an undoable version, or says why not', () => {
    const store = createPlaygroundStore('happy-path');
    const other = createPlaygroundStore('clock-jump').getState().scenario;
    expect(store.getState().openDocument({ version: 1, nodes: 'three' }, 'imported')).toContain('nodes');
    expect(store.getState().exampleId).toBe('happy-path');
    expect(store.getState().openDocument(other, 'imported', 1104)).toBeNull();
    expect(store.getState().exampleId).toBe('imported');
    expect(store.getState().cursor.t).toBe(1104);
    expect(store.getState().run?.verdict.safe).toBe(false);
    store.getState().undo();
    expect(store.getState().exampleId).toBe('happy-path');
  });

  it('replaces the scenario with an edited document, refusing an invalid one with the reason', () => {
    const store = createPlaygroundStore('happy-path');
    const s = store.getState().scenario;
    if (s === null) throw new Error('no scenario');
    expect(store.getState().replaceScenario({ ...s, lock: { ...s.lock, ttlMs: -5 } })).toContain('ttlMs');
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().replaceScenario({ ...s, lock: { ...s.lock, ttlMs: 2000 } })).toBeNull();
    expect(store.getState().scenario?.lock.ttlMs).toBe(2000);
    expect(store.getState().past).toHaveLength(1);
  });
});
