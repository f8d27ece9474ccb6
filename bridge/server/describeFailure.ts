import type { BridgeErrorCode } from '../../src/protocol/errorCodes.ts';
import { RunError } from '../run/runTypes.ts';

export interface Failure {
  code: BridgeErrorCode;
  message: string;
  /** True for a bug in the bridge (not a refusal): the server logs these. */
  internal: boolean;
}

/**
 * What the user is told when the backend throws: a RunError is a refusal the backend
 * worded for the user (its code and message as they are); anything else is a bug, told as
 * `internal` with what the bridge was doing, so a report names the operation.
 */
export function describeFailure(error: unknown, doing: string): Failure {
  if (error instanceof RunError) return { code: error.code, message: error.message, internal: false };
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal', message: `internal error while ${doing}: ${what}`, internal: true };
}
