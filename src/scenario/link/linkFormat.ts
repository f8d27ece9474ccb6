/**
 * The shareable link's fragment: `#v1.<payload>` where payload = base64url(raw DEFLATE(UTF-8
 * JSON of a LinkDocument)). The scenario travels complete (defaults filled in), so a link
 * reproduces the same run even if a later version changes a default. docs/scenario-format.md
 * ("Links") is the reference.
 */
import type { Scenario } from '../../sim/model/scenario.ts';

/** The current link format version. Older versions are migrated on decode (migrations.ts). */
export const LINK_VERSION = 1;

/** What a link carries besides the scenario: where the user was and what they were looking at. */
export interface LinkView {
  /** The selected process (topology card, statechart), or null. */
  selected: string | null;
  /** The open side tab. */
  panel: LinkPanel;
}

export const LINK_PANELS = ['about', 'statechart', 'faults'] as const;
export type LinkPanel = (typeof LINK_PANELS)[number];

export interface LinkDocument {
  scenario: Scenario;
  /** The cursor's true time, ms. */
  cursorMs: number;
  view: LinkView;
}

/** Longest fragment we read (characters): far above any real scenario (≈1,600), far below a problem. */
export const LINK_CHARS_MAX = 64_000;
/** Largest JSON a link may inflate to (bytes): a guard against a compressed bomb. */
export const LINK_JSON_BYTES_MAX = 1_000_000;
