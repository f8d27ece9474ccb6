/** Real runs of the presets for the tests of this folder (run once per test file and kept). */
import { check } from '../../check/check.ts';
import type { CheckResult } from '../../check/types.ts';
import { machineNameFor, type LockMachineName } from '../../lock/machines/index.ts';
import { loadPreset, PRESETS } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';

export interface PresetRun {
  name: string;
  scenario: Scenario;
  trace: TraceEvent[];
}

const runs = new Map<string, PresetRun>();

export function presetRun(name: string): PresetRun {
  const cached = runs.get(name);
  if (cached !== undefined) return cached;
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} does not load`);
  const result = { name, scenario: loaded.value, trace: run(loaded.value).trace };
  runs.set(name, result);
  return result;
}

export function allPresetRuns(): PresetRun[] {
  return PRESETS.map((p) => presetRun(p.name));
}

export function verdictOf(r: PresetRun): CheckResult {
  return check(r.trace);
}

/** The machine a client of a run runs, or null for a script client. */
export function machineOf(r: PresetRun, client: string): LockMachineName | null {
  const spec = r.scenario.clients.find((c) => c.id === client);
  if (spec === undefined || spec.strategy.kind === 'script') return null;
  return machineNameFor(spec.strategy);
}

/** Every client-state event of every preset, with its machine and index. */
export function clientStateEvents(): { run: PresetRun; index: number; client: string; label: string; machine: LockMachineName }[] {
  return allPresetRuns().flatMap((r) =>
    r.trace.flatMap((e, index) => {
      if (e.kind !== 'client-state') return [];
      const machine = machineOf(r, e.client);
      return machine === null ? [] : [{ run: r, index, client: e.client, label: e.state, machine }];
    }),
  );
}
