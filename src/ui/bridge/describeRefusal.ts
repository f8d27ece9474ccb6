import type { BridgeErrorCode } from '../../protocol/errorCodes.ts';
import type { PendingRequest } from './requests.ts';

/** What to do about each kind of refusal, in a user's words. */
const ADVICE: Record<BridgeErrorCode, string> = {
  'too-large': 'The message was too large for the bridge (256 KiB): a smaller scenario fits.',
  'not-json': 'This page and the bridge do not understand each other: update the one that is older.',
  invalid: 'This page and the bridge disagree on the message: update the one that is older.',
  'unknown-type': 'This bridge does not know that operation: update it.',
  forbidden: 'The bridge runs only its fixed operations.',
  unauthorized: 'Connect again with the token the bridge printed.',
  'rate-limited': 'Too many messages too fast: wait a second and try again.',
  unsupported: 'Real Redis cannot do this on this bridge; the simulation can.',
  conflict: 'Not possible right now: look at the topology and the run’s state, then try again.',
  failed: 'The bridge tried and the host refused: its terminal has the details.',
  internal: 'A bug in the bridge: its terminal says what it was doing.',
};

/** A refusal or failure from the bridge, for the part of the page it concerns. */
export interface Refusal {
  code: BridgeErrorCode;
  /** "Kill node A was refused: node A is already down". */
  text: string;
  advice: string;
}

export function describeRefusal(code: BridgeErrorCode, message: string, request: PendingRequest | null): Refusal {
  const what = request === null ? 'The bridge reported an error' : `${request.label}: refused by the bridge`;
  return { code, text: `${what} (${code}): ${message}`, advice: ADVICE[code] };
}
