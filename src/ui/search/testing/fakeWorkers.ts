/**
 * Workers for coordinator tests: each request waits in one queue until the test delivers it,
 * in the order the test chooses (first posted first, last posted first, or shuffled by a
 * seeded generator), so a test can make later chunks finish before earlier ones, as real
 * workers on busy cores do.
 */
import { Prng } from '../../../sim/core/prng.ts';
import type { SearchWorker, WorkerFactory, WorkerHandlers } from '../coordinator.ts';
import type { WorkerRequest } from '../workerProtocol.ts';

export type Order = 'fifo' | 'lifo' | { seed: number };

interface Pending {
  worker: number;
  request: WorkerRequest;
  handlers: WorkerHandlers;
}

export interface FakeWorkers {
  createWorker: WorkerFactory;
  /** Every request posted, in order, with the worker it went to. */
  posted: Array<{ worker: number; request: WorkerRequest }>;
  terminated: Set<number>;
  /** Answers queued requests one at a time in `order` until none is left (or `max` were answered). */
  deliver(order: Order, max?: number): number;
  /** Answers the first queued request that `which` accepts; false when there is none. */
  deliverFirst(which: (request: WorkerRequest, worker: number) => boolean): boolean;
  pending(): number;
}

/** `respond` answers one request (a real handler, or a script); its reply is what the worker posts back. */
export function fakeWorkers(respond: (request: WorkerRequest, worker: number) => unknown): FakeWorkers {
  const queue: Pending[] = [];
  const posted: FakeWorkers['posted'] = [];
  const terminated = new Set<number>();
  let count = 0;
  const createWorker: WorkerFactory = (handlers): SearchWorker => {
    const id = count++;
    return {
      post: (request) => {
        if (terminated.has(id)) throw new Error(`worker ${id} was terminated and then given work`);
        posted.push({ worker: id, request });
        queue.push({ worker: id, request, handlers });
      },
      terminate: () => {
        terminated.add(id);
      },
    };
  };
  const deliver = (order: Order, max = Number.POSITIVE_INFINITY): number => {
    const prng = typeof order === 'object' ? new Prng(order.seed) : null;
    let answered = 0;
    while (queue.length > 0 && answered < max) {
      const at = order === 'fifo' ? 0 : order === 'lifo' ? queue.length - 1 : (prng as Prng).intInclusive(0, queue.length - 1);
      const [job] = queue.splice(at, 1);
      if (job === undefined) break;
      answered++;
      // A terminated worker's answer never arrives.
      if (terminated.has(job.worker)) continue;
      job.handlers.onMessage(respond(job.request, job.worker));
    }
    return answered;
  };
  const deliverFirst = (which: (request: WorkerRequest, worker: number) => boolean): boolean => {
    const at = queue.findIndex((p) => which(p.request, p.worker));
    const [job] = at < 0 ? [] : queue.splice(at, 1);
    if (job === undefined) return false;
    if (!terminated.has(job.worker)) job.handlers.onMessage(respond(job.request, job.worker));
    return true;
  };
  return { createWorker, posted, terminated, deliver, deliverFirst, pending: () => queue.length };
}
