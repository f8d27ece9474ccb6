import { createStore } from 'zustand/vanilla';
import type { LinkPanel } from '../../scenario/link/linkFormat.ts';
import type { Fencing, Scenario, TimelineEntry } from '../../sim/model/scenario.ts';
import { canonicalJson } from '../../sim/trace/canonical.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { EXAMPLES } from '../examples.ts';
import { causeChain, type CauseChain } from './causes.ts';
import { type Computed, compute, type RunView } from './compute.ts';
import { type Cursor, cursorAtIndex, cursorAtMs, stepBack, stepForward } from './cursor.ts';
import { sortedTimeline, withFault, withFaultMoved, withFaultReplaced, withFencing, withoutFault, withSeed } from './edits.ts';
import { firstIncidentCrossed, type Incident, incidentsOf, nextIncident, previousIncident } from './incidents.ts';
import {
  beganRealRun,
  beganSession,
  isLive,
  type RealRun,
  realRunEnded,
  realRunProblem,
  type VerdictHint,
  withRealEvents,
} from './realRun.ts';
import { defaultSpeed, SPEED_MAX, SPEED_MIN } from './speed.ts';

export type Theme = 'light' | 'dark';

/** Where the trace the views show comes from: the simulator, or real Redis through the bridge. */
export type TraceSource = 'simulated' | 'real';

/** One version of the document for undo/redo: which example, as loaded, and as edited. */
export interface Version {
  exampleId: string;
  original: Scenario;
  scenario: Scenario;
}

/**
 * The page's state (a vanilla Zustand store: the timeline and the player loop subscribe to it
 * without React). The scenario is the document; every edit makes a new scenario, which is
 * validated, run and checked — the trace is never edited. Undo/redo are stacks of scenarios.
 */
export interface PlaygroundState {
  exampleId: string;
  /** The example's own scenario, as loaded (what "reset" goes back to). */
  original: Scenario | null;
  scenario: Scenario | null;
  run: RunView | null;
  incidents: Incident[];
  /** Why the example could not be loaded or run, or null. */
  error: string | null;
  /** Why the last edit was refused (the scenario stayed as it was), or null. */
  editError: string | null;
  /** Earlier versions of the document, oldest first; switching presets is a version too. */
  past: Version[];
  future: Version[];
  cursor: Cursor;
  playing: boolean;
  /** Simulated ms per real second. */
  speed: number;
  autoPause: boolean;
  /** Why playback stopped on its own, for the status line; null after any other action. */
  pausedFor: string | null;
  /** The process whose details (statechart) are shown. */
  selected: string | null;
  highlight: CauseChain | null;
  theme: Theme;
  /** The open side tab (a link carries it). */
  panel: LinkPanel;
  /** Why the link the page was opened with could not be used (the default scenario is shown instead), or null. */
  linkError: string | null;
  /**
   * Which run `run` is: the simulation of `scenario`, or the real run (`real`) of that same
   * scenario. Any edit of the scenario shows the simulation again, so the two never mix.
   */
  source: TraceSource;
  /** The simulation of `scenario`, kept while `run` shows the real run; null otherwise. */
  simulatedRun: RunView | null;
  /** The last run on real Redis (or lock session), kept until the next one; null before any. */
  real: RealRun | null;
  /** The cursor stays on the newest event of a live real run until the user moves it away. */
  followLive: boolean;

  load(exampleId: string): void;
  /**
   * Opens a document from outside (an imported file, a link): validated, run, checked; it
   * becomes the current example under the name `origin` (undoable). Returns an error message, or null.
   */
  openDocument(input: unknown, origin: string, cursorMs?: number): string | null;
  /** Back to the document as it was opened (a preset, a file, a link); undoable. */
  reset(): void;
  /** Replaces the scenario with an edited document (the editor): validated first; undoable. Returns an error message, or null. */
  replaceScenario(input: unknown): string | null;
  setFencing(fencing: Fencing): void;
  setSeed(seed: number): void;
  injectFault(entry: TimelineEntry): void;
  replaceFault(i: number, entry: TimelineEntry): void;
  /** A drag of fault `i`: 'start' records the undo point, 'move' re-runs live, 'end' tidies the order. */
  moveFault(i: number, atMs: number, phase: 'start' | 'move' | 'end'): void;
  removeFault(i: number): void;
  undo(): void;
  redo(): void;
  seek(t: number): void;
  seekIndex(index: number): void;
  step(direction: 1 | -1): void;
  jumpToIncident(direction: 1 | -1): void;
  jumpToCause(incident: Incident): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Advances playback by `realMs` of wall time (the player loop calls it every frame). */
  tick(realMs: number): void;
  setSpeed(speed: number): void;
  setAutoPause(on: boolean): void;
  select(process: string | null): void;
  clearHighlight(): void;
  setTheme(theme: Theme): void;
  setPanel(panel: LinkPanel): void;
  setLinkError(message: string | null): void;
  /** A run of the scenario on real Redis begins (start-run `key` sent): the views show it, empty, and follow it. */
  beginRealRun(key: string, speed: number): void;
  /**
   * Events from the bridge: a run's, or the answers to lock operations outside a run (a
   * session, begun on its first events and shown at once).
   */
  receiveRealEvents(events: readonly TraceEvent[], to: 'run' | 'session'): void;
  endRealRun(reason: 'completed' | 'stopped' | 'failed', hint: VerdictHint | null): void;
  /** The bridge refused or failed the run, or the connection dropped: the events so far stay. */
  realRunFailed(problem: string, cause: 'refused' | 'interrupted'): void;
  /** Shows the simulation or the real run; showing a real run of an earlier version of the scenario brings that version back (undoable). */
  showSource(source: TraceSource): void;
  /** Back to the newest event of a live real run, following it again. */
  followLiveEnd(): void;
}

const HISTORY_MAX = 100;

function firstLockClient(scenario: Scenario | null): string | null {
  if (scenario === null) return null;
  return (scenario.clients.find((c) => c.strategy.kind !== 'script') ?? scenario.clients[0])?.id ?? null;
}

function loaded(exampleId: string): Partial<PlaygroundState> {
  const example = EXAMPLES.find((e) => e.id === exampleId);
  const computed: Computed =
    example === undefined ? { ok: false, error: `there is no scenario named "${exampleId}"` } : compute(example.input);
  if (!computed.ok) {
    return {
      exampleId,
      original: null,
      scenario: null,
      run: null,
      incidents: [],
      error: computed.error,
      editError: null,
      cursor: { index: -1, t: 0 },
    };
  }
  return {
    exampleId,
    original: computed.scenario,
    scenario: computed.scenario,
    run: computed.run,
    incidents: incidentsOf(computed.run.verdict),
    error: null,
    editError: null,
    cursor: cursorAtIndex(computed.run.trace, -1),
    playing: false,
    pausedFor: null,
    speed: defaultSpeed(computed.scenario.durationMs),
    selected: firstLockClient(computed.scenario),
    highlight: null,
    ...SIMULATION_SHOWN,
  };
}

/** The same document (an undo or a re-parse makes a new object of the same scenario). */
function sameScenario(a: Scenario, b: Scenario): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** What every new simulated run sets: the views show the simulation (a real run stays in `real`). */
const SIMULATION_SHOWN = { source: 'simulated', simulatedRun: null, followLive: false } as const satisfies Partial<PlaygroundState>;

/** A real run's incidents; none when its verdict cannot name them (a trace from another program must not stop the page). */
function realIncidents(real: RealRun): Incident[] {
  try {
    return incidentsOf(real.view.verdict);
  } catch {
    return [];
  }
}

/** The views on a real run: its trace, its verdict, the cursor at the live end or where the user left it. */
function realShown(real: RealRun, follow: boolean, cursor: Cursor): Partial<PlaygroundState> {
  const { trace } = real.view;
  return {
    real,
    run: real.view,
    incidents: realIncidents(real),
    cursor: follow ? cursorAtIndex(trace, trace.length - 1) : cursorAtMs(trace, cursor.t),
    followLive: follow,
  };
}

export function createPlaygroundStore(initialExampleId: string, theme: Theme = 'light') {
  return createStore<PlaygroundState>()((set, get) => {
    /** Runs an edited scenario; on success it replaces the current one (keeping the cursor's time). */
    const current = (): Version | null => {
      const { exampleId, original, scenario } = get();
      return original === null || scenario === null ? null : { exampleId, original, scenario };
    };
    const pushed = (past: Version[]): Version[] => {
      const now = current();
      return now === null ? past : [...past, now].slice(-HISTORY_MAX);
    };
    const apply = (next: unknown, history: 'push' | 'none'): boolean => {
      const state = get();
      const computed = compute(next);
      if (!computed.ok) {
        set({ editError: computed.error });
        return false;
      }
      const past = history === 'push' ? pushed(state.past) : state.past;
      set({
        scenario: computed.scenario,
        run: computed.run,
        incidents: incidentsOf(computed.run.verdict),
        editError: null,
        past,
        future: history === 'none' ? state.future : [],
        cursor: cursorAtMs(computed.run.trace, state.cursor.t),
        highlight: null,
        ...SIMULATION_SHOWN,
      });
      return true;
    };
    /** Goes back (or forward) to a version: another example's as well; the cursor keeps its time. */
    const restore = (version: Version): boolean => {
      const { exampleId, selected } = get();
      if (!apply(version.scenario, 'none')) return false;
      if (version.exampleId !== exampleId) {
        const ids = version.scenario.clients.map((c) => c.id).concat(version.scenario.nodes.map((n) => n.id));
        set({
          exampleId: version.exampleId,
          original: version.original,
          speed: defaultSpeed(version.scenario.durationMs),
          selected: selected !== null && ids.includes(selected) ? selected : firstLockClient(version.scenario),
        });
      }
      return true;
    };
    const edit = (f: (s: Scenario) => Scenario) => {
      const s = get().scenario;
      if (s !== null) apply(f(s), 'push');
    };
    // Moving the cursor off the newest event of a real run stops following it; moving back to it follows again.
    const moveTo = (cursor: Cursor) => {
      const { run, source } = get();
      set({ cursor, pausedFor: null, followLive: source === 'real' && run !== null && cursor.index >= run.trace.length - 1 });
    };
    /** The simulation while the views show the real run, else the run shown. */
    const simulation = (): RunView | null => {
      const s = get();
      return s.source === 'real' ? s.simulatedRun : s.run;
    };
    let sessions = 0;
    return {
      exampleId: initialExampleId,
      original: null,
      scenario: null,
      run: null,
      incidents: [],
      error: null,
      editError: null,
      past: [],
      future: [],
      cursor: { index: -1, t: 0 },
      playing: false,
      speed: 1000,
      autoPause: true,
      pausedFor: null,
      selected: null,
      highlight: null,
      theme,
      panel: 'about',
      linkError: null,
      source: 'simulated',
      simulatedRun: null,
      real: null,
      followLive: false,
      ...loaded(initialExampleId),

      // Switching presets (or resetting) is undoable like any edit: nobody loses built-up faults to a stray key.
      load: (exampleId) => {
        const next = loaded(exampleId);
        if (next.scenario === null || next.scenario === undefined) {
          set(next);
          return;
        }
        set({ ...next, past: pushed(get().past), future: [] });
      },
      openDocument: (input, origin, cursorMs) => {
        const computed = compute(input);
        if (!computed.ok) return computed.error;
        set({
          past: pushed(get().past),
          future: [],
          exampleId: origin,
          original: computed.scenario,
          scenario: computed.scenario,
          run: computed.run,
          incidents: incidentsOf(computed.run.verdict),
          error: null,
          editError: null,
          cursor: cursorMs === undefined ? cursorAtIndex(computed.run.trace, -1) : cursorAtMs(computed.run.trace, cursorMs),
          playing: false,
          pausedFor: null,
          speed: defaultSpeed(computed.scenario.durationMs),
          selected: firstLockClient(computed.scenario),
          highlight: null,
          ...SIMULATION_SHOWN,
        });
        return null;
      },
      reset: () => {
        const { original, scenario } = get();
        if (original !== null && scenario !== original) apply(original, 'push');
      },
      replaceScenario: (input) => (apply(input, 'push') ? null : get().editError),
      setFencing: (fencing) => edit((s) => withFencing(s, fencing)),
      setSeed: (seed) => edit((s) => withSeed(s, seed)),
      injectFault: (entry) => edit((s) => withFault(s, entry)),
      replaceFault: (i, entry) => edit((s) => withFaultReplaced(s, i, entry)),
      moveFault: (i, atMs, phase) => {
        const s = get().scenario;
        if (s === null) return;
        if (phase === 'end') {
          apply(sortedTimeline(s), 'none');
          return;
        }
        apply(withFaultMoved(s, i, atMs), phase === 'start' ? 'push' : 'none');
      },
      removeFault: (i) => edit((s) => withoutFault(s, i)),
      undo: () => {
        const { past, future } = get();
        const previous = past[past.length - 1];
        const now = current();
        if (previous === undefined || now === null) return;
        if (restore(previous)) set({ past: past.slice(0, -1), future: [now, ...future] });
      },
      redo: () => {
        const { past, future } = get();
        const next = future[0];
        const now = current();
        if (next === undefined || now === null) return;
        if (restore(next)) set({ past: [...past, now], future: future.slice(1) });
      },
      seek: (t) => {
        const run = get().run;
        if (run !== null) moveTo(cursorAtMs(run.trace, t));
      },
      seekIndex: (index) => {
        const run = get().run;
        if (run !== null) moveTo(cursorAtIndex(run.trace, index));
      },
      step: (direction) => {
        const { run, cursor } = get();
        if (run === null) return;
        set({ playing: false });
        moveTo(direction === 1 ? stepForward(run.trace, cursor) : stepBack(run.trace, cursor));
      },
      jumpToIncident: (direction) => {
        const { run, cursor, incidents } = get();
        if (run === null) return;
        const target = direction === 1 ? nextIncident(incidents, cursor.t) : previousIncident(incidents, cursor.t);
        if (target === undefined) return;
        set({ playing: false });
        moveTo(cursorAtIndex(run.trace, target.index));
      },
      jumpToCause: (incident) => {
        const { run } = get();
        if (run === null) return;
        const chain = causeChain(run.trace, run.verdict, incident);
        set({ playing: false, highlight: chain, cursor: cursorAtIndex(run.trace, chain.rootIndex), pausedFor: null, followLive: false });
      },
      play: () => {
        const { run, cursor } = get();
        if (run === null) return;
        // Play from the start again once the run is over, as a media player does.
        const restart = cursor.t >= run.endMs;
        set({ playing: true, pausedFor: null, ...(restart ? { cursor: cursorAtIndex(run.trace, -1) } : {}) });
      },
      pause: () => set({ playing: false, pausedFor: null }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      tick: (realMs) => {
        const { run, cursor, playing, speed, autoPause, incidents, source, real } = get();
        if (!playing || run === null || realMs <= 0) return;
        const toMs = Math.min(run.endMs, cursor.t + (realMs * speed) / 1000);
        const hit = autoPause ? firstIncidentCrossed(incidents, cursor.t, toMs) : undefined;
        if (hit !== undefined) {
          set({
            cursor: cursorAtIndex(run.trace, hit.index),
            playing: false,
            pausedFor: `Paused at ${hit.atMs} ms: ${hit.text}.`,
            followLive: false,
          });
          return;
        }
        if (toMs >= run.endMs && source === 'real' && isLive(real)) {
          // Playback caught up with a run still coming in: follow it from here.
          set({
            cursor: cursorAtIndex(run.trace, run.trace.length - 1),
            playing: false,
            pausedFor: 'Caught up with the live run.',
            followLive: true,
          });
          return;
        }
        set({
          cursor: cursorAtMs(run.trace, toMs),
          playing: toMs < run.endMs,
          pausedFor: toMs < run.endMs ? null : 'The run is over.',
          followLive: false,
        });
      },
      setSpeed: (speed) => set({ speed: Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed)) }),
      setAutoPause: (autoPause) => set({ autoPause }),
      select: (selected) => set({ selected }),
      clearHighlight: () => set({ highlight: null }),
      setTheme: (theme) => set({ theme }),
      setPanel: (panel) => set({ panel }),
      setLinkError: (linkError) => set({ linkError }),

      beginRealRun: (key, speed) => {
        const { scenario, exampleId, original } = get();
        const sim = simulation();
        if (scenario === null || original === null || sim === null) throw new Error('a real run needs a scenario and its simulation');
        const real = beganRealRun(key, { exampleId, original, scenario }, speed, sim.verdict);
        set({
          source: 'real',
          simulatedRun: sim,
          playing: false,
          pausedFor: null,
          highlight: null,
          ...realShown(real, true, get().cursor),
        });
      },
      receiveRealEvents: (events, to) => {
        const s = get();
        let real = s.real;
        if (to === 'session' && (real === null || real.kind !== 'session' || !isLive(real))) {
          if (s.scenario === null || s.original === null) return;
          sessions++;
          real = beganSession(`session-${sessions}`, { exampleId: s.exampleId, original: s.original, scenario: s.scenario });
          // Lock operations outside a run are what the user just asked for: show them.
          set({
            source: 'real',
            simulatedRun: simulation(),
            playing: false,
            pausedFor: null,
            highlight: null,
            ...realShown(real, true, s.cursor),
          });
        }
        // Events for no live run (a run that already ended) have nowhere to go.
        if (real === null || (to === 'run' && (real.kind !== 'run' || !isLive(real)))) return;
        const next = withRealEvents(real, events);
        const now = get();
        if (now.source === 'real') set(realShown(next, now.followLive, now.cursor));
        else set({ real: next });
      },
      endRealRun: (reason, hint) => {
        const { real, source } = get();
        if (real === null || !isLive(real)) return;
        const next = realRunEnded(real, reason, hint);
        set(source === 'real' ? { real: next, followLive: false } : { real: next });
      },
      realRunFailed: (problem, cause) => {
        const { real } = get();
        if (real === null) return;
        const next = realRunProblem(real, problem, cause);
        // A run refused before it began has nothing to show: back to the simulation.
        if (next.status === 'refused' && get().source === 'real') get().showSource('simulated');
        set({ real: next, followLive: false });
      },
      showSource: (source) => {
        const s = get();
        if (source === s.source) return;
        if (source === 'simulated') {
          const sim = s.simulatedRun;
          if (sim === null) return;
          set({
            ...SIMULATION_SHOWN,
            run: sim,
            incidents: incidentsOf(sim.verdict),
            cursor: cursorAtMs(sim.trace, s.cursor.t),
            highlight: null,
            playing: false,
          });
          return;
        }
        const real = s.real;
        if (real === null) return;
        let shown = real;
        if (s.scenario === null || !sameScenario(s.scenario, real.origin.scenario)) {
          // The real run is of another version of the document: bring that version back first (undoable).
          const past = pushed(s.past);
          if (!restore(real.origin)) return;
          const now = get();
          if (now.scenario === null || now.original === null) return;
          set({ past, future: [] });
          shown = { ...real, origin: { exampleId: now.exampleId, original: now.original, scenario: now.scenario } };
        }
        set({ source: 'real', simulatedRun: get().run, highlight: null, playing: false, ...realShown(shown, isLive(shown), get().cursor) });
      },
      followLiveEnd: () => {
        const { real, source } = get();
        if (source !== 'real' || real === null) return;
        set({ playing: false, pausedFor: null, ...realShown(real, true, get().cursor) });
      },
    };
  });
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
