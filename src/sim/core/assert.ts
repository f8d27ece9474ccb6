/** Thrown when an engine invariant is broken: a bug in the engine, never bad user input. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Asserts a precondition or invariant (TigerBeetle style: crash loudly on a broken model). */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
