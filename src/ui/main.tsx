import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bridgeUrlFromSearch } from './bridge/bridgeAddress.ts';
import { createBridgeClient } from './bridge/bridgeClient.ts';
import { DEFAULT_EXAMPLE_ID } from './examples.ts';
import { LESSONS } from './lessons/lessonIndex.ts';
import { openFragment, syncLessonAddress } from './lessons/lessonRoute.ts';
import { createLessonStore } from './lessons/lessonStore.ts';
import { pageModeOf } from './lessons/pageMode.ts';
import { browserStorage } from './lessons/progress.ts';
import { startPlayer } from './player.ts';
import { fragmentOf } from './share/openLink.ts';
import { createPlaygroundStore } from './store/playgroundStore.ts';
import { applyTheme, initialTheme } from './theme.ts';
import './styles.css';

// Embed mode (`?embed`) is the rarer page: its view loads only there.
const EmbedView = lazy(() => import('./lessons/EmbedView.tsx').then((m) => ({ default: m.EmbedView })));

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const mode = pageModeOf(window.location.search);
const store = createPlaygroundStore(DEFAULT_EXAMPLE_ID, initialTheme());
applyTheme(store.getState().theme);
store.subscribe((s, prev) => {
  if (s.theme !== prev.theme) applyTheme(s.theme);
});
const lessons = createLessonStore(store, LESSONS, browserStorage());
syncLessonAddress(lessons);
startPlayer(store);
// `npm run bridge` prints a link with the bridge's address in it: the panel opens with it filled in.
const bridgeUrl = bridgeUrlFromSearch(window.location.search);
const bridge = createBridgeClient(store, { pageOrigin: window.location.origin, ...(bridgeUrl === null ? {} : { initialUrl: bridgeUrl }) });
// A link opens what it carries: '#lesson=<id>/<step>' a lesson step, '#v1.…' a shared scenario
// at its cursor; a link pasted into this tab later does too.
openFragment(store, lessons, fragmentOf(window.location.hash));
window.addEventListener('hashchange', () => openFragment(store, lessons, fragmentOf(window.location.hash)));
createRoot(root).render(
  <StrictMode>
    {mode.embed ? (
      <Suspense fallback={null}>
        <EmbedView store={store} lessons={lessons} />
      </Suspense>
    ) : (
      <App store={store} lessons={lessons} initialPresent={mode.present} bridge={bridge} initialRealOpen={bridgeUrl !== null} />
    )}
  </StrictMode>,
);
