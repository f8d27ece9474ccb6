import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../search/baseScenario.ts';
import { searchChunk } from '../../search/search.ts';
import { shrink } from '../../search/shrink.ts';
import { parseSearchSpec, type SearchSpec, type SearchSpecInput } from '../../search/spec.ts';
import { chunkRuns, type SearchStatus, startSearch, workerCountFor } from './coordinator.ts';
import { fakeWorkers, type Order } from './testing/fakeWorkers.ts';
import { createRequestHandler } from './workerHandler.ts';
import type { WorkerRequest } from './workerProtocol.ts';

function spec(input: SearchSpecInput): SearchSpec {
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.spec;
}

/** A clock that moves 10 ms each time it is read. */
function tickingClock() {
  let t = 0;
  return () => (t += 10);
}

/** Runs a whole search on fake workers that use the real worker code, answering in `order`. */
function searchWith(s: SearchSpec, workers: number, order: Order, chunkRunsMax?: number) {
  // Each fake worker has its own handler (its own cache), as each real worker does.
  const handlers = new Map<number, ReturnType<typeof createRequestHandler>>();
  const fake = fakeWorkers((request, worker) => {
    if (!handlers.has(worker)) handlers.set(worker, createRequestHandler());
    return handlers.get(worker)?.(request);
  });
  const statuses: SearchStatus[] = [];
  const handle = startSearch({
    spec: s,
    workers,
    createWorker: fake.createWorker,
    onChange: (st) => statuses.push(st),
    now: tickingClock(),
    ...(chunkRunsMax === undefined ? {} : { chunkRunsMax }),
  });
  fake.deliver(order);
  return { fake, statuses, final: handle.status() };
}

/** What `npm run search` does: runs 0, 1, 2 … in order, then shrinks the first that fails. */
function sequential(s: SearchSpec) {
  const chunk = searchChunk(s, 0, s.runs);
  if (chunk.found === null) return null;
  return { index: chunk.found.index, shrunk: shrink(chunk.found.scenario, chunk.found.finding) };
}

describe('the search coordinator', () => {
  const jumps = spec({ strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 1 });
  const expected = sequential(jumps);

  it.each([
    ['two workers, answers in order', 2, 'fifo' as Order],
    ['two workers, the latest chunk answers first', 2, 'lifo' as Order],
    ['three workers, answers shuffled', 3, { seed: 5 } as Order],
    ['four workers, answers shuffled another way', 4, { seed: 11 } as Order],
  ])('finds and shrinks the same counterexample as the sequential search: %s', (_, workers, order) => {
    expect(expected).not.toBeNull();
    const { final, fake } = searchWith(jumps, workers, order, 10);
    expect(final.phase).toBe('found');
    if (final.phase !== 'found' || expected === null) return;
    expect(final.found.index).toBe(expected.index);
    expect(final.shrunk.scenario).toEqual(expected.shrunk.scenario);
    expect(final.shrunk.finding).toEqual(expected.shrunk.finding);
    expect(final.shrunk.scenario.timeline).toHaveLength(1);
    // Every run below the counterexample was checked; the workers are gone.
    expect(final.runsDone).toBeGreaterThan(expected.index);
    expect(fake.terminated.size).toBe(workers);
  });

  it('the same for another seed, with the default chunk sizes', () => {
    const s = spec({ strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 3 });
    const want = sequential(s);
    const { final } = searchWith(s, 2, 'lifo');
    expect(final.phase === 'found' && want !== null && final.found.index === want.index).toBe(true);
    if (final.phase === 'found') expect(final.shrunk.scenario).toEqual(want?.shrunk.scenario);
  });

  it('when nothing breaks the lock, spends the whole budget and says so', () => {
    const s = spec({ strategy: 'redlock', fencing: 'token', faults: { kinds: ['pause-client'] }, runs: 300, seed: 7 });
    const { final, statuses } = searchWith(s, 2, { seed: 2 });
    expect(final.phase).toBe('exhausted');
    expect(final.runsDone).toBe(300);
    expect(final.best).toBeNull();
    // The progress only grows, and the last report before the end is below the budget.
    const done = statuses.map((st) => st.runsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(statuses.filter((st) => st.phase === 'searching').length).toBeGreaterThan(3);
  });

  it('a later chunk finding first does not win: it waits for the chunks below and takes the lowest failing run', () => {
    // Runs 57 and 130 fail. The chunk holding 57 is held back while the other worker runs on and finds 130.
    const failing = [57, 130];
    const finding = (atMs: number) => ({ kind: 'exclusion', atMs, clients: ['C1', 'C2'] });
    const fake = fakeWorkers((r: WorkerRequest) => {
      if (r.type === 'shrink') {
        return {
          type: 'shrunk',
          index: r.index,
          faultsBefore: 2,
          scenario: baseScenario(jumps),
          finding: finding(r.index),
          runs: 9,
          budgetExhausted: false,
        };
      }
      const index = failing.find((i) => i >= r.from && i < r.to);
      const runs = index === undefined ? r.to - r.from : index - r.from + 1;
      return { type: 'chunk', from: r.from, to: r.to, runs, found: index === undefined ? null : { index, finding: finding(index) } };
    });
    const statuses: SearchStatus[] = [];
    const handle = startSearch({
      spec: jumps,
      workers: 2,
      createWorker: fake.createWorker,
      onChange: (s) => statuses.push(s),
      now: tickingClock(),
      chunkRunsMax: 50,
    });
    const holds57 = (r: WorkerRequest) => r.type === 'search' && r.from <= 57 && 57 < r.to;
    while (fake.deliverFirst((r) => !holds57(r))) {}
    expect(handle.status()).toMatchObject({ phase: 'searching', best: { index: 130 } });
    // Nothing at or above 130 was handed out once it was found, and nothing is shrunk yet.
    const searches = fake.posted.flatMap((p) => (p.request.type === 'search' ? [p.request] : []));
    expect(Math.max(...searches.map((r) => r.from))).toBeLessThanOrEqual(130);
    expect(fake.posted.some((p) => p.request.type === 'shrink')).toBe(false);
    fake.deliver('fifo');
    const final = handle.status();
    expect(final).toMatchObject({ phase: 'found', found: { index: 57 }, best: { index: 57 } });
    expect(fake.posted.flatMap((p) => (p.request.type === 'shrink' ? [p.request.index] : []))).toEqual([57]);
  });

  it('Stop terminates every worker, says how many runs were done, and ignores answers still on their way', () => {
    const s = spec({ strategy: 'redlock', fencing: 'token', faults: { kinds: ['pause-client'] }, runs: 10_000, seed: 7 });
    const worker = createRequestHandler();
    const fake = fakeWorkers((r) => worker(r));
    const statuses: SearchStatus[] = [];
    const handle = startSearch({
      spec: s,
      workers: 2,
      createWorker: fake.createWorker,
      onChange: (st) => statuses.push(st),
      now: tickingClock(),
    });
    fake.deliver('fifo', 5);
    const before = handle.status().runsDone;
    expect(before).toBeGreaterThan(0);
    handle.stop();
    expect(handle.status().phase).toBe('stopped');
    expect(handle.status().runsDone).toBe(before);
    expect(fake.terminated.size).toBe(2);
    const reported = statuses.length;
    fake.deliver('fifo');
    expect(statuses.length).toBe(reported);
    handle.stop(); // twice is fine
    expect(handle.status().phase).toBe('stopped');
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'progress', runs: 3 }],
    ['a chunk it was not given', { type: 'chunk', from: 500, to: 525, runs: 25, found: null }],
    ['more runs than the chunk has', { type: 'chunk', from: 0, to: 25, runs: 26, found: null }],
    [
      'a find outside its chunk',
      { type: 'chunk', from: 0, to: 25, runs: 1, found: { index: 99, finding: { kind: 'exclusion', atMs: 1, clients: ['C1', 'C2'] } } },
    ],
    [
      'a finding of an unknown kind',
      { type: 'chunk', from: 0, to: 25, runs: 1, found: { index: 0, finding: { kind: 'bad', atMs: 1, clients: ['C1', 'C2'] } } },
    ],
  ])('a malformed message (%s) ends the search with a visible error, not a crash', (_, message) => {
    const fake = fakeWorkers(() => message);
    const statuses: SearchStatus[] = [];
    const handle = startSearch({
      spec: jumps,
      workers: 2,
      createWorker: fake.createWorker,
      onChange: (s) => statuses.push(s),
      now: tickingClock(),
    });
    expect(() => fake.deliver('fifo')).not.toThrow();
    const final = handle.status();
    expect(final.phase).toBe('failed');
    if (final.phase === 'failed') expect(final.error).toMatch(/search worker/);
    expect(fake.terminated.size).toBe(2);
  });

  it('a shrunk scenario that is not a valid scenario is refused', () => {
    const fake = fakeWorkers((r) =>
      r.type === 'search'
        ? {
            type: 'chunk',
            from: r.from,
            to: r.to,
            runs: 1,
            found: { index: r.from, finding: { kind: 'exclusion', atMs: 5, clients: ['C1', 'C2'] } },
          }
        : {
            type: 'shrunk',
            index: r.index,
            faultsBefore: 1,
            scenario: { version: 1, nodes: 'A' },
            finding: { kind: 'exclusion', atMs: 5, clients: ['C1', 'C2'] },
            runs: 3,
            budgetExhausted: false,
          },
    );
    const handle = startSearch({ spec: jumps, workers: 1, createWorker: fake.createWorker, onChange: () => {}, now: tickingClock() });
    fake.deliver('fifo');
    const final = handle.status();
    expect(final.phase === 'failed' && final.error).toMatch(/invalid scenario/);
  });

  it('a worker that dies or cannot start ends the search with the reason', () => {
    let onError: ((m: string) => void) | null = null;
    const handle = startSearch({
      spec: jumps,
      workers: 1,
      createWorker: (h) => {
        onError = h.onError;
        return { post: () => {}, terminate: () => {} };
      },
      onChange: () => {},
      now: tickingClock(),
    });
    (onError as ((m: string) => void) | null)?.('Uncaught RangeError');
    expect(handle.status().phase === 'failed' && handle.status()).toMatchObject({ error: 'a search worker stopped: Uncaught RangeError' });
    const broken = startSearch({
      spec: jumps,
      workers: 2,
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
      onChange: () => {},
      now: tickingClock(),
    });
    expect(broken.status()).toMatchObject({ phase: 'failed', error: 'the search workers could not start: Worker is not defined' });
  });

  it('hands out small chunks first, then chunks of at most the maximum; one worker per core, one to four', () => {
    expect([0, 25, 50, 100, 300, 1000, 100_000].map((from) => chunkRuns(from))).toEqual([25, 25, 25, 50, 150, 200, 200]);
    expect(chunkRuns(0, 10)).toBe(10);
    expect([undefined, 0, 1, 2, 3, 8, 64].map(workerCountFor)).toEqual([2, 1, 1, 2, 3, 4, 4]);
  });
});
