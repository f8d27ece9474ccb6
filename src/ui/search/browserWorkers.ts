/**
 * The coordinator's workers in the browser: module workers running searchWorker.ts (Vite bundles
 * it as its own file from the `new URL(…, import.meta.url)` form, so none of it is in the page's
 * first download).
 */
import type { WorkerFactory } from './coordinator.ts';

export const createBrowserWorker: WorkerFactory = (handlers) => {
  const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search' });
  worker.onmessage = (e: MessageEvent<unknown>) => handlers.onMessage(e.data);
  worker.onmessageerror = () => handlers.onMessage({ type: 'error', message: 'a message from a search worker could not be read' });
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    handlers.onError(e.message || 'its script could not be loaded');
  };
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
};
