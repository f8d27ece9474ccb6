import { formatIssues } from '../scenario/issues.ts';
import { parseScenario } from '../scenario/parse.ts';
import { findPreset } from '../scenario/presets/index.ts';
import { timelineTarget } from '../scenario/timelineTarget.ts';
import type { Scenario, TimelineEntry } from '../sim/model/scenario.ts';
import type { StepAction, StepScenario } from './model.ts';

/** The validated scenario a step loads: its preset, with the step's fencing and timeline changes. Throws on a bad lesson (a bug, caught by tests). */
export function stepScenario(spec: StepScenario): Scenario {
  const preset = findPreset(spec.preset);
  if (preset === undefined) throw new Error(`lesson step: no preset ${spec.preset}`);
  const raw = preset.scenario as { timeline?: unknown[] } & Record<string, unknown>;
  const kept = (raw.timeline ?? []).filter((_, i) => !(spec.drop ?? []).includes(i));
  const doc = { ...raw, ...(spec.fencing !== undefined ? { fencing: spec.fencing } : {}), timeline: [...kept, ...(spec.add ?? [])] };
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(`lesson step on ${spec.preset}: invalid scenario\n${formatIssues(parsed.issues)}`);
  return parsed.value;
}

function durationOf(entry: TimelineEntry): number | null {
  return 'durationMs' in entry ? entry.durationMs : null;
}

/**
 * The entry of `current`'s timeline that the learner added and that does what the action
 * asks, or null. Entries already in the step's own scenario do not count.
 */
export function actionTaken(action: StepAction, base: Scenario, current: Scenario): TimelineEntry | null {
  const before = new Set(base.timeline.map((e) => JSON.stringify(e)));
  for (const entry of current.timeline) {
    if (before.has(JSON.stringify(entry))) continue;
    if (entry.kind !== action.kind) continue;
    if (action.target !== undefined && timelineTarget(entry) !== action.target) continue;
    if (action.atMsMin !== undefined && entry.atMs < action.atMsMin) continue;
    if (action.atMsMax !== undefined && entry.atMs > action.atMsMax) continue;
    const d = durationOf(entry);
    if (action.durationMsMin !== undefined && (d === null || d < action.durationMsMin)) continue;
    return entry;
  }
  return null;
}
