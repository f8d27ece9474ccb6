import { BRIDGE_MESSAGE_SCHEMAS, type BridgeMessage } from './bridgeMessages.ts';
import { BRIDGE_FRAME_LIMITS, type FrameLimits } from './limits.ts';
import { type ParseOutcome, parseMessage } from './parseMessage.ts';
import type { FrameData } from './readFrame.ts';

/**
 * A bridge's frame as a bridge message, or a coded error. The browser calls this on every
 * frame: the bridge is another program and may be of another version. Raw-command names
 * are not refused here (trace events describe the commands the bridge ran). Never throws.
 */
export function parseBridgeMessage(data: FrameData, limits: FrameLimits = BRIDGE_FRAME_LIMITS): ParseOutcome<BridgeMessage> {
  return parseMessage<BridgeMessage>(data, limits, { schemas: BRIDGE_MESSAGE_SCHEMAS, reader: 'browser', refuseForbidden: false });
}
