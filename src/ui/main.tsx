import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createPlaygroundStore } from './store.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const store = createPlaygroundStore('default');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
