import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchSpec } from '../../search/spec.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { createBrowserWorker } from './browserWorkers.ts';
import { type SearchHandle, type SearchStatus, startSearch, workerCountFor } from './coordinator.ts';
import { type Loaded, loadCounterexample } from './loadCounterexample.ts';

export interface SearchSession {
  /** The spec of the search shown (the last one started), or null before any. */
  spec: SearchSpec | null;
  status: SearchStatus | null;
  /** The counterexample as put on the timeline, with its link; null until one is. */
  loaded: Loaded | null;
  workers: number;
  start(spec: SearchSpec): void;
  stop(): void;
}

/**
 * One search at a time in real workers, its statuses as React state; a counterexample goes on
 * the timeline the moment it is shrunk. Closing the panel (unmounting) stops a running search.
 */
export function useSearchSession(store: PlaygroundStore): SearchSession {
  const handle = useRef<SearchHandle | null>(null);
  const [spec, setSpec] = useState<SearchSpec | null>(null);
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const workers = workerCountFor(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
  useEffect(() => () => handle.current?.stop(), []);
  const start = useCallback(
    (next: SearchSpec) => {
      handle.current?.stop();
      setSpec(next);
      setLoaded(null);
      handle.current = startSearch({
        spec: next,
        workers,
        createWorker: createBrowserWorker,
        now: () => performance.now(),
        onChange: (s) => {
          setStatus(s);
          if (s.phase === 'found') setLoaded(loadCounterexample(store, s.shrunk.scenario, s.shrunk.finding));
        },
      });
    },
    [store, workers],
  );
  const stop = useCallback(() => handle.current?.stop(), []);
  return { spec, status, loaded, workers, start, stop };
}
