/**
 * Documented limits of the bridge protocol (docs/bridge-protocol.md). The field bounds
 * match the scenario format's (src/scenario/limits.ts, checked by a test) so a fault the
 * simulation accepts is one the bridge accepts; they are copied, not imported, because the
 * protocol is shared with the bridge and stays free of everything beside it.
 */
export const PROTOCOL_LIMITS = {
  /** Longest id of a message (client-chosen or bridge-chosen). */
  messageIdCharsMax: 64,
  /** Longest hello token: a generated token is far shorter; the bound only caps work. */
  tokenCharsMax: 256,
  durationMsMax: 3_600_000,
  latencyMsMax: 600_000,
  clockOffsetMsMax: 86_400_000,
  ttlMsMax: 3_600_000,
  /** A lock key, as the scenario's lock.key allows (src/scenario/schema.ts): 1 to 200 characters. */
  lockKeyCharsMin: 1,
  lockKeyCharsMax: 200,
  partitionGroupsMax: 16,
  partitionGroupSizeMax: 32,
  /** start-run's time scale: scenario milliseconds per wall-clock millisecond. */
  speedMin: 0.1,
  speedMax: 10,
  /** As the scenario format's timeline (src/scenario/limits.ts). */
  timelineEntriesMax: 500,
  /** A lock client's state label (client-state events): the longest a machine prints is under 100. */
  stateLabelCharsMax: 500,
  /** How many times a client may have entered a state before an anchored entry. */
  occurrenceMax: 1_000_000,
  traceEventsPerBatchMax: 10_000,
  errorMessageCharsMax: 2_000,
  verdictNoteCharsMax: 1_000,
  capabilityReasonCharsMax: 500,
  welcomeNodesMax: 32,
} as const;

/** How much of a frame a parser will look at before it refuses it. */
export interface FrameLimits {
  /** Largest frame in bytes (UTF-8), refused before it is decoded or parsed. */
  messageBytesMax: number;
  /** Deepest nesting of arrays and objects, refused before JSON.parse. */
  nestingDepthMax: number;
}

/**
 * What the bridge accepts from a browser. 256 KiB holds any scenario the UI makes (the
 * presets are under 3 KB; a script client with 3,000 raw steps is about 200 KB) and keeps
 * a hostile peer's frame small. A valid client message is at most 9 levels deep
 * (start-run.scenario.clients[].strategy.steps[].argv[]); 64 is a generous margin that
 * keeps every JSON parser far from its stack limit. The bridge should pass the same byte
 * limit to ws as `maxPayload`, so a larger frame is dropped before it is even buffered.
 */
export const CLIENT_FRAME_LIMITS: FrameLimits = { messageBytesMax: 262_144, nestingDepthMax: 64 };

/**
 * What the browser accepts from the bridge: trace batches are the big messages (up to
 * traceEventsPerBatchMax events); the bridge splits longer runs into several batches.
 */
export const BRIDGE_FRAME_LIMITS: FrameLimits = { messageBytesMax: 8_388_608, nestingDepthMax: 64 };
