/**
 * Runs a counterexample search over a few workers and shrinks what it finds. Run `i` of a
 * search is a pure function of (spec, i), so the runs can be split into chunks and handed out
 * in order to whichever worker is free; the answer is still the LOWEST failing index, the one
 * `npm run search` finds running them one by one. When a worker finds run k, nothing above k is
 * handed out, chunks above k are abandoned, and the search waits for the chunks below k still
 * running (one of them may fail earlier) before it shrinks the lowest in a worker.
 *
 * Vanilla and injected (the workers, the clock), so it is tested without real workers; the
 * panel only renders the statuses it reports.
 */
import type { Scenario } from '../../sim/model/scenario.ts';
import type { Finding } from '../../search/evaluate.ts';
import type { SearchSpec } from '../../search/spec.ts';
import { parseWorkerReply, type WorkerRequest } from './workerProtocol.ts';

/** A worker as the coordinator sees it: it takes requests and is given handlers for what it says. */
export interface SearchWorker {
  post(request: WorkerRequest): void;
  terminate(): void;
}

export interface WorkerHandlers {
  onMessage(data: unknown): void;
  /** The worker died or could not start (its script failed, an uncaught error). */
  onError(message: string): void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => SearchWorker;

/** A run that breaks the lock, by its index in the search. */
export interface Found {
  index: number;
  finding: Finding;
}

export interface Shrunk {
  index: number;
  faultsBefore: number;
  scenario: Scenario;
  finding: Finding;
  /** Runs the shrinker made. */
  runs: number;
  /** The shrinker's budget ran out: it may shrink further. */
  budgetExhausted: boolean;
}

export interface SearchProgress {
  budget: number;
  /** Runs finished, over all workers (abandoned chunks above a find are not counted). */
  runsDone: number;
  runsPerSecond: number;
  /** Wall time of the search phase so far (shrinking not included). */
  elapsedMs: number;
  /** The lowest failing run found so far; runs below it may still be running. */
  best: Found | null;
}

export type SearchStatus =
  | (SearchProgress & { phase: 'searching' })
  | (SearchProgress & { phase: 'shrinking'; found: Found })
  | (SearchProgress & { phase: 'found'; found: Found; shrunk: Shrunk })
  /** The budget is spent and no run broke the lock. */
  | (SearchProgress & { phase: 'exhausted' })
  | (SearchProgress & { phase: 'stopped' })
  | (SearchProgress & { phase: 'failed'; error: string });

export interface SearchOptions {
  spec: SearchSpec;
  /** How many workers to run (at least 1). */
  workers: number;
  createWorker: WorkerFactory;
  onChange: (status: SearchStatus) => void;
  /** Wall-clock ms, for runs per second. */
  now: () => number;
  /** Largest chunk handed to a worker (the first ones are smaller: see chunkRuns). */
  chunkRunsMax?: number;
}

export interface SearchHandle {
  /** Terminates the workers; the status says how many runs were done. A no-op once finished. */
  stop(): void;
  status(): SearchStatus;
}

export const CHUNK_RUNS_MAX = 200;
const CHUNK_RUNS_MIN = 25;

/**
 * The size of the chunk that starts at run `from`: small at first, so an easy counterexample
 * and the first progress show at once, then up to `max`, so messages stay rare.
 */
export function chunkRuns(from: number, max: number = CHUNK_RUNS_MAX): number {
  return Math.max(1, Math.min(max, Math.max(CHUNK_RUNS_MIN, Math.floor(from / 2))));
}

/** How many workers to start: one per core, at most four, at least one. */
export function workerCountFor(hardwareConcurrency: number | undefined): number {
  const cores = hardwareConcurrency !== undefined && Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency) : 2;
  return Math.min(4, Math.max(1, cores));
}

type Job = { kind: 'chunk'; from: number; to: number } | { kind: 'shrink'; index: number };

interface Slot {
  worker: SearchWorker | null;
  job: Job | null;
}

export function startSearch(o: SearchOptions): SearchHandle {
  if (!(Number.isInteger(o.workers) && o.workers >= 1)) throw new Error(`a search needs at least one worker, got ${o.workers}`);
  const { spec } = o;
  const chunkMax = o.chunkRunsMax ?? CHUNK_RUNS_MAX;
  const startedMs = o.now();
  let searchEndedMs: number | null = null;
  let next = 0;
  let runsDone = 0;
  let best: Found | null = null;
  let status: SearchStatus;
  const slots: Slot[] = [];

  const progress = (): SearchProgress => {
    const elapsedMs = (searchEndedMs ?? o.now()) - startedMs;
    return { budget: spec.runs, runsDone, runsPerSecond: elapsedMs > 0 ? (runsDone * 1000) / elapsedMs : 0, elapsedMs, best };
  };
  const finished = () => status.phase !== 'searching' && status.phase !== 'shrinking';
  const emit = (s: SearchStatus) => {
    status = s;
    o.onChange(s);
  };
  const release = (slot: Slot) => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.job = null;
  };
  const end = (phase: 'exhausted' | 'stopped') => {
    searchEndedMs ??= o.now();
    slots.forEach(release);
    emit({ ...progress(), phase });
  };
  const fail = (error: string) => {
    searchEndedMs ??= o.now();
    slots.forEach(release);
    emit({ ...progress(), phase: 'failed', error });
  };

  /** Gives a free worker the next chunk, if any is left below the limit. */
  const dispatch = (slot: Slot) => {
    const limit = best === null ? spec.runs : best.index;
    if (slot.worker === null || next >= limit) return;
    const from = next;
    const to = Math.min(limit, from + chunkRuns(from, chunkMax));
    next = to;
    slot.job = { kind: 'chunk', from, to };
    slot.worker.post({ type: 'search', spec, from, to });
  };

  const afterChunk = (slot: Slot) => {
    if (best === null) {
      dispatch(slot);
      if (slots.every((s) => s.job === null)) end('exhausted');
      else emit({ ...progress(), phase: 'searching' });
      return;
    }
    const found = best;
    // Chunks above the find cannot beat it: stop them and give their cores to the rest.
    for (const s of slots) if (s.job?.kind === 'chunk' && s.job.from > found.index) release(s);
    if (slots.some((s) => s.job?.kind === 'chunk')) {
      emit({ ...progress(), phase: 'searching' });
      return;
    }
    // Every run below the find is done: it is the lowest. Shrink it on this worker, alone.
    searchEndedMs = o.now();
    for (const s of slots) if (s !== slot) release(s);
    slot.job = { kind: 'shrink', index: found.index };
    emit({ ...progress(), phase: 'shrinking', found });
    slot.worker?.post({ type: 'shrink', spec, index: found.index });
  };

  const receive = (slot: Slot, data: unknown) => {
    if (finished() || slot.worker === null) return; // stopped, failed or abandoned: late news
    const parsed = parseWorkerReply(data);
    if (!parsed.ok) return fail(parsed.error);
    const reply = parsed.value;
    if (reply.type === 'error') return fail(reply.message);
    const job = slot.job;
    if (reply.type === 'chunk') {
      if (job?.kind !== 'chunk' || job.from !== reply.from || job.to !== reply.to) {
        return fail(`a search worker answered for runs ${reply.from}–${reply.to}, which it was not given`);
      }
      slot.job = null;
      runsDone += reply.runs;
      if (reply.found !== null && (best === null || reply.found.index < best.index)) best = reply.found;
      return afterChunk(slot);
    }
    if (job?.kind !== 'shrink' || job.index !== reply.index) {
      return fail(`a search worker sent a shrunk run #${reply.index}, which it was not asked for`);
    }
    slot.job = null;
    const found = best ?? { index: reply.index, finding: reply.finding };
    slots.forEach(release);
    emit({ ...progress(), phase: 'found', found, shrunk: reply });
  };

  status = { ...progress(), phase: 'searching' };
  try {
    for (let i = 0; i < o.workers; i++) {
      const slot: Slot = { worker: null, job: null };
      slots.push(slot);
      slot.worker = o.createWorker({
        onMessage: (data) => receive(slot, data),
        onError: (message) => {
          if (!finished() && slot.worker !== null) fail(`a search worker stopped: ${message}`);
        },
      });
    }
  } catch (e) {
    fail(`the search workers could not start: ${e instanceof Error ? e.message : String(e)}`);
    return { stop: () => {}, status: () => status };
  }
  emit(status);
  for (const slot of slots) dispatch(slot);
  return {
    stop: () => {
      if (!finished()) end('stopped');
    },
    status: () => status,
  };
}
