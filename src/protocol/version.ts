import { describeValue } from './describeValue.ts';

/**
 * The bridge protocol's version. `hello` carries it and `welcome` repeats it; a change
 * that an older browser or bridge could misread (a renamed field, a new required one)
 * bumps it, so the two sides refuse each other with a clear message instead of guessing.
 */
export const PROTOCOL_VERSION = 1 as const;

/** Why a `protocol` field was refused: missing, or a version this side does not speak. */
export function versionMessage(received: unknown, speaker: 'bridge' | 'browser'): string {
  if (received === undefined) return `missing; this ${speaker} speaks protocol version ${PROTOCOL_VERSION}`;
  return `unsupported protocol version ${describeValue(received)}; this ${speaker} speaks version ${PROTOCOL_VERSION}`;
}
