/**
 * A lesson is data: ordered steps, each loading a scenario (a preset, possibly changed) at a
 * cursor, with narrative text citing its sources, optionally an action the learner must take
 * (detected from the scenario they end up with), optionally a prediction asked before the
 * reveal, highlights of the screen, and claims about the run that are CHECKED against the
 * engine and checker at run time (claims.ts) — never stored results.
 */
import type { Fencing, TimelineEntry } from '../sim/model/scenario.ts';

/** A source from ../shared/redlock-spec.md's list, e.g. "DL" (redis.io distributed locks), "MK" (Kleppmann), "AZ" (antirez). */
export type SourceId = string;

/** The scenario a step loads: a preset, optionally with another fencing mode and extra timeline entries. */
export interface StepScenario {
  preset: string;
  fencing?: Fencing;
  /** Extra faults appended to the preset's timeline. */
  add?: TimelineEntry[];
  /** Timeline entries of the preset to drop (by index), e.g. "the same run without the pause". */
  drop?: number[];
}

/** Something the learner must do before the reveal, detected from the scenario's timeline. */
export interface StepAction {
  /** What the page asks, e.g. "Kill the master now (Faults → Kill the master, or the kill button on M's card)." */
  prompt: string;
  /** The fault kind that satisfies it. */
  kind: TimelineEntry['kind'];
  /** Optional constraints on the injected entry. */
  target?: string;
  atMsMin?: number;
  atMsMax?: number;
  durationMsMin?: number;
  /** One entry that satisfies the action: what "Show me" injects, and what the lesson tests do. */
  example: TimelineEntry;
}

/** A question answered before the reveal; the right answer is computed from the run (`answer` is a claim). */
export interface StepPrediction {
  question: string;
  /** The option that is right when `answer` holds; the other is right otherwise. */
  yes: string;
  no: string;
  answer: Claim;
}

/**
 * A statement about a run that the step's text relies on. Evaluated on the run the learner
 * sees (claims.ts); a lesson whose text and run disagree is flagged (and fails its test).
 */
export type Claim =
  | { kind: 'safe'; value: boolean }
  | { kind: 'violation'; clients: [string, string] }
  | { kind: 'no-violation' }
  | { kind: 'stale-writes'; min: number }
  | { kind: 'no-stale-writes' }
  | { kind: 'fencing-rejections'; min: number }
  | { kind: 'acquisitions'; count: number }
  | { kind: 'acquired'; client: string }
  | { kind: 'never-acquired'; client: string }
  | { kind: 'deadlocked'; value: boolean }
  | { kind: 'attempt-failed'; client: string; reason: string }
  | { kind: 'failover' }
  | { kind: 'lock-extended'; client: string; min: number };

/** Parts of the screen a step points at (the UI outlines them). */
export type Highlight = 'topology' | 'timeline' | 'verdict' | 'statechart' | 'faults' | 'playback';

export interface LessonStep {
  id: string;
  title: string;
  /** Short narrative, plain text with paragraphs separated by blank lines. */
  text: string;
  sources: SourceId[];
  scenario: StepScenario;
  /** Where the cursor starts (ms). */
  cursorMs: number;
  action?: StepAction;
  prediction?: StepPrediction;
  /** Shown after the action / prediction (or at once when there is neither). */
  reveal: string;
  /** What the reveal's text claims about the run; all must hold. */
  claims: Claim[];
  highlights?: Highlight[];
  /** Select this process when the step opens (statechart, topology). */
  select?: string;
}

export interface Lesson {
  id: string;
  /** Order in the table of contents, 1-based. */
  number: number;
  title: string;
  summary: string;
  steps: LessonStep[];
}
