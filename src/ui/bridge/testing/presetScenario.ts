import { loadPreset } from '../../../scenario/presets/index.ts';
import type { Scenario } from '../../../sim/model/scenario.ts';

/** A preset's scenario, validated (tests only). */
export function presetScenario(name: string): Scenario {
  const parsed = loadPreset(name);
  if (!parsed.ok) throw new Error(`preset ${name} does not parse`);
  return parsed.value;
}
