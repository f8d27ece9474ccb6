import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { AboutPanel } from './AboutPanel.tsx';
import { PlaybackBar } from './controls/PlaybackBar.tsx';
import { ScenarioBar } from './controls/ScenarioBar.tsx';
import { ScenarioEditor } from './editor/ScenarioEditor.tsx';
import { ExportMenu, ImportButton, useFileDrop } from './export/index.ts';
import { EditHistory } from './faults/EditHistory.tsx';
import { FaultList } from './faults/FaultList.tsx';
import { FaultToolbar } from './faults/FaultToolbar.tsx';
import { Gallery } from './gallery/Gallery.tsx';
import { keyInputOf, shortcutFor } from './keyboard.ts';
import { Modal } from './Modal.tsx';
import { WhatIf } from './whatif/WhatIf.tsx';
import { RunSummaryView } from './RunSummaryView.tsx';
import { LinkErrorBanner } from './share/LinkErrorBanner.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { SidePanels } from './SidePanels.tsx';
import { StatechartView } from './statechart/StatechartView.tsx';
import type { PlaygroundStore } from './store/playgroundStore.ts';
import { Timeline } from './timeline/Timeline.tsx';
import { TopologyView } from './topology/TopologyView.tsx';
import { VerdictPanel } from './verdict/VerdictPanel.tsx';

/**
 * The playground: the scenario bar, playback, the fault toolbar, then the workspace —
 * topology and timeline on the left, verdict and details on the right — sized to fit a
 * 1280×720 projector without overlap; run details below the fold.
 */
export function App({ store }: { store: PlaygroundStore }) {
  const error = useStore(store, (s) => s.error);
  const run = useStore(store, (s) => s.run);
  const scenario = useStore(store, (s) => s.scenario);
  const faults = useStore(store, (s) => s.scenario?.timeline.length ?? 0);
  const panel = useStore(store, (s) => s.panel);
  const [gallery, setGallery] = useState(false);
  const [whatIf, setWhatIf] = useState(false);
  const [editing, setEditing] = useState(false);
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
    <main className="app">
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
              <button type="button" className="gallery-button" onClick={() => setEditing((e) => !e)} aria-pressed={editing}>
                Edit
              </button>
            </>
          )}
          <span className="files">
            <ExportMenu store={store} />
            <ImportButton store={store} />
          </span>
          {scenario !== null && <ShareButton store={store} />}
        </header>
        <LinkErrorBanner store={store} />
        {error !== null && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {run !== null && scenario !== null && (
          <>
            <div className="bars">
              <PlaybackBar store={store} />
              <EditHistory store={store} />
              <FaultToolbar store={store} />
            </div>
            <div className={`workspace${editing ? ' editing' : ''}`}>
              <section className="panel topology-panel" aria-label="Topology">
                <TopologyView store={store} />
              </section>
              <section className="panel timeline-panel" aria-label="Timeline">
                <Timeline store={store} />
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
                    <ScenarioEditor store={store} />
                  </div>
                </aside>
              )}
              <aside className="side" hidden={editing}>
                <section className="panel verdict-panel">
                  <VerdictPanel store={store} />
                </section>
                <section className="panel details-panel">
                  <SidePanels
                    current={panel}
                    onSelect={(id) => store.getState().setPanel(id)}
                    tabs={[
                      { id: 'statechart' as const, label: 'Statechart', content: <StatechartView store={store} /> },
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
          <Gallery store={store} onClose={() => setGallery(false)} />
        </Modal>
      )}
      {whatIf && scenario !== null && (
        <Modal title="What if: the same scenario with one thing changed" onClose={() => setWhatIf(false)} testId="whatif-dialog">
          <WhatIf store={store} onClose={() => setWhatIf(false)} />
        </Modal>
      )}
      {run !== null && scenario !== null && (
        <details className="run-details">
          <summary>Run details: counts, faults, who held the lock, replies, nodes at the end, trace hash</summary>
          <RunSummaryView scenario={scenario} summary={run.summary} verdict={run.verdict} runMs={run.runMs} />
        </details>
      )}
    </main>
  );
}
