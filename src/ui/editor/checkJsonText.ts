import type { ValidationIssue } from '../../scenario/issues.ts';
import { parseScenarioJson } from '../../scenario/parse.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { prettyScenario } from './jsonDraft.ts';

export type JsonCheck =
  | { kind: 'invalid'; issues: ValidationIssue[] }
  /** Valid, and the same scenario as now once defaults are filled in: nothing to apply. */
  | { kind: 'unchanged' }
  | { kind: 'valid'; scenario: Scenario };

/** What Apply would do with the JSON view's text: validated exactly as a pasted file is. */
export function checkJsonText(text: string, current: Scenario | null): JsonCheck {
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues };
  if (current !== null && prettyScenario(parsed.value) === prettyScenario(current)) return { kind: 'unchanged' };
  return { kind: 'valid', scenario: parsed.value };
}
