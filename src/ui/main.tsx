import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { DEFAULT_EXAMPLE_ID } from './examples.ts';
import { createPlaygroundStore } from './store.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const store = createPlaygroundStore(DEFAULT_EXAMPLE_ID);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
