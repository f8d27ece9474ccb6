import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { DEFAULT_EXAMPLE_ID } from './examples.ts';
import { startPlayer } from './player.ts';
import { fragmentOf, openLink } from './share/openLink.ts';
import { createPlaygroundStore } from './store/playgroundStore.ts';
import { applyTheme, initialTheme } from './theme.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const store = createPlaygroundStore(DEFAULT_EXAMPLE_ID, initialTheme());
applyTheme(store.getState().theme);
store.subscribe((s, prev) => {
  if (s.theme !== prev.theme) applyTheme(s.theme);
});
startPlayer(store);
// A shared link opens its scenario at its cursor; a link pasted into this tab later does too.
openLink(store, fragmentOf(window.location.hash));
window.addEventListener('hashchange', () => openLink(store, fragmentOf(window.location.hash)));
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
