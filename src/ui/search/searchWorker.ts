/**
 * The search worker's entry (its own bundle, started by browserWorkers.ts): each message is a
 * chunk of runs or a counterexample to shrink, answered with one reply (workerHandler.ts).
 */
import { createRequestHandler } from './workerHandler.ts';
import type { WorkerReply } from './workerProtocol.ts';

/** The part of a dedicated worker's global scope used here (the project's types are the page's, not the worker's). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(reply: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const handle = createRequestHandler();
scope.onmessage = (e) => scope.postMessage(handle(e.data));
