import { lazy, Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { AboutPanel } from './AboutPanel.tsx';
import type { BridgeClient } from './bridge/bridgeClient.ts';
import { BridgeContext } from './bridge/bridgeContext.ts';
import { RealRedisButton } from './bridge/RealRedisButton.tsx';
import { RealRunStrip } from './bridge/RealRunStrip.tsx';
import { VerdictComparison } from './bridge/VerdictComparison.tsx';
import { ViewGuard } from './bridge/ViewGuard.tsx';
import { PlaybackBar } from './controls/PlaybackBar.tsx';
import { ScenarioBar } from './controls/ScenarioBar.tsx';
import { ExportMenu, ImportButton, useFileDrop } from './export/index.ts';
import { EditHistory } from './faults/EditHistory.tsx';
import { FaultList } from './faults/FaultList.tsx';
import { FaultToolbar } from './faults/FaultToolbar.tsx';
import { keyInputOf, shortcutFor } from './keyboard.ts';
import { companionFor, highlightsOf, type Companion } from './lessons/highlights.ts';
import type { LessonStore } from './lessons/lessonStore.ts';
import { usePresenter } from './lessons/usePresenter.ts';
import { Modal } from './Modal.tsx';
import { LinkErrorBanner } from './share/LinkErrorBanner.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { SidePanels } from './SidePanels.tsx';
import type { PlaygroundStore } from './store/playgroundStore.ts';
import { Timeline } from './timeline/Timeline.tsx';
import { TopologyView } from './topology/TopologyView.tsx';
import { VerdictPanel } from './verdict/VerdictPanel.tsx';

// The search panel, its workers and its form load on first open: none of it is in the first download.
const SearchPanel = lazy(() => import('./search/SearchPanel.tsx'));
// So do the views one opens on demand (the first download stays under 250 kB gzipped: README, Performance).
const RealRedisPanel = lazy(() => import('./bridge/RealRedisPanel.tsx').then((m) => ({ default: m.RealRedisPanel })));
const ScenarioEditor = lazy(() => import('./editor/ScenarioEditor.tsx').then((m) => ({ default: m.ScenarioEditor })));
const Gallery = lazy(() => import('./gallery/Gallery.tsx').then((m) => ({ default: m.Gallery })));
const WhatIf = lazy(() => import('./whatif/WhatIf.tsx').then((m) => ({ default: m.WhatIf })));
const LessonPanel = lazy(() => import('./lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
const RunSummaryView = lazy(() => import('./RunSummaryView.tsx').then((m) => ({ default: m.RunSummaryView })));
const StatechartView = lazy(() => import('./statechart/StatechartView.tsx').then((m) => ({ default: m.StatechartView })));

const loading = (what: string) => <p className="muted lazy-loading">Loading {what}…</p>;

/**
 * The playground: the scenario bar, playback, the fault toolbar, then the workspace —
 * topology and timeline on the left, verdict and details on the right — sized to fit a
 * 1280×720 projector without overlap; run details below the fold. The lesson drawer takes
 * the right-hand column (the step's companion panel, the verdict or the details, under it);
 * presenter mode (`?present` or the Present toggle) enlarges the type and hides the editor.
 * With a bridge client, "Real Redis" opens the panel that runs the scenario on real
 * redis-servers; the real run then shows in the same timeline, topology and verdict.
 */
export function App({
  store,
  lessons,
  initialPresent = false,
  bridge = null,
  initialRealOpen = false,
}: {
  store: PlaygroundStore;
  lessons: LessonStore;
  initialPresent?: boolean;
  bridge?: BridgeClient | null;
  /** Opens the Real Redis panel at once (the address named a bridge). */
  initialRealOpen?: boolean;
}) {
  const error = useStore(store, (s) => s.error);
  const run = useStore(store, (s) => s.run);
  const scenario = useStore(store, (s) => s.scenario);
  const faults = useStore(store, (s) => s.scenario?.timeline.length ?? 0);
  const panel = useStore(store, (s) => s.panel);
  const [gallery, setGallery] = useState(false);
  const [whatIf, setWhatIf] = useState(false);
  const [editingChosen, setEditing] = useState(false);
  const [realOpen, setRealOpen] = useState(initialRealOpen && bridge !== null);
  const [searchOpen, setSearchOpen] = useState(false);
  const lessonOpen = useStore(lessons, (s) => s.open);
  const lessonAt = useStore(lessons, (s) => s.at);
  const lessonPhase = useStore(lessons, (s) => s.phase);
  const [present, setPresent] = usePresenter(lessons, initialPresent);
  const editing = editingChosen && !present;
  const lessonShown = lessonOpen && !editing;
  const highlights = lessonShown ? highlightsOf(lessons.getState().lessons, lessonAt) : [];
  const [companion, setCompanion] = useState<Companion>('verdict');
  // Each step (and each phase of it) opens with the panel its text points at under the lesson.
  useEffect(() => setCompanion(companionFor(lessons.getState().lessons, lessonAt, lessonPhase)), [lessons, lessonAt, lessonPhase]);
  const dropOverlay = useFileDrop(store);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const shortcut = shortcutFor(keyInputOf(e));
      if (shortcut === null) return;
      e.preventDefault();
      shortcut(store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <BridgeContext.Provider value={bridge}>
      <main className={`app${present ? ' present' : ''}`} data-highlight={highlights.length === 0 ? undefined : highlights.join(' ')}>
        <div className="screen">
          <header className="topbar">
            <h1>Redlock Playground</h1>
            <ScenarioBar store={store} />
            <button type="button" className="gallery-button" onClick={() => setGallery(true)} aria-haspopup="dialog">
              Gallery
            </button>
            {scenario !== null && (
              <>
                <button type="button" className="gallery-button" onClick={() => setWhatIf(true)} aria-haspopup="dialog">
                  What if…
                </button>
                {!present && (
                  <button
                    type="button"
                    className="gallery-button"
                    onClick={() => {
                      if (!editing) lessons.getState().setOpen(false);
                      setEditing(!editing);
                    }}
                    aria-pressed={editing}
                  >
                    Edit
                  </button>
                )}
              </>
            )}
            <button
              type="button"
              className="gallery-button mode-button"
              onClick={() => setSearchOpen(!searchOpen)}
              aria-expanded={searchOpen}
              aria-controls="search-panel"
              title="Search fault schedules for a run that breaks the lock, and shrink it to the simplest"
            >
              Search
            </button>
            <button
              type="button"
              className="gallery-button mode-button"
              onClick={() => {
                if (!lessonShown) setEditing(false);
                lessons.getState().setOpen(!lessonShown);
              }}
              aria-pressed={lessonShown}
              title="Lessons: guided steps through the classic failures"
            >
              Lessons
            </button>
            <button
              type="button"
              className="gallery-button mode-button"
              onClick={() => setPresent(!present)}
              aria-pressed={present}
              title="Presenter mode: large type, high contrast, PageDown / PageUp step through the lesson"
            >
              Present
            </button>
            {!present && (
              <span className="files">
                <ExportMenu store={store} />
                <ImportButton store={store} />
              </span>
            )}
            {bridge !== null && scenario !== null && (
              <RealRedisButton client={bridge} open={realOpen} onToggle={() => setRealOpen(!realOpen)} />
            )}
            {scenario !== null && <ShareButton store={store} />}
          </header>
          {bridge !== null && realOpen && scenario !== null && (
            <Suspense fallback={loading('the Real Redis panel')}>
              <RealRedisPanel store={store} client={bridge} onClose={() => setRealOpen(false)} />
            </Suspense>
          )}
          {searchOpen && (
            <Suspense fallback={<p className="search-loading">Loading the search…</p>}>
              <SearchPanel store={store} onClose={() => setSearchOpen(false)} />
            </Suspense>
          )}
          <LinkErrorBanner store={store} />
          {error !== null && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {run !== null && scenario !== null && (
            <>
              {bridge !== null && <RealRunStrip store={store} client={bridge} />}
              <div className="bars">
                <PlaybackBar store={store} />
                <EditHistory store={store} />
                <FaultToolbar store={store} />
              </div>
              <div className={`workspace${editing ? ' editing' : ''}${lessonShown ? ' with-lesson' : ''}`}>
                <section className="panel topology-panel" aria-label="Topology">
                  <ViewGuard name="the topology" resetKey={run}>
                    <TopologyView store={store} />
                  </ViewGuard>
                </section>
                <section className="panel timeline-panel" aria-label="Timeline">
                  <ViewGuard name="the timeline" resetKey={run}>
                    <Timeline store={store} />
                  </ViewGuard>
                </section>
                {editing && (
                  <aside className="side editor-side" aria-label="Scenario editor drawer">
                    <div className="editor-head">
                      <strong>Edit the scenario</strong> <span className="muted">— every change re-runs at once</span>
                      <button type="button" onClick={() => setEditing(false)} aria-label="Close the editor">
                        ×
                      </button>
                    </div>
                    <div className="panel editor-panel">
                      <Suspense fallback={loading('the editor')}>
                        <ScenarioEditor store={store} />
                      </Suspense>
                    </div>
                  </aside>
                )}
                <aside className="side" hidden={editing} aria-label={lessonShown ? 'Lesson drawer' : undefined}>
                  {lessonShown && (
                    <>
                      <Suspense fallback={loading('the lesson')}>
                        <LessonPanel playground={store} lessons={lessons} present={present} />
                      </Suspense>
                      <fieldset className="lesson-companion">
                        <legend className="visually-hidden">Shown under the lesson</legend>
                        <button type="button" aria-pressed={companion === 'verdict'} onClick={() => setCompanion('verdict')}>
                          Verdict
                        </button>
                        <button type="button" aria-pressed={companion === 'details'} onClick={() => setCompanion('details')}>
                          Statechart · Faults · About
                        </button>
                        <button type="button" aria-pressed={companion === 'none'} onClick={() => setCompanion('none')}>
                          Lesson only
                        </button>
                      </fieldset>
                    </>
                  )}
                  <section className="panel verdict-panel" hidden={lessonShown && companion !== 'verdict'}>
                    <VerdictComparison store={store} />
                    <ViewGuard name="the verdict" resetKey={run}>
                      <VerdictPanel store={store} />
                    </ViewGuard>
                  </section>
                  <section className="panel details-panel" hidden={lessonShown && companion !== 'details'}>
                    <SidePanels
                      current={panel}
                      onSelect={(id) => store.getState().setPanel(id)}
                      tabs={[
                        {
                          id: 'statechart' as const,
                          label: 'Statechart',
                          content: (
                            <Suspense fallback={loading('the statechart')}>
                              <StatechartView store={store} />
                            </Suspense>
                          ),
                        },
                        { id: 'faults' as const, label: `Faults (${faults})`, content: <FaultList store={store} /> },
                        { id: 'about' as const, label: 'About', content: <AboutPanel store={store} /> },
                      ]}
                    />
                  </section>
                </aside>
              </div>
            </>
          )}
        </div>
        {dropOverlay}
        {gallery && (
          <Modal title="Preset gallery" onClose={() => setGallery(false)} testId="gallery-dialog">
            <Suspense fallback={loading('the gallery')}>
              <Gallery store={store} onClose={() => setGallery(false)} />
            </Suspense>
          </Modal>
        )}
        {whatIf && scenario !== null && (
          <Modal title="What if: the same scenario with one thing changed" onClose={() => setWhatIf(false)} testId="whatif-dialog">
            <Suspense fallback={loading('the what-if view')}>
              <WhatIf store={store} onClose={() => setWhatIf(false)} />
            </Suspense>
          </Modal>
        )}
        {run !== null && scenario !== null && (
          <details className="run-details">
            <summary>Run details: counts, faults, who held the lock, replies, nodes at the end, trace hash</summary>
            <Suspense fallback={loading('the run details')}>
              <RunSummaryView scenario={scenario} summary={run.summary} verdict={run.verdict} runMs={run.runMs} />
            </Suspense>
          </details>
        )}
      </main>
    </BridgeContext.Provider>
  );
}
