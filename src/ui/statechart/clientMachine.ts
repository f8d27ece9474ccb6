import { machineNameFor, type LockMachineName } from '../../lock/machines/index.ts';
import { STATECHARTS, type Statechart } from '../../lock/statechart.ts';
import type { Scenario } from '../../sim/model/scenario.ts';

/** What the statechart panel can show for the selected process. */
export type ClientMachine =
  | { kind: 'machine'; client: string; name: LockMachineName; chart: Statechart }
  /** A script client sends raw commands: it has no lock machine. */
  | { kind: 'script'; client: string }
  /** Nothing is selected, or the selection is not a client (a node, the sentinel). */
  | { kind: 'none' };

export function clientMachine(scenario: Scenario | null, selected: string | null): ClientMachine {
  const spec = scenario?.clients.find((c) => c.id === selected);
  if (spec === undefined) return { kind: 'none' };
  if (spec.strategy.kind === 'script') return { kind: 'script', client: spec.id };
  const name = machineNameFor(spec.strategy);
  return { kind: 'machine', client: spec.id, name, chart: STATECHARTS[name] };
}
